import { View } from '@tarojs/components';
import { useState } from 'react';
import type { LeavesState } from '@/features/activities/hooks/useLeaves';
import LeaveReviewCard from '@/features/activities/components/LeaveReviewCard';
import LeaveReviewDialog, { type LeaveTarget } from '@/features/activities/components/LeaveReviewDialog';

interface Props {
  leaves: LeavesState;
  showActivity: boolean;
  /** After a decision (the list itself reloads). */
  onReviewed?: () => void;
  className?: string;
}

/** Leave requests as cards, and the dialog that decides one. */
export default function LeaveReviewList({ leaves, showActivity, onReviewed, className }: Props) {
  const [target, setTarget] = useState<LeaveTarget | null>(null);
  return (
    <View className={`e2e-leaves ${className ?? ''}`}>
      {(leaves.items ?? []).map((item) => (
        <LeaveReviewCard
          key={`${item.activityId}:${item.memberId}`}
          item={item}
          showActivity={showActivity}
          onDecide={(i, decision) => setTarget({ item: i, decision })}
        />
      ))}
      <LeaveReviewDialog
        target={target}
        review={leaves.review}
        onDone={() => {
          setTarget(null);
          void leaves.reload();
          onReviewed?.();
        }}
        onClose={() => setTarget(null)}
      />
    </View>
  );
}
