import type { ActivityPhase, MyActivityStatus } from '@contracts';
import { leaveTag, myStatusTag } from '@/features/activities/model/my-activities';
import StatusTag from '@/components/StatusTag';

/** Where the member stands for an activity: their attendance status and their leave request, as tags. */
export default function MyStatusTags({ mine, phase }: { mine: MyActivityStatus | null; phase: ActivityPhase }) {
  const status = myStatusTag(mine, phase);
  const leave = leaveTag(mine);
  return (
    <>
      {status ? (
        <StatusTag tone={status.tone} className="e2e-my-status">
          {status.label}
        </StatusTag>
      ) : null}
      {leave ? (
        <StatusTag tone={leave.tone} className="e2e-leave-status">
          {leave.label}
        </StatusTag>
      ) : null}
    </>
  );
}
