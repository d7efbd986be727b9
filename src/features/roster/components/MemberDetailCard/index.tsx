import { Text, View } from '@tarojs/components';
import type { RosterMemberDetail } from '@contracts';
import { formatDate } from '@/utils/dates';
import { PARTY_STATUS_LABEL, partyYearsText } from '@/features/roster/model/party';
import { profileRows } from '@/features/roster/model/profile';
import { wayNote, wayRows } from '@/features/roster/model/on-the-way';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/**
 * A roster entry as the secretary sees it (full phone: their own branch's roster). Someone on the
 * way to membership shows their status, 培养联系人 and 入党介绍人 instead of dates and 党龄, and
 * says that 发展党员 keeps them.
 */
export default function MemberDetailCard({ member, groupName }: { member: RosterMemberDetail; groupName?: string }) {
  const inactive = member.status === 'inactive';
  const note = wayNote(member.partyStatus);
  const party: Array<[string, string]> = note
    ? []
    : [
        ['党员身份', PARTY_STATUS_LABEL[member.partyStatus]],
        ['入党日期', formatDate(member.joinedAt) || '待补充'],
        ['转正日期', member.fullAt ? formatDate(member.fullAt) : '—'],
        ['党龄', partyYearsText(member.partyYears)],
      ];
  const rows: Array<[string, string]> = [
    ['手机号', member.phone ?? '无'],
    ...(member.landline ? [['固定电话', member.landline] as [string, string]] : []),
    ['所在支部', groupName ? `${member.orgName} · ${groupName}` : member.orgName],
    ...party,
    ...wayRows(member),
    ['组织生活', member.exemptReason ? `免参加：${member.exemptReason}` : '正常参加'],
    // 性别, 出生日期, 民族 …: only those filled in (getMember gives them to roster.read over the member).
    ...profileRows(member),
  ];
  return (
    <View className="zb-member-card e2e-member-detail">
      <View className="zb-member-card__head">
        <Text className="zb-member-card__name e2e-member-detail-name">{member.name}</Text>
        <View className="zb-member-card__tags">
          {inactive ? <StatusTag tone="muted">已停用</StatusTag> : <StatusTag tone="success">在册</StatusTag>}
          {note ? null : member.bound ? (
            <StatusTag tone="gold">已亮身份</StatusTag>
          ) : (
            <StatusTag tone="muted">未亮身份</StatusTag>
          )}
          {member.exemptReason ? (
            <StatusTag tone="muted" className="e2e-member-exempt-tag">
              免参加
            </StatusTag>
          ) : null}
        </View>
      </View>
      {note ? <Text className="zb-member-card__way e2e-member-way-note">{note}</Text> : null}
      {inactive && member.inactiveReason ? (
        <Text className="zb-member-card__inactive">{`停用原因：${member.inactiveReason}`}</Text>
      ) : null}
      {rows.map(([label, value]) => (
        <View className="zb-member-card__row" key={label}>
          <Text className="zb-member-card__label">{label}</Text>
          <Text className="zb-member-card__value">{value}</Text>
        </View>
      ))}
    </View>
  );
}
