export default definePageConfig({
  navigationBarTitleText: '编辑考试',
})
