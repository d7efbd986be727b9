import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { useActivityExport } from '@/features/activities/hooks/useActivityExport';
import { usePointsPeriod } from '@/features/points';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';
import { PointsPeriodPicker } from '@/features/points';

interface Props {
  orgId: string;
  orgName: string;
  exporter: ReturnType<typeof useActivityExport>;
}

/** 导出出勤统计: pick a month, quarter or year, then download the org's member × activity sheet. */
export default function ActivityPeriodExport({ orgId, orgName, exporter }: Props) {
  const [open, setOpen] = useState(false);
  const period = usePointsPeriod('quarter');

  const confirm = async () => {
    const ok = await exporter.exportPeriod(orgId, period.period, period.date);
    if (!ok) throw new KeepOpen();
    setOpen(false);
  };

  return (
    <>
      <Button
        block
        fill="outline"
        type="primary"
        loading={exporter.busy === 'period'}
        className="e2e-activity-period-export"
        onClick={() => setOpen(true)}
      >
        导出出勤统计
      </Button>
      <ActionDialog
        visible={open}
        title="导出出勤统计"
        confirmText="导出 Excel"
        className="e2e-period-export-dialog"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <Text className="zb-dialog__text">{`「${orgName}」每位党员在所选期间各次活动的出勤情况和出勤率。`}</Text>
        <PointsPeriodPicker state={period} />
      </ActionDialog>
    </>
  );
}
