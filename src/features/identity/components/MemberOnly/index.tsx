import type { ReactNode } from 'react';
import type { MeOutput } from '@contracts';
import { useMe } from '@/features/identity/hooks/useMe';
import { go, ROUTES } from '@/utils/routes';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';

interface Props {
  /** What a visitor (not yet a member) is told, above a 去亮身份 button. */
  visitor: { title: string; description: string; className?: string };
  skeletonRows?: number;
  children: (member: NonNullable<MeOutput['member']>, reload: () => Promise<unknown>) => ReactNode;
}

/** A page for members only: loading, error with 重试, and a 亮身份 call to action for visitors. */
export default function MemberOnly({ visitor, skeletonRows = 4, children }: Props) {
  const { me, error, loading, reload } = useMe();
  if (loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={skeletonRows} />
      </PageShell>
    );
  if (!me)
    return (
      <PageShell>
        <ErrorState error={error} onRetry={reload} />
      </PageShell>
    );
  if (!me.member)
    return (
      <PageShell>
        <EmptyState {...visitor} actionText="去亮身份" onAction={() => go(ROUTES.declare)} />
      </PageShell>
    );
  return <>{children(me.member, reload)}</>;
}
