export default definePageConfig({
  navigationBarTitleText: '支部通',
  enablePullDownRefresh: true,
});
