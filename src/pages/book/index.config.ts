export default definePageConfig({
  navigationBarTitleText: '书目',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
