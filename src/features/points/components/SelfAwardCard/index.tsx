import { Text, View } from '@tarojs/components';
import type { SelfAwardItem } from '@contracts';
import { entryTime, signed } from '@/features/points/model/points';
import { CAUSE_LINK_TEXT, causeRoute } from '@/features/points/model/self-awards';
import { go } from '@/utils/routes';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/** One 自我加分 entry: who, what they gained, how they were behind its cause, and a link to it. */
export default function SelfAwardCard({ item }: { item: SelfAwardItem }) {
  return (
    <View
      className={`zb-selfaward e2e-self-award ${item.reversed ? 'zb-selfaward--reversed' : ''}`}
      data-entry={item.entryId}
    >
      <View className="zb-selfaward__line">
        <Text className="zb-selfaward__member">{item.memberName}</Text>
        <Text className="zb-selfaward__branch">{item.branchName}</Text>
        <Text className="zb-selfaward__value">{signed(item.value)}</Text>
      </View>
      <View className="zb-selfaward__line">
        <StatusTag tone="warning" className="e2e-self-award-role">
          {item.roleLabel}
        </StatusTag>
        <Text className="zb-selfaward__rule">{item.ruleName}</Text>
        {item.reversed ? (
          <StatusTag tone="muted" className="e2e-self-award-reversed">
            已冲正
          </StatusTag>
        ) : null}
      </View>
      <Text className="zb-selfaward__reason">{item.reason}</Text>
      <View className="zb-selfaward__foot">
        <Text className="zb-selfaward__time">{entryTime(item.at)}</Text>
        <Text className="zb-selfaward__link e2e-self-award-link" onClick={() => go(causeRoute(item.cause))}>
          {`${CAUSE_LINK_TEXT[item.cause.kind]}：${item.cause.title}`}
        </Text>
      </View>
    </View>
  );
}
