export default definePageConfig({
  navigationBarTitleText: '两新组织',
  enablePullDownRefresh: true,
});
