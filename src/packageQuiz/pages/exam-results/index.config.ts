export default definePageConfig({
  navigationBarTitleText: '考试成绩统计',
  enablePullDownRefresh: true,
})
