export default definePageConfig({
  navigationBarTitleText: '编辑章节',
})
