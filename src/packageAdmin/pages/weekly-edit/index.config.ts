export default definePageConfig({
  navigationBarTitleText: '编排每周一学',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
