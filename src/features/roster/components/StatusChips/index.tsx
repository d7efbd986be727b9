import { View } from '@tarojs/components';
import type { PartyStatus } from '@contracts';
import { statusChips } from '@/features/roster/model/on-the-way';
import type { StatusCategory } from '@/utils/status-categories';
import './index.scss';

interface Props {
  value: StatusCategory;
  /** How many each 党员身份 holds (the list's `byStatus`); null while loading. */
  byStatus: Partial<Record<PartyStatus, number>> | null;
  onChange: (value: StatusCategory) => void;
}

/** 花名册 by category: 全部 / 党员 / 发展对象 / 入党积极分子 / 入党申请人, each with its count. */
export default function StatusChips({ value, byStatus, onChange }: Props) {
  return (
    <View className="zb-status-chips e2e-roster-chips">
      {statusChips(byStatus).map((chip) => (
        <View
          key={chip.key}
          className={`zb-status-chips__chip e2e-roster-chip-${chip.key} ${chip.key === value ? 'zb-status-chips__chip--on' : ''}`}
          onClick={() => onChange(chip.key)}
        >
          {chip.count === null ? chip.label : `${chip.label} ${chip.count}`}
        </View>
      ))}
    </View>
  );
}
