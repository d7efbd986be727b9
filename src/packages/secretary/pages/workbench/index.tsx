import { Text, View } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import Tile from '@/components/Tile';
import { mayAnywhere } from '@/features/identity/model/permissions';
import { roleLabel } from '@/features/roster/model/orgs';
import { useMe } from '@/features/identity/hooks/useMe';
import { useObjectionsCount } from '@/features/points/hooks/useObjectionsCount';
import { useDevelopOverdue } from '@/features/develop/hooks/useDevelopOverdue';
import WorkbenchOverview from '@/features/roster/components/WorkbenchOverview';
import CadenceCard from '@/features/activities/components/CadenceCard';
import { usePendingLeavesCount } from '@/features/activities/hooks/usePendingLeavesCount';
import { useRequest } from '@/hooks/useRequest';
import { listDeclarations } from '@/features/identity/services/identity';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

export default function Workbench() {
  const { me, error, loading, reload } = useMe({ refreshOnShow: true });
  // Tiles follow the caller's permissions (identity.me): nobody is shown a door that answers 无权限.
  const mayReviewDeclarations = mayAnywhere(me, 'declaration.review');
  const pending = useRequest(() => listDeclarations({ status: 'pending' }), [mayReviewDeclarations], {
    manual: !mayReviewDeclarations,
  });
  const pendingCount = pending.data?.items.filter((item) => !item.mine).length;
  const leavesCount = usePendingLeavesCount();
  const waiting = [pendingCount ? `${pendingCount} 条亮身份` : '', leavesCount ? `${leavesCount} 条请假` : '']
    .filter(Boolean)
    .join('、');
  const openObjections = useObjectionsCount();
  const developOverdue = useDevelopOverdue();
  // Objections wait for those who may resolve them (冲正 is a points write).
  const objections = mayAnywhere(me, 'points.write') ? openObjections : undefined;

  if (loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={4} />
      </PageShell>
    );
  if (!me)
    return (
      <PageShell>
        <ErrorState error={error} onRetry={reload} />
      </PageShell>
    );

  return (
    <PageShell className="zb-workbench">
      <View className="zb-workbench__head">
        <Text className="zb-workbench__title">工作台</Text>
        <Text className="zb-workbench__roles">{me.roles.map(roleLabel).join('、') || '您暂无管理权限'}</Text>
      </View>
      <WorkbenchOverview />
      <CadenceCard />
      <View className="zb-workbench__grid">
        {mayReviewDeclarations || mayAnywhere(me, 'activity.manage') ? (
          <Tile
            title="审核"
            mark="审"
            description={
              waiting
                ? `${waiting}待审核`
                : pendingCount !== undefined || leavesCount !== undefined
                  ? '暂无待审核'
                  : '亮身份申报、请假审批'
            }
            badge={(pendingCount ?? 0) + (leavesCount ?? 0) || undefined}
            className="e2e-tile-review"
            onClick={() => go(ROUTES.review)}
          />
        ) : null}
        {mayAnywhere(me, 'roster.read') ? (
          <Tile
            title="花名册"
            mark="册"
            description={mayAnywhere(me, 'roster.write') ? '党员档案、导入导出' : '党员档案、导出'}
            className="e2e-tile-roster"
            onClick={() => go(ROUTES.roster)}
          />
        ) : null}
        {mayAnywhere(me, 'activity.run') ? (
          <Tile
            title="活动"
            mark="活"
            description={
              mayAnywhere(me, 'activity.manage') ? '新建活动、签到二维码、出勤统计' : '签到二维码、扫码签到、出勤统计'
            }
            className="e2e-tile-activities"
            onClick={() => go(ROUTES.manageActivities())}
          />
        ) : null}
        {mayAnywhere(me, 'points.read') ? (
          <Tile
            title="积分管理"
            mark="积"
            description={
              objections
                ? `${objections} 条异议待处理`
                : mayAnywhere(me, 'points.write')
                  ? '排名、加减分、冲正'
                  : '排名、积分明细'
            }
            badge={objections}
            className="e2e-tile-points"
            onClick={() => go(ROUTES.managePoints)}
          />
        ) : null}
        {mayAnywhere(me, 'org.manage') ? (
          <Tile
            title="支部概览"
            mark="览"
            description="三会一课、出勤、学习、亮身份"
            className="e2e-tile-overview"
            onClick={() => go(ROUTES.overview)}
          />
        ) : null}
        {mayAnywhere(me, 'org.manage') ? (
          <Tile
            title="评星定级"
            mark="星"
            description="年度支部星级评定与公示"
            className="e2e-tile-rating"
            onClick={() => go(ROUTES.rating)}
          />
        ) : null}
        {mayAnywhere(me, 'org.manage') ? (
          <Tile
            title="两新组织"
            mark="新"
            description="两新组织名册、组建建议、覆盖率"
            className="e2e-tile-employers"
            onClick={() => go(ROUTES.employers)}
          />
        ) : null}
        {mayAnywhere(me, 'points.admin') ? (
          <Tile
            title="党委积分"
            mark="赛"
            description="支部排名、积分规则、核对"
            className="e2e-tile-points-admin"
            onClick={() => go(ROUTES.pointsAdmin)}
          />
        ) : null}
        {mayAnywhere(me, 'task.manage') ? (
          <Tile
            title="任务清单"
            mark="任"
            description="向支部下发任务，看各支部销号"
            className="e2e-tile-committee-tasks"
            onClick={() => go(ROUTES.committeeTasks)}
          />
        ) : mayAnywhere(me, 'task.complete') ? (
          <Tile
            title="任务清单"
            mark="任"
            description="党委下发的任务，完成后销号"
            className="e2e-tile-branch-tasks"
            onClick={() => go(ROUTES.branchTasks)}
          />
        ) : null}
        {mayAnywhere(me, 'lecture.read') ? (
          <Tile
            title="学习统计"
            mark="学"
            description="谁学完了、测验、导出"
            className="e2e-tile-lecture-stats"
            onClick={() => go(ROUTES.lectureStats())}
          />
        ) : null}
        {mayAnywhere(me, 'lecture.manage') ? (
          <Tile
            title="发布课程"
            mark="课"
            description="微党课、教育片、测验"
            className="e2e-tile-lecture-publish"
            onClick={() => go(ROUTES.lecturePublish)}
          />
        ) : null}
        {mayAnywhere(me, 'develop.read') ? (
          <Tile
            title="发展党员"
            mark="发"
            description={developOverdue ? `${developOverdue} 人的步骤已超期` : '申请人、积极分子、发展对象的进度与时限'}
            badge={developOverdue || undefined}
            className="e2e-tile-develop"
            onClick={() => go(ROUTES.develop)}
          />
        ) : null}
        {mayAnywhere(me, 'org.manage') ? (
          <>
            <Tile
              title="组织架构"
              mark="组"
              description="支部、党小组的新建与调整"
              className="e2e-tile-orgs"
              onClick={() => go(ROUTES.orgs)}
            />
            <Tile
              title="人员任职"
              mark="任"
              description="任命书记、支委、管理员"
              className="e2e-tile-roles"
              onClick={() => go(ROUTES.roles)}
            />
            <Tile
              title="组织关系转接"
              mark="转"
              description="党员在支部间转接"
              className="e2e-tile-transfer"
              onClick={() => go(ROUTES.transfer)}
            />
            <Tile
              title="邀请入支部"
              mark="邀"
              description="分享卡片、二维码，邀请亮身份"
              className="e2e-tile-invite"
              onClick={() => go(ROUTES.invite)}
            />
          </>
        ) : null}
        {mayAnywhere(me, 'audit.read') ? (
          <Tile
            title="操作日志"
            mark="志"
            description="谁在何时做了什么"
            className="e2e-tile-audit"
            onClick={() => go(ROUTES.auditLog)}
          />
        ) : null}
      </View>
    </PageShell>
  );
}
