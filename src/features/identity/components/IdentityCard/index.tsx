import { Text, View } from '@tarojs/components';
import type { IdentityCard as Card } from '@contracts';
import { formatDate } from '@/utils/dates';
import { PARTY_STATUS_LABEL, partyYearsFigure } from '@/features/roster/model';
import PartyEmblem from '@/features/identity/components/PartyEmblem';
import './index.scss';

/** 身份卡: the red card a member shows and shares. */
export default function IdentityCard({ card }: { card: Card }) {
  const years = partyYearsFigure(card.partyYears);
  return (
    <View className="zb-idcard e2e-identity-card">
      <View className="zb-idcard__card">
        <View className="zb-idcard__glow" />
        <PartyEmblem className="zb-idcard__watermark" />
        <View className="zb-idcard__header">
          <PartyEmblem className="zb-idcard__emblem" />
          <View className="zb-idcard__org">
            <Text className="zb-idcard__committee">{card.committeeName}</Text>
            <Text className="zb-idcard__kind">党员身份卡</Text>
          </View>
          {card.badge ? <Text className="zb-idcard__badge">{card.badge}</Text> : null}
        </View>

        <View className="zb-idcard__body">
          <View className="zb-idcard__who">
            <Text className="zb-idcard__name e2e-card-name">{card.name}</Text>
            <Text className="zb-idcard__branch">{card.orgName}</Text>
            {card.badge !== PARTY_STATUS_LABEL[card.partyStatus] ? (
              <Text className="zb-idcard__status">{PARTY_STATUS_LABEL[card.partyStatus]}</Text>
            ) : null}
          </View>
          <View className="zb-idcard__years e2e-card-years">
            <Text className="zb-idcard__years-caption">{years.caption}</Text>
            <View className="zb-idcard__years-row">
              <Text className={`zb-idcard__years-figure ${years.unit ? '' : 'zb-idcard__years-figure--text'}`}>
                {years.figure}
              </Text>
              {years.unit ? <Text className="zb-idcard__years-unit">{years.unit}</Text> : null}
            </View>
          </View>
        </View>

        <View className="zb-idcard__dates">
          <View className="zb-idcard__date">
            <Text className="zb-idcard__date-label">入党日期</Text>
            <Text className="zb-idcard__date-value">{formatDate(card.joinedAt) || '待补充'}</Text>
          </View>
          <View className="zb-idcard__date">
            <Text className="zb-idcard__date-label">转正日期</Text>
            <Text className="zb-idcard__date-value">{card.fullAt ? formatDate(card.fullAt) : '预备期中'}</Text>
          </View>
        </View>
      </View>

      <View className="zb-idcard__pledge">
        <View className="zb-idcard__pledge-line" />
        <Text className="zb-idcard__pledge-text">{card.pledge || '我是共产党员'}</Text>
        <View className="zb-idcard__pledge-line" />
      </View>
    </View>
  );
}
