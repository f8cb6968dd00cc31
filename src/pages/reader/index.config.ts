export default definePageConfig({
  navigationBarTitleText: '学习',
  // Articles and chapters can be sent to a chat (useShareAppMessage).
  enableShareAppMessage: true,
})
