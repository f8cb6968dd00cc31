export default definePageConfig({
  navigationBarTitleText: '学习圈',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
