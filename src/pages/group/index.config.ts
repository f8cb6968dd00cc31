export default definePageConfig({
  navigationBarTitleText: '小组',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
