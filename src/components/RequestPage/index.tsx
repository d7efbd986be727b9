import type { ReactElement } from 'react';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';

/**
 * The whole page while the request a page stands on is loading (a skeleton of `rows`) or has failed
 * (its reason and 重试); null once it has answered, and the page renders itself.
 */
export function requestPage(
  request: { loading: boolean; error: unknown; reload: () => unknown },
  rows = 6,
): ReactElement | null {
  if (request.loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={rows} />
      </PageShell>
    );
  if (request.error)
    return (
      <PageShell>
        <ErrorState error={request.error} onRetry={() => void request.reload()} />
      </PageShell>
    );
  return null;
}
