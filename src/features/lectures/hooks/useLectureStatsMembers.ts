import { useEffect, useState } from 'react';
import { getMemberStudyStats } from '@/features/lectures/services/lecture';
import { useRequest } from '@/hooks/useRequest';

/**
 * Per member of an org: lectures completed this month, quarter and year. Loaded the first time
 * `enabled` (the 按党员 tab is opened), then kept.
 */
export function useLectureStatsMembers(orgId: string, enabled: boolean) {
  const [wanted, setWanted] = useState(enabled);
  useEffect(() => {
    if (enabled) setWanted(true);
  }, [enabled]);
  return useRequest(() => (orgId && wanted ? getMemberStudyStats(orgId) : Promise.resolve(undefined)), [orgId, wanted]);
}

export type LectureStatsMembersState = ReturnType<typeof useLectureStatsMembers>;
