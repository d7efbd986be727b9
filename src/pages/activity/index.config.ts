export default definePageConfig({
  navigationBarTitleText: '活动详情',
  enablePullDownRefresh: true,
  // 转发 sends an invitation to the activity to a chat.
  enableShareAppMessage: true,
});
