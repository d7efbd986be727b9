import type ExcelJS from 'exceljs';
import type { MyData } from '../../contracts/my-data';
import { formatChinaDateTime } from '../shared/china-time';
import {
  addPrintableSheet,
  newWorkbook,
  workbookBytes,
  type CellInput,
  type PrintableColumn,
  type TypedCell,
} from '../shared/printable-sheet';
import { ATTENDANCE_LABELS } from '../activities';
import { PARTY_STATUS_LABELS as PARTY_STATUS } from '../../contracts/labels/common';

const ROLE = { admin: '党委管理员', secretary: '支部书记', officer: '支委' } as const;
const DECLARATION_STATUS = { pending: '待审核', approved: '已通过', rejected: '已驳回', withdrawn: '已撤回' } as const;
const LEAVE_STATUS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;
const OBJECTION_STATUS = { open: '待处理', upheld: '已采纳', dismissed: '未采纳' } as const;
const MEMBER_STATUS = { active: '在册', inactive: '已停用' } as const;
const METHOD: Record<string, string> = {
  self: '扫码',
  organiser: '组织者扫码',
  manual: '补签',
  host: '组织者（活动结束时记录）',
  close: '活动结束时记录',
};
const REVOKED = '已撤销';

const time = (at: string | null | undefined) => (at ? formatChinaDateTime(new Date(at)) : '');
const dateCell = (value: string | null | undefined): TypedCell => ({ kind: 'date', value });
const timeCell = (value: string | null | undefined): TypedCell => ({ kind: 'dateTime', value });
/** A lecture never opened is 未开始: neither 未完成 nor a failed quiz. */
const completion = (l: MyData['lectures'][number]) => (l.completed ? '完成' : l.progress > 0 ? '未完成' : '未开始');
const quizPassed = (l: MyData['lectures'][number]) =>
  l.quizPassed === null ? '—' : l.quizPassed ? '是' : l.progress > 0 ? '否' : '未开始';

interface Heading {
  title: string;
  org: string;
  exportedAt: Date;
}

function addSheet(
  workbook: ExcelJS.Workbook,
  heading: Heading,
  name: string,
  columns: PrintableColumn[],
  rows: Array<Record<string, CellInput | TypedCell>>,
) {
  return addPrintableSheet(workbook, { ...heading, title: `${heading.title}：${name}`, name, columns, rows });
}

/**
 * 我的数据 as a workbook: one sheet per kind of record, each row one record held about the member.
 * Lectures show progress and completion, never time watched.
 */
