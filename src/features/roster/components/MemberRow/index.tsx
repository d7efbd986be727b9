import { Text, View } from '@tarojs/components';
import type { RosterMember } from '@contracts';
import { PARTY_STATUS_SHORT } from '@/features/roster/model/party';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/** One roster row: name, phone and status; taps through to the member's page. */
export default function MemberRow({ member, onClick }: { member: RosterMember; onClick: () => void }) {
  const inactive = member.status === 'inactive';
  return (
    <View className={`zb-member-row e2e-member-row ${inactive ? 'zb-member-row--inactive' : ''}`} onClick={onClick}>
      <View className="zb-member-row__avatar">
        <Text>{member.name.slice(-2)}</Text>
      </View>
      <View className="zb-member-row__main">
        <View className="zb-member-row__line">
          <Text className="zb-member-row__name e2e-member-name">{member.name}</Text>
          <StatusTag tone={member.partyStatus === 'full' ? 'primary' : 'gold'}>
            {PARTY_STATUS_SHORT[member.partyStatus]}
          </StatusTag>
          {inactive ? <StatusTag tone="muted">已停用</StatusTag> : null}
          {!inactive && member.bound ? <StatusTag tone="success">已亮身份</StatusTag> : null}
        </View>
        <Text className="zb-member-row__phone">{member.phone ?? member.landline ?? '无手机'}</Text>
      </View>
      <Text className="zb-member-row__arrow">›</Text>
    </View>
  );
}
