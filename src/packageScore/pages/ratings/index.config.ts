export default definePageConfig({
  navigationBarTitleText: '小组星级',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
