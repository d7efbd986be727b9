import { Text, View } from '@tarojs/components';
import type { MemberHistoryEntry } from '@contracts';
import { formatDateTime } from '@/utils/dates';
import { HISTORY_ACTION_LABEL } from '@/features/roster/model/party';
import './index.scss';

/** The roster entry's changes, newest first. */
export default function MemberHistory({ entries }: { entries: MemberHistoryEntry[] }) {
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <View className="zb-history e2e-member-history">
      <Text className="zb-history__title">变更记录</Text>
      {sorted.length ? null : <Text className="zb-history__empty">暂无记录</Text>}
      {sorted.map((h, i) => (
        <View className="zb-history__item" key={`${h.at}-${i}`}>
          <View className="zb-history__dot" />
          <View className="zb-history__body">
            <View className="zb-history__line">
              <Text className="zb-history__action">{HISTORY_ACTION_LABEL[h.action] ?? h.action}</Text>
              <Text className="zb-history__at">{formatDateTime(h.at)}</Text>
            </View>
            {h.note ? <Text className="zb-history__note">{h.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
