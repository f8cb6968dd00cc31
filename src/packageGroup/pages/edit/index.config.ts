export default definePageConfig({
  navigationBarTitleText: '讨论题',
})
