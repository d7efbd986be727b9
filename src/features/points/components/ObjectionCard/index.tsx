import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ObjectionView } from '@contracts';
import { OBJECTION_STATUS_LABEL } from '@/features/points/model/objections';
import { entryTime, signed, valueTone } from '@/features/points/model/points';
import StatusTag, { type Tone } from '@/components/StatusTag';
import './index.scss';

const TONE: Record<ObjectionView['status'], Tone> = { open: 'gold', upheld: 'success', dismissed: 'muted' };

interface Props {
  item: ObjectionView;
  /** The caller objected themselves: someone else on the committee decides. */
  own: boolean;
  /** Whether the caller may decide objections here (a points write); 支委 only read them. */
  mayResolve: boolean;
  onUphold: (item: ObjectionView) => void;
  onDismiss: (item: ObjectionView) => void;
}

/** One objection: whose entry, what it was, why the member disputes it; 成立（冲正） / 不成立 while open. */
export default function ObjectionCard({ item, own, mayResolve, onUphold, onDismiss }: Props) {
  const open = item.status === 'open';
  return (
    <View className={`zb-objcard e2e-objection-item e2e-objection-${item.status}`}>
      <View className="zb-objcard__head">
        <View className="zb-objcard__who">
          <Text className="zb-objcard__name e2e-objection-member">{item.memberName}</Text>
          {open ? null : <StatusTag tone={TONE[item.status]}>{OBJECTION_STATUS_LABEL[item.status]}</StatusTag>}
        </View>
        <Text className={`zb-objcard__value zb-objcard__value--${valueTone(item.value)} e2e-objection-value`}>
          {signed(item.value)}
        </Text>
      </View>
      <Text className="zb-objcard__rule">{item.ruleName}</Text>
      <Text className="zb-objcard__entry">{`记录原因：${item.entryReason}`}</Text>
      <Text className="zb-objcard__time">{`记录于 ${entryTime(item.entryAt)}`}</Text>
      <View className="zb-objcard__objection">
        <Text className="zb-objcard__label">异议理由</Text>
        <Text className="zb-objcard__reason e2e-objection-reason">{item.reason}</Text>
        <Text className="zb-objcard__time">{`提出于 ${entryTime(item.at)}`}</Text>
      </View>
      {item.resolution ? (
        <Text className="zb-objcard__resolution e2e-objection-resolution">{`处理理由：${item.resolution}`}</Text>
      ) : null}
      {open && own && mayResolve ? (
        <Text className="zb-objcard__own">这是您本人的异议，请由支部其他委员处理。</Text>
      ) : null}
      {open && !own && mayResolve && item.recordedByCaller ? (
        <Text className="zb-objcard__own e2e-objection-recorded-by-you">
          该记录由您录入，异议须由其他书记或党委管理员处理。
        </Text>
      ) : null}
      {open && !mayResolve ? <Text className="zb-objcard__own">由支部书记核实处理。</Text> : null}
      {open && !own && mayResolve && !item.recordedByCaller && !item.canDecide ? (
        // Out of the caller's reach (the member holds a role not below theirs).
        <Text className="zb-objcard__own">该党员的职务不低于您的职务，此异议请由党委管理员处理。</Text>
      ) : null}
      {/* The server decides (canDecide: not one's own, not recorded by oneself, within role precedence). */}
      {open && mayResolve && item.canDecide ? (
        <View className="zb-objcard__actions">
          <Button fill="outline" className="zb-objcard__btn e2e-objection-dismiss" onClick={() => onDismiss(item)}>
            不成立
          </Button>
          <Button type="primary" className="zb-objcard__btn e2e-objection-uphold" onClick={() => onUphold(item)}>
            成立（冲正）
          </Button>
        </View>
      ) : null}
    </View>
  );
}
