export default definePageConfig({ navigationBarTitleText: '记录加减分' });
