export default definePageConfig({
  navigationBarTitleText: '提醒落后的成员',
})
