import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import DeclarationStatus from '@/components/DeclarationStatus';
import DeclareCta from '@/components/DeclareCta';
import EntryCard from '@/components/EntryCard';
import LectureHomeCard from '@/components/LectureHomeCard';
import MemberSummary from '@/components/MemberSummary';
import NextActivityCard from '@/components/NextActivityCard';
import PageShell from '@/components/PageShell';
import PointsHomeCard from '@/components/PointsHomeCard';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { isStaff, roleLabel } from '@/domain/orgs';
import { POINTS_ROUTES } from '@/domain/points';
import { useMe } from '@/hooks/useMe';
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

  const declaration = me.declaration;
  return (
    <PageShell className="zb-home">
      {me.member ? (
        <>
          <Text className="zb-home__greeting">{`${me.member.name}同志，您好`}</Text>
          <MemberSummary member={me.member} onOpenCard={() => go(ROUTES.card)} />
          <NextActivityCard onOpenActivity={(id) => go(ROUTES.activity(id))} onOpenList={() => go(ROUTES.activities)} />
          <PointsHomeCard onOpen={() => void Taro.switchTab({ url: POINTS_ROUTES.tab })} />
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
