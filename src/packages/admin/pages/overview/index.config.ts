export default definePageConfig({
  navigationBarTitleText: '支部概览',
  enablePullDownRefresh: true,
});
