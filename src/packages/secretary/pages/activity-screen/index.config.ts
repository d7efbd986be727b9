export default definePageConfig({
  navigationBarTitleText: '签到大屏',
  // A phone or tablet on a stand can turn sideways for the projector.
  pageOrientation: 'auto',
});
