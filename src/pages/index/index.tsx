import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import DeclarationStatus from '@/features/identity/components/DeclarationStatus';
import DeclareCta from '@/features/identity/components/DeclareCta';
import EntryCard from '@/features/identity/components/EntryCard';
import SetupCta from '@/features/roster/components/SetupCta';
import LectureHomeCard from '@/features/lectures/components/LectureHomeCard';
import MemberSummary from '@/features/identity/components/MemberSummary';
import NextActivityCard from '@/features/activities/components/NextActivityCard';
import PageShell from '@/components/PageShell';
import PointsHomeCard from '@/features/points/components/PointsHomeCard';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { isStaff, roleLabel } from '@/features/roster/model/orgs';
import { useMe } from '@/features/identity/hooks/useMe';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

export default function Home() {
  const { me, error, loading, reload } = useMe({ refreshOnShow: true });

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (loading) {
    return (
      <PageShell>
        <LoadingSkeleton rows={4} cards={2} />
      </PageShell>
    );
  }
  if (!me) {
    return (
      <PageShell>
        <ErrorState error={error} onRetry={reload} />
      </PageShell>
    );
  }

  if (me.setupNeeded)
    return (
      <PageShell className="zb-home">
        <SetupCta onSetup={() => go(ROUTES.setup)} />
      </PageShell>
    );

  const declaration = me.declaration;
  return (
    <PageShell className="zb-home">
      {me.member ? (
        <>
          <Text className="zb-home__greeting">{`${me.member.name}同志，您好`}</Text>
          <MemberSummary member={me.member} onOpenCard={() => go(ROUTES.card)} />
          <NextActivityCard onOpenActivity={(id) => go(ROUTES.activity(id))} onOpenList={() => go(ROUTES.activities)} />
          <PointsHomeCard onOpen={() => void Taro.switchTab({ url: ROUTES.points })} />
          <LectureHomeCard onOpenStudy={() => go(ROUTES.study)} onOpenLecture={(id) => go(ROUTES.lecture(id))} />
        </>
      ) : declaration && declaration.status !== 'withdrawn' && declaration.status !== 'approved' ? (
        <DeclarationStatus
          declaration={declaration}
          onOpen={() => go(ROUTES.declare)}
          onRedeclare={() => go(ROUTES.declare)}
        />
      ) : (
        <DeclareCta onDeclare={() => go(ROUTES.declare)} />
      )}

      {isStaff(me) ? (
        <View className="zb-home__staff">
          <Text className="zb-home__section">工作</Text>
          <EntryCard
            title="工作台"
            description={me.roles.map(roleLabel).join('、')}
            className="e2e-workbench-entry"
            onClick={() => go(ROUTES.workbench)}
          />
        </View>
      ) : null}
    </PageShell>
  );
}
