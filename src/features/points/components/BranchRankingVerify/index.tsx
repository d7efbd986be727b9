import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { differenceText, verifySummary } from '@/features/points/model/rules-editor';
import type { PointsVerifyState } from '@/features/points/hooks/useBranchRanking';
import ActionDialog from '@/components/ActionDialog';
import './index.scss';

/** How many differences are listed under the summary. */
const LISTED = 5;

interface Props {
  state: PointsVerifyState;
  /** Branch names by org id, to name the branch totals that differ. */
  names: ReadonlyMap<string, string>;
}

/**
 * 核对积分: recomputes every member's and branch's totals from the ledger and compares. Consistent:
 * says so with the number of entries checked. Otherwise lists the first differences and offers
 * 重建 (confirmed first), which replaces the totals and checks again.
 */
export default function BranchRankingVerify({ state, names }: Props) {
  const { report, rebuilt } = state;
  const shown = report?.differences.slice(0, LISTED) ?? [];
  const more = (report?.differences.length ?? 0) - shown.length;

  return (
    <View className="zb-pverify">
      <View className="zb-pverify__head">
        <View className="zb-pverify__intro">
          <Text className="zb-pverify__title">核对积分</Text>
          <Text className="zb-pverify__desc">用全部积分流水重新计算每位党员、每个支部的合计，与现有合计比对。</Text>
        </View>
        <Button
          type="primary"
          fill="outline"
          className="zb-pverify__button e2e-verify"
          loading={state.verifying}
          disabled={state.verifying}
          onClick={state.verify}
        >
          核对
        </Button>
      </View>

      {report && !state.verifying ? (
        <View
          className={`zb-pverify__result zb-pverify__result--${report.consistent ? 'ok' : 'bad'} e2e-verify-result`}
        >
          <Text className="zb-pverify__summary">{verifySummary(report)}</Text>
          {rebuilt ? (
            <Text className="zb-pverify__line">{`已根据 ${rebuilt.entries} 条积分流水重新计算 ${rebuilt.totals} 份合计。`}</Text>
          ) : null}
          {shown.map((d) => (
            <Text key={`${d.totals}/${d.field}`} className="zb-pverify__line e2e-verify-difference">
              {differenceText(d, names)}
            </Text>
          ))}
          {more > 0 ? <Text className="zb-pverify__line">{`另有 ${more} 处未列出`}</Text> : null}
          {!report.consistent ? (
            <Button block type="primary" className="zb-pverify__rebuild e2e-rebuild" onClick={state.askRebuild}>
              重建合计
            </Button>
          ) : null}
        </View>
      ) : null}

      <ActionDialog
        visible={state.confirming}
        title="重建积分合计"
        confirmText="重建"
        className="e2e-rebuild-dialog"
        onConfirm={state.rebuild}
        onClose={state.cancelRebuild}
      >
        <Text className="zb-dialog__text">根据积分流水重新计算所有合计。</Text>
        <Text className="zb-dialog__muted">
          积分流水不会改变；每位党员、每个支部的合计将替换为重新计算的结果，排名随之更新。党员多时需要一些时间。
        </Text>
      </ActionDialog>
    </View>
  );
}
