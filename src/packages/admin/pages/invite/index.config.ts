export default definePageConfig({
  navigationBarTitleText: '邀请入支部',
  // 转发 sends the branch's invitation card to a chat.
  enableShareAppMessage: true,
});
