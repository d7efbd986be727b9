import { Text, View } from '@tarojs/components';
import type { RosterMember } from '@contracts';
import { isPartyMember } from '@contracts/labels/common';
import { PARTY_STATUS_SHORT } from '@/features/roster/model/party';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/**
 * One roster row: name, phone and status (正式, 预备, or someone on the way: 发展对象, 积极分子,
 * 申请人); taps through to the member's page.
 */
export default function MemberRow({ member, onClick }: { member: RosterMember; onClick: () => void }) {
  const inactive = member.status === 'inactive';
  const party = isPartyMember(member.partyStatus);
  return (
    <View className={`zb-member-row e2e-member-row ${inactive ? 'zb-member-row--inactive' : ''}`} onClick={onClick}>
      <View className="zb-member-row__avatar">
        <Text>{member.name.slice(-2)}</Text>
      </View>
      <View className="zb-member-row__main">
        <View className="zb-member-row__line">
          <Text className="zb-member-row__name e2e-member-name">{member.name}</Text>
          <StatusTag
            tone={member.partyStatus === 'full' ? 'primary' : party ? 'gold' : 'warning'}
            className="e2e-member-status"
          >
            {PARTY_STATUS_SHORT[member.partyStatus]}
          </StatusTag>
          {inactive ? <StatusTag tone="muted">已停用</StatusTag> : null}
          {!inactive && member.bound && party ? <StatusTag tone="success">已亮身份</StatusTag> : null}
        </View>
        <Text className="zb-member-row__phone">{member.phone ?? member.landline ?? '无手机'}</Text>
      </View>
      <Text className="zb-member-row__arrow">›</Text>
    </View>
  );
}
