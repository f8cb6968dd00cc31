export default definePageConfig({
  navigationBarTitleText: '每周一学',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
