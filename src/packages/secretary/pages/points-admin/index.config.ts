export default definePageConfig({
  navigationBarTitleText: '党委积分',
  enablePullDownRefresh: true,
});
