import { Text, View } from '@tarojs/components';
import DevIdentitySwitcher from '@/features/identity/components/DevIdentitySwitcher';
import ListCell, { CellGroup } from '@/components/ListCell';
import PageShell from '@/components/PageShell';
import ProfileHeader from '@/features/identity/components/ProfileHeader';
import StatusTag from '@/components/StatusTag';
import Switch from '@/components/Switch';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { isStaff } from '@/features/roster/model/orgs';
import { DECLARATION_STATUS_LABEL } from '@/features/roster/model/party';
import { useCareMode } from '@/hooks/useCareMode';
import { useMe } from '@/features/identity/hooks/useMe';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

export default function Mine() {
  const { me, error, loading, reload } = useMe({ refreshOnShow: true });
  const [care, setCare] = useCareMode();

  const declareStatus = me?.member ? (
    <StatusTag tone="success">已亮身份</StatusTag>
  ) : me?.declaration && me.declaration.status !== 'withdrawn' ? (
    <StatusTag tone={me.declaration.status === 'rejected' ? 'primary' : 'gold'}>
      {DECLARATION_STATUS_LABEL[me.declaration.status]}
    </StatusTag>
  ) : (
    <StatusTag tone="muted">未申报</StatusTag>
  );

  return (
    <PageShell flush className="zb-mine">
      {loading ? (
        <View className="zb-mine__body">
          <LoadingSkeleton rows={3} />
        </View>
      ) : null}
      {!loading && !me ? (
        <View className="zb-mine__body">
          <ErrorState error={error} onRetry={reload} />
        </View>
      ) : null}
      {me ? <ProfileHeader me={me} /> : null}
      <View className="zb-mine__body">
        {me ? (
          <CellGroup>
            <ListCell
              title="亮身份"
              value={declareStatus}
              className="e2e-mine-declare"
              onClick={() => go(ROUTES.declare)}
            />
            {me.member ? (
              <ListCell title="我的身份卡" className="e2e-mine-card" onClick={() => go(ROUTES.card)} />
            ) : null}
            {me.member ? (
              <ListCell title="消息" className="e2e-mine-notices" onClick={() => go(ROUTES.notices)} />
            ) : null}
            {isStaff(me) ? (
              <ListCell
                title="工作台"
                description="审核申报、管理花名册"
                className="e2e-mine-workbench"
                onClick={() => go(ROUTES.workbench)}
              />
            ) : null}
          </CellGroup>
        ) : null}
        <CellGroup>
          <ListCell
            title="关怀模式"
            description="更大的字和按钮，看得清、点得准"
            className="e2e-care-mode"
            value={<Switch className="e2e-care-switch" checked={care} onChange={(v) => setCare(v)} />}
          />
        </CellGroup>
        {me ? (
          <CellGroup>
            <ListCell
              title="我的数据"
              description="查看并下载支部通保存的关于您的全部信息"
              className="e2e-mine-mydata"
              onClick={() => go(ROUTES.myData)}
            />
          </CellGroup>
        ) : null}
        <DevIdentitySwitcher />
        <View className="zb-mine__privacy">
          <Text className="zb-mine__privacy-title">个人信息保护</Text>
          <Text>您的手机号只对您本人和所在支部的书记、支委完整显示，其他人看到的是隐去中间四位的号码。</Text>
        </View>
      </View>
    </PageShell>
  );
}
