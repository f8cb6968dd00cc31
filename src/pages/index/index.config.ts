export default definePageConfig({
  // 分享连续打卡 (ShareCard) and the 转发 menu.
  enableShareAppMessage: true,
  navigationBarTitleText: '学习圈',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
