import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { MyActivityItem } from '@contracts';
import type { MyActivityScope } from '@/features/activities/model/my-activities';
import { getMyActivities } from '@/features/activities/services/activity';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';

const PAGE_SIZE = 20;

/** Runs `reload` whenever the page is shown again (back from a detail, a sign-in or 请假). */
function useReloadOnShow(enabled: boolean, reload: () => unknown) {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && enabled) void reload();
    shown.current = true;
  });
}

/** The member's activities of one scope (即将开始 soonest first, 往期 newest first), page by page. */
export function useMyActivities(scope: MyActivityScope, enabled = true) {
  const list = usePagedList<MyActivityItem>((page) => getMyActivities(scope, page, PAGE_SIZE), [scope], {
    enabled,
  });
  useReloadOnShow(enabled, list.reload);
  return list;
}

/** 首页's next activity: the first upcoming (or running) one, null when there is none. */
export function useNextActivity(enabled: boolean) {
  const req = useRequest(
    () => (enabled ? getMyActivities('upcoming', 1, 1).then((r) => r.items[0] ?? null) : Promise.resolve(null)),
    [enabled],
  );
  useReloadOnShow(enabled, req.reload);
  return req;
}
