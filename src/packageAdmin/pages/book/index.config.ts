export default definePageConfig({
  navigationBarTitleText: '编辑书目',
})
