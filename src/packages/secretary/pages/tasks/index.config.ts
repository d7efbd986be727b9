export default definePageConfig({
  navigationBarTitleText: '任务清单',
  enablePullDownRefresh: true,
});
