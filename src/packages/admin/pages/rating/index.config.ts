export default definePageConfig({
  navigationBarTitleText: '评星定级',
  enablePullDownRefresh: true,
});
