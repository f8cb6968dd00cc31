export default definePageConfig({
  navigationBarTitleText: '我的季度报告',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
