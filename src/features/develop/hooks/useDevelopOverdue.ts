import { useMe } from '@/features/identity';
import { developBoard } from '@/features/develop/services/develop';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/**
 * How many people on the caller's 发展党员 board have a step past its due date, for the 工作台 (the
 * reminder of the next step until reminders are sent). Undefined until known, or for those who cannot see it.
 */
export function useDevelopOverdue(): number | undefined {
  const { me } = useMe();
  const orgId = me?.permissions.find((g) => g.permissions.includes('develop.read'))?.orgId ?? '';
  const req = useRequest(
    async () => (orgId ? (await developBoard(orgId)).items.filter((i) => i.overdue).length : undefined),
    [orgId],
  );
  useReloadOnShow(req.reload);
  return req.data;
}
