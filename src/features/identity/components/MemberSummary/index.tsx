import { Text, View } from '@tarojs/components';
import type { MemberSummary as Member } from '@contracts';
import { PARTY_STATUS_LABEL, partyYearsFigure } from '@/features/roster/model';
import PartyEmblem from '@/features/identity/components/PartyEmblem';
import './index.scss';

/**
 * 首页's card summary: who I am, my branch, 正式/预备 and 党龄 at a glance; taps through to 身份卡.
 * Someone on the way to membership has no card and no 党龄: the server's note says when they will.
 */
export default function MemberSummary({ member, onOpenCard }: { member: Member; onOpenCard: () => void }) {
  const years = partyYearsFigure(member.partyYears);
  const note = member.cardNote;
  return (
    <View className="zb-summary e2e-member-summary" onClick={note ? undefined : onOpenCard}>
      <View className="zb-summary__top">
        {note ? null : <PartyEmblem className="zb-summary__emblem" />}
        <View className="zb-summary__who">
          <Text className="zb-summary__name">{member.name}</Text>
          <Text className="zb-summary__branch">{member.orgName}</Text>
        </View>
        {note ? null : (
          <View className="zb-summary__years">
            <View className="zb-summary__years-row">
              <Text className={`zb-summary__years-figure ${years.unit ? '' : 'zb-summary__years-figure--text'}`}>
                {years.figure}
              </Text>
              {years.unit ? <Text className="zb-summary__years-unit">{years.unit}</Text> : null}
            </View>
            <Text className="zb-summary__years-caption">{years.caption}</Text>
          </View>
        )}
      </View>
      <View className="zb-summary__bottom">
        <Text className="zb-summary__status">{PARTY_STATUS_LABEL[member.partyStatus]}</Text>
        {note ? (
          <Text className="zb-summary__note e2e-card-note">{note}</Text>
        ) : (
          <Text className="zb-summary__link e2e-open-card">查看身份卡 ›</Text>
        )}
      </View>
    </View>
  );
}
