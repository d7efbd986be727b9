/** The roster's zod-free contract values (see labels/common.ts). */

export const DEACTIVATION_REASONS = ['转出', '出党', '停止党籍', '去世', '其他'] as const;
export const MEMBER_STATUSES = ['active', 'inactive'] as const;

/** 初始化: the branch the first admin's own roster entry goes to, unless they name another. */
export const SETUP_DEFAULT_BRANCH = '机关党支部';
/** How short a setup code the functions accept (ZHIBU_SETUP_CODE): a guessable one is refused. */
export const SETUP_CODE_MIN_LENGTH = 8;

/**
 * The optional roster fields a committee keeps (issue 12): 性别, 出生日期, 民族, 学历, 工作单位 and
 * categories. No 身份证号: a branch needs none (DESIGN.md, sensitive personal information).
 */
export const GENDERS = ['男', '女'] as const;

/** The 56 民族, in the order of GB/T 3304. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

/** 学历 as 党员花名册 record it (highest completed). */
export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;

/** Other ways a secretary's file writes a 学历, mapped to EDUCATION_LEVELS (for the importer). */
export const EDUCATION_ALIASES: Readonly<Record<string, (typeof EDUCATION_LEVELS)[number]>> = {
  博士: '研究生',
  博士研究生: '研究生',
  硕士: '研究生',
  硕士研究生: '研究生',
  本科: '大学本科',
  大学: '大学本科',
  大专: '大学专科',
  专科: '大学专科',
  中等专科: '中专',
  中技: '中专',
  技校: '中专',
  职高: '中专',
  初中: '初中及以下',
  小学: '初中及以下',
};

/** The categories a branch marks members with, for care and organisational life (several may apply). */
export const MEMBER_CATEGORIES = [
  '老党员',
  '困难党员',
  '流动党员',
  '离退休党员',
  '残疾党员',
  '烈士遗属',
  '退役军人党员',
] as const;

/** 工作单位's longest accepted text. */
export const WORK_UNIT_MAX = 60;
/** A 两新 organisation's name (工作单位 in a declaration, 单位名称 in the register): at most this many characters. */
export const EMPLOYER_NAME_MAX = 50;
/** 两新组织: 非公有制企业 and 社会组织. */
export const EMPLOYER_KINDS = ['enterprise', 'social'] as const;
export const EMPLOYER_KIND_LABEL: Readonly<Record<(typeof EMPLOYER_KINDS)[number], string>> = {
  enterprise: '企业',
  social: '社会组织',
};
/** What the rules suggest: 单独组建 (three or more 正式党员), 联合组建 or a 党建指导员 (fewer), nothing. */
export const EMPLOYER_SUGGESTION_LABEL: Readonly<Record<'single' | 'joint' | 'none', string>> = {
  single: '单独组建',
  joint: '联合组建或选派党建指导员',
  none: '无',
};
/** The committee's three lists. */
export const EMPLOYER_LISTS = ['priority', 'focus', 'deferred'] as const;
export const EMPLOYER_LIST_LABEL: Readonly<Record<(typeof EMPLOYER_LISTS)[number], string>> = {
  priority: '优先组建',
  focus: '重点攻坚',
  deferred: '暂缓组建',
};

/** 入党 takes 年满十八岁: 出生日期 at least this many years before 入党日期. */
export const MIN_JOIN_AGE = 18;

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
  'org.rate': '评星定级',
  'org.ratingCriteria': '评星定级标准',
  'employer.import': '导入两新组织',
  'employer.file': '两新组织归类',
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
  'activity.record': '填写会议记录',
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
  'develop.start': '建立发展党员档案',
  'develop.step': '记录发展党员步骤',
  'develop.extend': '延长预备期',
  'develop.close': '终止发展党员',
  'develop.config': '修改发展党员步骤',
  'task.create': '下发任务',
  'task.done': '任务销号',
};
