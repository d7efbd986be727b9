export default definePageConfig({
  navigationBarTitleText: '身份卡',
  enableShareAppMessage: true,
});
