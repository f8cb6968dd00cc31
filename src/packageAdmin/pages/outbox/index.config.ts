export default definePageConfig({
  navigationBarTitleText: '推送记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
