import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import ActivityScreenView from '@/features/activities/components/ActivityScreenView';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { CODE_PHASES, useActivityCode } from '@/features/activities/hooks/useActivityCode';
import { useActivityLive } from '@/features/activities/hooks/useActivityLive';
import { useRequest } from '@/hooks/useRequest';
import { getActivity } from '@/features/activities/services/activity';
import { latestSignIns, screenOrgLine } from '@/features/activities/model/screen';
import './index.scss';

/** 签到大屏: the branch, the rotating code, the live count and the latest names, full screen, for a projector. */
export default function ActivityScreen() {
  const id = useRouter().params.id ?? '';
  const detail = useRequest(() => getActivity(id), [id]);
  const live = useActivityLive(id);
  const phase = live.data?.phase ?? detail.data?.phase;
  const showCode = !!phase && CODE_PHASES.includes(phase);
  const code = useActivityCode(id, showCode && live.shown);

  useEffect(() => {
    // The screen should not dim in the middle of a meeting.
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  }, []);

  if (!detail.data || !phase)
    return (
      <PageShell>
        {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : <LoadingSkeleton rows={4} />}
      </PageShell>
    );
  return (
    <ActivityScreenView
      orgLine={screenOrgLine(detail.data)}
      title={detail.data.title}
      phase={phase}
      counts={live.data?.counts ?? detail.data.counts}
      code={code}
      showCode={showCode}
      latest={latestSignIns(live.data?.signedIn)}
    />
  );
}
