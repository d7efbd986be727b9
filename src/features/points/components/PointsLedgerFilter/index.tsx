import { Text, View } from '@tarojs/components';
import { DateField, SelectField } from '@/components/Field';
import SearchInput from '@/components/SearchInput';
import type { PointsLedgerFilterState } from '@/features/points/hooks/usePointsLedgerFilter';
import './index.scss';

/** 积分明细's filters: a member's name, one 积分项目, a date range; 清除筛选 once any is set. */
export default function PointsLedgerFilter({ state }: { state: PointsLedgerFilterState }) {
  const { filter, set } = state;
  return (
    <View className="zb-pfilter e2e-points-filter">
      <SearchInput
        value={filter.memberName}
        onChange={(memberName) => set({ memberName })}
        placeholder="搜索党员姓名"
        className="zb-pfilter__search e2e-points-filter-name"
      />
      <View className="zb-pfilter__fields">
        <SelectField
          label="积分项目"
          options={state.ruleOptions}
          value={filter.rule}
          placeholder="全部项目"
          pickerClassName="e2e-points-filter-rule"
          onChange={(rule) => set({ rule })}
        />
        <View className="zb-pfilter__dates">
          <DateField
            label="开始日期"
            value={filter.from}
            placeholder="不限"
            pickerClassName="e2e-points-filter-from"
            className="zb-pfilter__date"
            onChange={(from) => set({ from })}
          />
          <DateField
            label="结束日期"
            value={filter.to}
            placeholder="不限"
            error={state.error ?? undefined}
            pickerClassName="e2e-points-filter-to"
            className="zb-pfilter__date"
            onChange={(to) => set({ to })}
          />
        </View>
      </View>
      {state.filtered ? (
        <Text className="zb-pfilter__clear e2e-points-filter-clear" onClick={state.clear}>
          清除筛选
        </Text>
      ) : null}
    </View>
  );
}
