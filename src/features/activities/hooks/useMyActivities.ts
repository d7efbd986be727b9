import type { MyActivityItem } from '@contracts';
import type { MyActivityScope } from '@/features/activities/model/my-activities';
import { getMyActivities } from '@/features/activities/services/activity';
import { usePagedList } from '@/hooks/usePagedList';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

const PAGE_SIZE = 20;

/** The member's activities of one scope (即将开始 soonest first, 往期 newest first), page by page. */
export function useMyActivities(scope: MyActivityScope, enabled = true) {
  const list = usePagedList<MyActivityItem>((page) => getMyActivities(scope, page, PAGE_SIZE), [scope], {
    enabled,
  });
  useReloadOnShow(list.reload, enabled);
  return list;
}

/** 首页's next activity: the first upcoming (or running) one, null when there is none. */
export function useNextActivity(enabled: boolean) {
  const req = useRequest(
    () => (enabled ? getMyActivities('upcoming', 1, 1).then((r) => r.items[0] ?? null) : Promise.resolve(null)),
    [enabled],
  );
  useReloadOnShow(req.reload, enabled);
  return req;
}
