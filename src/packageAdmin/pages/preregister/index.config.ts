export default definePageConfig({
  navigationBarTitleText: '预登记成员',
})
