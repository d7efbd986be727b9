export default definePageConfig({
  navigationBarTitleText: '我的名次',
  enablePullDownRefresh: true,
});
