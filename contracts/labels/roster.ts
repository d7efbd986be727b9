/** The roster's zod-free contract values (see labels/common.ts). */

export const DEACTIVATION_REASONS = ['转出', '出党', '停止党籍', '去世', '其他'] as const;
export const MEMBER_STATUSES = ['active', 'inactive'] as const;

/** 初始化: the branch the first admin's own roster entry goes to, unless they name another. */
export const SETUP_DEFAULT_BRANCH = '机关党支部';
/** How short a setup code the functions accept (ZHIBU_SETUP_CODE): a guessable one is refused. */
export const SETUP_CODE_MIN_LENGTH = 8;

/** The page a branch's invitation 小程序码 opens (亮身份), and its `scene`: `o=<branch id>` (≤ 32 characters). */
export const INVITE_PAGE = 'packages/member/pages/declare/index';
export const inviteScene = (branchId: string): string => `o=${branchId}`;

/** The branch a 小程序码's `scene` (URL-encoded in the launch query) invites to, or undefined. */
export function branchOfInviteScene(scene: string | undefined): string | undefined {
  if (!scene) return undefined;
  let text = scene;
  try {
    text = decodeURIComponent(scene);
  } catch {
    // Not encoded: read as is.
  }
  return /^o=([A-Za-z0-9_-]{1,30})$/.exec(text)?.[1];
}

/** What each kind of audit-log entry (`roster.auditLog`'s `action`) means, in the 操作日志's words. */
export const AUDIT_ACTION_LABEL: Readonly<Record<string, string>> = {
  setup: '初始化',
  'org.create': '新建组织',
  'org.rename': '组织改名',
  'org.move': '移动党小组',
  'org.archive': '撤销组织',
  'role.grant': '任命职务',
  'role.revoke': '撤销职务',
  'member.create': '新增党员',
  'member.update': '修改党员信息',
  'member.transfer': '组织关系转接',
  'member.deactivate': '停用党员',
  'member.import': '导入花名册',
  'member.export': '导出花名册',
  'declaration.approve': '通过亮身份',
  'declaration.reject': '退回亮身份',
  'activity.create': '新建活动',
  'activity.update': '修改活动',
  'activity.cancel': '取消活动',
  'activity.close': '结束活动',
  'activity.manualCheckin': '补签',
  'activity.undoCheckin': '撤销签到',
  'activity.leave.approved': '批准请假',
  'activity.leave.rejected': '驳回请假',
  'points.record': '记录加减分',
  'points.reverse': '冲正积分',
  'points.rules': '修改积分规则',
  'points.rebuild': '重建积分汇总',
  'points.export': '导出积分',
  'points.objection.upheld': '采纳积分异议',
  'points.objection.dismissed': '驳回积分异议',
  'lecture.create': '新建课程',
  'lecture.publish': '发布课程',
  'lecture.unpublish': '下架课程',
};
