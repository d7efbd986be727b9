export default definePageConfig({
  navigationBarTitleText: '发展党员步骤设置',
});
