import { Text, View } from '@tarojs/components';
import type { RuleItem } from '@contracts';
import { signed } from '@/features/points/model/points';
import './index.scss';

const CAP_PERIOD = { month: '每月', quarter: '每季度', year: '每年' } as const;

/** The rules that can be recorded by hand, as big choices: name and signed value (推诿任务 −3). */
export default function PointsRulePicker({
  rules,
  value,
  onChange,
}: {
  rules: RuleItem[];
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <View className="zb-rpick e2e-record-rules">
      {rules.map((r) => (
        <View
          key={r.code}
          className={`zb-rpick__item e2e-record-rule e2e-record-rule-${r.code} ${r.code === value ? 'zb-rpick__item--on e2e-record-rule-checked' : ''}`}
          onClick={() => onChange(r.code)}
        >
          <Text className="zb-rpick__name">{r.name}</Text>
          <Text className={`zb-rpick__value zb-rpick__value--${r.value > 0 ? 'bonus' : 'deduction'}`}>
            {`${signed(r.value)} 分`}
          </Text>
          {r.cap && r.capPeriod ? (
            <Text className="zb-rpick__cap">{`${CAP_PERIOD[r.capPeriod]}最多 ${r.cap} 分`}</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
