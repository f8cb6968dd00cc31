export default definePageConfig({
  navigationBarTitleText: '学习规则',
})
