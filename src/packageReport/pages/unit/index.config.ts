export default definePageConfig({
  navigationBarTitleText: '季度通报',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
