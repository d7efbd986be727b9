/** Activities' zod-free contract values (see labels/common.ts). */

export const ACTIVITY_KINDS = [
  'party_congress',
  'committee',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'volunteer',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  party_congress: '支部党员大会',
  committee: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  volunteer: '志愿服务',
  other: '其他',
};

/**
 * An activity expecting fewer members than this awards no points to anyone: a meeting is held
 * with others (separation of duties; docs/api.md, "Trust: activities").
 */
export const MIN_EXPECTED_FOR_POINTS = 3;
export const FEW_EXPECTED_NO_POINTS = `应到人数少于 ${MIN_EXPECTED_FOR_POINTS} 人，本活动不计积分`;

/** An activity's fields, as `activity.create` / `update` bound them. */
export const TITLE_MIN_LENGTH = 2;
export const TITLE_MAX_LENGTH = 40;
export const TITLE_TOO_SHORT = `标题至少 ${TITLE_MIN_LENGTH} 个字`;
export const TITLE_TOO_LONG = `标题最多 ${TITLE_MAX_LENGTH} 个字`;
export const NOTES_MAX_LENGTH = 500;
export const PLACE_NAME_MAX_LENGTH = 60;
export const PLACE_NAME_REQUIRED = '请填写地点';
/** The sign-in radius around the place, metres. */
export const RADIUS_MIN = 50;
export const RADIUS_MAX = 5000;
/** Minutes after the start before a sign-in counts as 迟到. */
export const GRACE_MAX_MINUTES = 120;
export const NO_EXPECTED_MEMBERS = '请至少选择一名应到党员';

/**
 * WeChat's entry scenes (wx.getEnterOptionsSync().scene) in which a sign-in page opened by WeChat
 * itself was reached by pointing the camera at a code: 扫描二维码 (a link code) and 扫描小程序码.
 */
export const CAMERA_SCAN_SCENES = [1011, 1047] as const;

/** What a member is told when the page was reached otherwise (a forwarded screenshot, the album, a shared card). */
export const SCAN_REQUIRED_MESSAGE =
  '请用微信“扫一扫”对准大屏上的签到码签到；转发的截图、相册里的图片和分享的卡片不能用来签到';
