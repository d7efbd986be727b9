import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { OBJECTION_FILTERS } from '@/features/points/model/objections';
import { useMe } from '@/features/identity';
import type { ObjectionsState } from '@/features/points/hooks/useObjections';
import ObjectionCard from '@/features/points/components/ObjectionCard';
import ObjectionResolveDialog, { type ResolveTarget } from '@/features/points/components/ObjectionResolveDialog';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

const EMPTY = {
  open: {
    title: '暂无待处理的异议',
    description: '党员对自己的积分记录有异议时，会在这里等您核实：成立的冲正，不成立的说明理由。',
  },
  done: { title: '还没有处理过的异议', description: '处理过的异议会连同处理理由显示在这里。' },
} as const;

/** 积分管理's 异议 tab: open (or decided) objections of the branch, and the dialogs that decide them. */
export default function ObjectionPanel({
  objections,
  mayResolve,
}: {
  objections: ObjectionsState;
  /** Whether the caller may decide (成立/不成立) the branch's objections. */
  mayResolve: boolean;
}) {
  const { me } = useMe();
  const [target, setTarget] = useState<ResolveTarget | null>(null);
  const { filter, items, error } = objections;

  let body;
  if (error && !items) body = <ErrorState error={error} onRetry={objections.reload} />;
  else if (!items) body = <LoadingSkeleton rows={4} cards={2} />;
  else if (!items.length) body = <EmptyState title={EMPTY[filter].title} description={EMPTY[filter].description} />;
  else
    body = (
      <View className="e2e-objections">
        <Text className="zb-objpanel__count">{`共 ${items.length} 条`}</Text>
        {items.map((item) => (
          <ObjectionCard
            key={item.id}
            item={item}
            own={!!me?.member && me.member.id === item.memberId}
            mayResolve={mayResolve}
            onUphold={(i) => setTarget({ item: i, decision: 'uphold' })}
            onDismiss={(i) => setTarget({ item: i, decision: 'dismiss' })}
          />
        ))}
      </View>
    );

  return (
    <View className="zb-objpanel">
      <SegmentedControl
        options={OBJECTION_FILTERS}
        value={filter}
        onChange={objections.setFilter}
        className="zb-objpanel__filter e2e-objection-filter"
      />
      {body}
      <ObjectionResolveDialog
        target={target}
        onDone={() => {
          setTarget(null);
          void objections.reload();
        }}
        onClose={() => setTarget(null)}
      />
    </View>
  );
}
