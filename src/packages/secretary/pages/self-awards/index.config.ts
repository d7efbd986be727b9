export default definePageConfig({
  navigationBarTitleText: '自我加分复核',
  enablePullDownRefresh: true,
});
