export default definePageConfig({
  // 分享我的学习 (ShareCard) and the 转发 menu.
  enableShareAppMessage: true,
  navigationBarTitleText: '我的',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
