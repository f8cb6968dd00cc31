export default definePageConfig({
  navigationBarTitleText: '小组讨论',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
