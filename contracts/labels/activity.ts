/** Activities' zod-free contract values (see labels/common.ts). */

export const ACTIVITY_KINDS = [
  'party_congress',
  'committee',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
  'democratic_review',
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
  life_meeting: '组织生活会',
  democratic_review: '民主评议党员',
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
export const NO_EXPECTED_MEMBERS = '请至少选择一名应到人员';

/**
 * WeChat's entry scenes (wx.getEnterOptionsSync().scene) in which a sign-in page opened by WeChat
 * itself was reached by pointing the camera at a code: 扫描二维码 (a link code) and 扫描小程序码.
 */
export const CAMERA_SCAN_SCENES = [1011, 1047] as const;

/** What a member is told when the page was reached otherwise (a forwarded screenshot, the album, a shared card). */
export const SCAN_REQUIRED_MESSAGE =
  '请用微信“扫一扫”对准大屏上的签到码签到；转发的截图、相册里的图片和分享的卡片不能用来签到';

/**
 * The 三会一课 cadence of the 中国共产党支部工作条例（试行） (`activity.cadence`): each kind a branch
 * must hold and how often. 党课 follows the committee's schedule (`points.updateRules`
 * `settings.lectureCadence`, default quarterly); the others are fixed by the 条例.
 */
export const CADENCE_PERIODS = ['month', 'quarter', 'year'] as const;
export type CadencePeriod = (typeof CADENCE_PERIODS)[number];
export const DEFAULT_LECTURE_CADENCE: CadencePeriod = 'quarter';
export const CADENCE_KINDS = [
  'party_congress',
  'committee',
  'group_meeting',
  'theme_day',
  'party_lecture',
  'life_meeting',
  'democratic_review',
] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];
export const CADENCE_STATUS_LABELS = { done: '已完成', due: '待完成', overdue: '已逾期' } as const;
export const CADENCE_PERIOD_LABELS: Record<CadencePeriod, string> = { month: '每月', quarter: '每季度', year: '每年' };
/** A branch with no activity held for this many days is flagged 静默. */
export const SILENT_AFTER_DAYS = 30;

/** The meeting record (`activity.saveRecord`): lengths of its fields. */
export const RECORD_PERSON_MAX_LENGTH = 20;
export const RECORD_TOPICS_MAX_LENGTH = 1000;
export const RECORD_SUMMARY_MAX_LENGTH = 5000;
export const RECORD_DECISIONS_MAX_LENGTH = 2000;
/** At most this many in each count of a vote (far beyond any branch). */
export const VOTE_COUNT_MAX = 10000;
