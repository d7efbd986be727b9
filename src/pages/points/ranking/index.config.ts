export default definePageConfig({
  navigationBarTitleText: '支部积分排行',
  enablePullDownRefresh: true,
});