export async function buildMyData(data: MyData): Promise<Buffer> {
  const workbook = newWorkbook('我的数据');
  const m = data.member;
  const heading: Heading = {
    title: m ? `我的数据（${m.name}）` : '我的数据',
    org: m?.orgName ?? '—',
    exportedAt: new Date(data.generatedAt),
  };
  const profile: Array<[string, string | TypedCell]> = [
    ['导出时间', timeCell(data.generatedAt)],
    ...((m
      ? [
          ['姓名', m.name],
          ['手机号', m.phone ?? '无'],
          ['固定电话', m.landline ?? ''],
          ['党员身份', PARTY_STATUS[m.partyStatus]],
          ['入党日期', dateCell(m.joinedAt)],
          ['转正日期', dateCell(m.fullAt)],
          ['所在支部', m.orgName],
          ['党小组', m.groupName ?? ''],
          ['组织关系所在单位', m.externalOrg ?? ''],
          ['性别', m.gender ?? ''],
          ['出生日期', dateCell(m.birthDate)],
          ['民族', m.ethnicity ?? ''],
          ['学历', m.education ?? ''],
          ['工作单位', m.workUnit ?? ''],
          ['党员分类', m.categories.join('、')],
          ['名册状态', MEMBER_STATUS[m.status]],
          ['免参加组织生活', m.exemptReason ?? ''],
          ['录入名册时间', timeCell(m.createdAt)],
          ...m.history.map((h): [string, string] => ['名册变更', `${time(h.at)} ${h.note}`]),
        ]
      : [['名册信息', '尚未绑定党员名册']]) as Array<[string, string | TypedCell]>),
    ...data.bindings.map((b): [string, string] => ['微信绑定', `${b.account}，${time(b.at)}`]),
    ...data.roles.map((r): [string, string] => ['担任职务', `${r.orgName} ${ROLE[r.role]}，${time(r.at)}`]),
  ];
  addSheet(
    workbook,
    heading,
    '基本信息',
    [
      { header: '项目', key: 'label', width: 18 },
      { header: '内容', key: 'value', width: 48 },
    ],
    profile.map(([label, value]) => ({ label, value })),
  );
  addSheet(
    workbook,
    heading,
    '亮身份申报',
    [
      { header: '提交时间', key: 'createdAt', width: 17, kind: 'dateTime' },
      { header: '状态', key: 'status', width: 10 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '手机号', key: 'phone', width: 14 },
      { header: '党员身份', key: 'partyStatus', width: 10 },
      { header: '入党日期', key: 'joinedAt', width: 12, kind: 'date' },
      { header: '转正日期', key: 'fullAt', width: 12, kind: 'date' },
      { header: '所在支部或单位', key: 'org', width: 24 },
      { header: '审核意见', key: 'reason', width: 20 },
      { header: '审核时间', key: 'reviewedAt', width: 17, kind: 'dateTime' },
      { header: '单独同意（版本）', key: 'consentVersion', width: 16 },
      { header: '同意时间', key: 'consentAt', width: 17, kind: 'dateTime' },
    ],
    data.declarations.map((d) => ({
      createdAt: d.createdAt,
      status: DECLARATION_STATUS[d.status],
      name: d.name,
      phone: d.phone,
      partyStatus: PARTY_STATUS[d.partyStatus],
      joinedAt: d.joinedAt,
      fullAt: d.fullAt,
      org: d.orgName ?? d.externalOrg ?? '',
      reason: d.reason ?? '',
      reviewedAt: d.reviewedAt,
      consentVersion: d.consent?.version ?? '（申报时尚未单独征求）',
      consentAt: d.consent?.at,
    })),
  );
  addSheet(
    workbook,
    heading,
    '签到记录',
    [
      { header: '活动', key: 'title', width: 24 },
      { header: '活动时间', key: 'startAt', width: 17, kind: 'dateTime' },
      { header: '状态', key: 'status', width: 10 },
      { header: '记录时间', key: 'at', width: 17, kind: 'dateTime' },
      { header: '方式', key: 'method', width: 14 },
      { header: '备注', key: 'note', width: 24 },
      { header: '积分', key: 'points', width: 8, kind: 'integer', total: true },
      { header: '定位（距离，是否在范围内）', key: 'location', width: 26 },
    ],
    data.attendance.map((a) => ({
      title: a.title,
      startAt: a.startAt,
      status: a.status === 'revoked' ? REVOKED : ATTENDANCE_LABELS[a.status],
      at: a.at,
      method: METHOD[a.method] ?? a.method,
      note: a.note ?? '',
      points: a.points,
      location: a.location ? `约 ${a.location.distance} 米，${a.location.within ? '在范围内' : '不在范围内'}` : '',
    })),
  );
  addSheet(
    workbook,
    heading,
    '请假',
    [
      { header: '活动', key: 'activityTitle', width: 24 },
      { header: '活动时间', key: 'activityStartAt', width: 17, kind: 'dateTime' },
      { header: '请假原因', key: 'reason', width: 30 },
      { header: '状态', key: 'status', width: 10 },
      { header: '审批意见', key: 'note', width: 20 },
      { header: '提交时间', key: 'at', width: 17, kind: 'dateTime' },
      { header: '审批时间', key: 'reviewedAt', width: 17, kind: 'dateTime' },
    ],
    data.leaves.map((l) => ({
      ...l,
      activityStartAt: l.activityStartAt,
      status: LEAVE_STATUS[l.status],
      note: l.note ?? '',
      at: l.at,
      reviewedAt: l.reviewedAt,
    })),
  );
  addSheet(
    workbook,
    heading,
    '积分明细',
    [
      { header: '时间', key: 'at', width: 17, kind: 'dateTime' },
      { header: '积分项目', key: 'ruleName', width: 16 },
      { header: '分值', key: 'value', width: 8, kind: 'integer', total: true },
      { header: '原因', key: 'reason', width: 40 },
      { header: '备注', key: 'note', width: 10 },
    ],
    data.points.map((p) => ({
      at: p.at,
      ruleName: p.ruleName,
      value: p.value,
      reason: p.reason,
      note: p.reverses ? '冲正' : '',
    })),
  );
  addSheet(
    workbook,
    heading,
    '学习进度',
    [
      { header: '课程', key: 'title', width: 28 },
      { header: '学习进度', key: 'progress', width: 10, kind: 'percent' },
      { header: '是否完成', key: 'completed', width: 10 },
      { header: '测验通过', key: 'quiz', width: 10 },
      { header: '最近学习', key: 'lastStudiedAt', width: 17, kind: 'dateTime' },
      { header: '完成时间', key: 'completedAt', width: 17, kind: 'dateTime' },
    ],
    data.lectures.map((l) => ({
      title: l.title,
      progress: l.progress / 100,
      completed: completion(l),
      quiz: quizPassed(l),
      lastStudiedAt: l.lastStudiedAt,
      completedAt: l.completedAt,
    })),
  );
  addSheet(
    workbook,
    heading,
    '积分异议',
    [
      { header: '提出时间', key: 'at', width: 17, kind: 'dateTime' },
      { header: '积分项目', key: 'ruleName', width: 16 },
      { header: '分值', key: 'value', width: 8, kind: 'integer' },
      { header: '异议理由', key: 'reason', width: 30 },
      { header: '状态', key: 'status', width: 10 },
      { header: '处理意见', key: 'resolution', width: 30 },
    ],
    data.objections.map((o) => ({
      ...o,
      at: o.at,
      status: OBJECTION_STATUS[o.status],
      resolution: o.resolution ?? '',
    })),
  );
  return workbookBytes(workbook);
}
