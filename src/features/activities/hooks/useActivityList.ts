import { useEffect, useState } from 'react';
import { listActivities } from '@/features/activities/services/activity';
import { useManagedOrgs } from '@/features/roster';
import { usePagedList } from '@/hooks/usePagedList';
import { useEvent } from '@/utils/events';

export type ActivityScope = 'upcoming' | 'past' | 'all';

export const ACTIVITY_SCOPES: ReadonlyArray<{ value: ActivityScope; label: string }> = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期' },
  { value: 'all', label: '全部' },
];

/** The branches and groups the caller manages, and the chosen one (`initial` when it is among them). */
export function useActivityOrg(initial?: string) {
  const orgs = useManagedOrgs();
  const [orgId, setOrgId] = useState(initial ?? '');

  useEffect(() => {
    if (orgs.options.length && !orgs.options.some((o) => o.value === orgId)) setOrgId(orgs.options[0].value);
  }, [orgId, orgs.options]);

  return { ...orgs, orgId, setOrgId, orgName: orgs.options.find((o) => o.value === orgId)?.label ?? '' };
}

/** One org's activities for a scope, a page at a time; reloads when an activity changes. */
export function useActivityList(orgId: string, scope: ActivityScope) {
  const list = usePagedList((page) => listActivities({ orgId, scope, page, pageSize: 20 }), [orgId, scope], {
    enabled: !!orgId,
  });
  useEvent('activityChanged', () => void list.reload());
  return list;
}

export type ActivityListState = ReturnType<typeof useActivityList>;
