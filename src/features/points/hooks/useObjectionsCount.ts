import { listObjections } from '@/features/points/services/points';
import { usePointsBranches } from './usePointsBranches';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/** Asking every branch of a large committee would be slow: beyond this many, no count is shown. */
const MAX_BRANCHES = 10;

/** Open objections (异议) across the branches the caller manages, for 工作台; refreshed when shown again. */
export function useObjectionsCount(): number | undefined {
  const { options } = usePointsBranches();
  const ids = options.map((o) => o.value);
  const key = ids.join(',');
  const req = useRequest(async () => {
    if (!ids.length || ids.length > MAX_BRANCHES) return undefined;
    const answers = await Promise.all(ids.map((orgId) => listObjections({ orgId, status: 'open' })));
    return answers.reduce((n, a) => n + a.items.length, 0);
  }, [key]);
  useReloadOnShow(req.reload);
  return req.data;
}
