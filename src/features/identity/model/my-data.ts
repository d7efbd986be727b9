/** 我的数据 as the page lists it: one section per kind of record. Pure: no Taro. */
import { isPartyMember } from '@contracts/labels/common';
import type { MyData } from '@contracts';
import { formatDate, formatDateTime } from '@/utils/dates';
import { DECLARATION_STATUS_LABEL, MEMBER_STATUS_LABEL, PARTY_STATUS_LABEL } from '@/features/roster/model';
import { signed } from '@/features/points/model';

export interface MyDataRow {
  key: string;
  title: string;
  detail: string;
  value?: string;
}

export interface MyDataSectionView {
  id: string;
  title: string;
  rows: MyDataRow[];
  empty: string;
}

const ROLE = { admin: '党委管理员', secretary: '支部书记', officer: '支委' } as const;
const ATTENDANCE = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  exempt: '免参加',
  absent: '缺席',
  revoked: '已撤销',
} as const;
const METHOD: Record<string, string> = {
  self: '扫码签到',
  organiser: '组织者扫码',
  manual: '书记补签',
  host: '组织者',
  close: '活动结束时记录',
};
const LEAVE = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;
const OBJECTION = { open: '待处理', upheld: '已采纳', dismissed: '未采纳' } as const;

const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

/** The sections of 我的数据, in the order of the Excel file's sheets. */
export function myDataSections(data: MyData, now: Date = new Date()): MyDataSectionView[] {
  const when = (at: string | null | undefined) => formatDateTime(at, now);
  const m = data.member;
  const profile: MyDataRow[] = m
    ? [
        { key: 'name', title: '姓名', detail: '', value: m.name },
        { key: 'phone', title: '手机号', detail: '', value: m.phone ?? '无' },
        ...(m.landline ? [{ key: 'landline', title: '固定电话', detail: '', value: m.landline }] : []),
        { key: 'status', title: '党员身份', detail: '', value: PARTY_STATUS_LABEL[m.partyStatus] },
        // Someone on the way to membership has no dates yet (发展党员 keeps their steps).
        ...(isPartyMember(m.partyStatus)
          ? [
              {
                key: 'dates',
                title: '入党 / 转正日期',
                detail: join(formatDate(m.joinedAt) || '入党日期待补充', m.fullAt ? formatDate(m.fullAt) : '尚未转正'),
              },
            ]
          : []),
        { key: 'org', title: '所在支部', detail: join(m.orgName, m.groupName, m.externalOrg) },
        {
          key: 'personal',
          title: '性别 / 出生日期 / 民族 / 学历',
          detail: join(m.gender, m.birthDate && `${formatDate(m.birthDate)}出生`, m.ethnicity, m.education) || '未填写',
        },
        { key: 'workUnit', title: '工作单位', detail: m.workUnit ?? '未填写' },
        { key: 'categories', title: '党员分类', detail: m.categories.join('、') || '无' },
        {
          key: 'roster',
          title: '名册状态',
          detail: join(m.exemptReason && `免参加：${m.exemptReason}`),
          value: MEMBER_STATUS_LABEL[m.status],
        },
        ...m.history.map((h, i) => ({ key: `history-${i}`, title: '名册变更', detail: join(when(h.at), h.note) })),
      ]
    : [];
  return [
    {
      id: 'profile',
      title: '名册信息',
      rows: [
        ...profile,
        ...data.bindings.map((b, i) => ({
          key: `binding-${i}`,
          title: '微信绑定',
          detail: join(b.account, when(b.at)),
        })),
        ...data.roles.map((r, i) => ({
          key: `role-${i}`,
          title: '担任职务',
          detail: join(r.orgName, when(r.at)),
          value: ROLE[r.role],
        })),
      ],
      empty: '尚未绑定党员名册。',
    },
    {
      id: 'declarations',
      title: '亮身份申报',
      rows: data.declarations.map((d) => ({
        key: d.id,
        title: join(d.name, PARTY_STATUS_LABEL[d.partyStatus], d.orgName ?? d.externalOrg),
        detail: join(
          `提交于 ${when(d.createdAt)}`,
          d.consent ? `单独同意 ${d.consent.version}，${when(d.consent.at)}` : '申报时尚未单独征求同意',
          d.reason,
        ),
        value: DECLARATION_STATUS_LABEL[d.status],
      })),
      empty: '没有申报记录。',
    },
    {
      id: 'attendance',
      title: '签到记录',
      rows: data.attendance.map((a) => ({
        key: a.activityId,
        title: a.title,
        detail: join(
          when(a.at),
          METHOD[a.method] ?? a.method,
          a.location && `距活动地点约 ${a.location.distance} 米`,
          a.note,
        ),
        value: ATTENDANCE[a.status],
      })),
      empty: '没有签到记录。',
    },
    {
      id: 'leaves',
      title: '请假',
      rows: data.leaves.map((l) => ({
        key: l.activityId,
        title: l.activityTitle,
        detail: join(when(l.at), l.reason, l.note),
        value: LEAVE[l.status],
      })),
      empty: '没有请假记录。',
    },
    {
      id: 'points',
      title: '积分明细',
      rows: data.points.map((p) => ({
        key: p.id,
        title: p.ruleName,
        detail: join(when(p.at), p.reason, p.reverses && '冲正'),
        value: signed(p.value),
      })),
      empty: '没有积分记录。',
    },
    {
      id: 'lectures',
      title: '学习进度',
      rows: data.lectures.map((l) => ({
        key: l.lectureId,
        title: l.title,
        detail: join(`进度 ${l.progress}%`, l.quizPassed === null ? '' : l.quizPassed ? '测验已通过' : '测验未通过'),
        value: l.completed ? '完成' : '未完成',
      })),
      empty: '没有学习记录。',
    },
    {
      id: 'objections',
      title: '积分异议',
      rows: data.objections.map((o) => ({
        key: o.id,
        title: `${o.ruleName} ${signed(o.value)}`,
        detail: join(when(o.at), o.reason, o.resolution),
        value: OBJECTION[o.status],
      })),
      empty: '没有提出过异议。',
    },
  ];
}
