export default definePageConfig({
  navigationBarTitleText: '成员管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
