import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { EmployerItem, RosterOutputs } from '@contracts';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { may } from '@/features/identity/model';
import EmployerFileDialog from '@/features/roster/components/EmployerFileDialog';
import ExcelPicker from '@/features/roster/components/ExcelPicker';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import {
  coverageText,
  factsText,
  importText,
  listText,
  membersText,
  suggestionText,
} from '@/features/roster/model/employers';
import { exportEmployerFile, getEmployers, importEmployerFile } from '@/features/roster/services/employers';
import { useRequest } from '@/hooks/useRequest';
import { useSubmit } from '@/hooks/useFormSubmit';
import type { PickedFile } from '@/services/files';
import { toastSuccess } from '@/utils/feedback';
import './index.scss';

type Errors = RosterOutputs['importEmployers']['errors'];

/** 两新组织: the committee's register, the members found in each, the rules' suggestion, its lists and 组织覆盖率. */
export default function Employers() {
  const tree = useAdminTree();
  const committee = tree.orgs.find((o) => o.kind === 'committee' && may(tree.me, 'org.manage', o.id));
  const register = useRequest(() => getEmployers(committee?.id ?? ''), [committee?.id], { manual: !committee });
  const { busy, send } = useSubmit<'import' | 'export'>();
  const [filing, setFiling] = useState<EmployerItem | null>(null);
  const [errors, setErrors] = useState<Errors>([]);

  usePullDownRefresh(() => void register.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!committee)
    return (
      <PageShell>
        <EmptyState title="仅党委管理员可用" description="两新组织名册由党委管理员维护。" className="e2e-forbidden" />
      </PageShell>
    );

  const importFile = (file: PickedFile) =>
    send('import', () => importEmployerFile(committee.id, file), {
      onDone: (result) => {
        setErrors(result.errors);
        toastSuccess(importText(result));
        void register.reload();
      },
    });
  const data = register.data;

  return (
    <PageShell className="zb-employers">
      <View className="zb-employers__bar">
        <ExcelPicker
          onPick={importFile}
          loading={busy === 'import'}
          disabled={Boolean(busy)}
          className="e2e-employers-import"
        >
          导入名册
        </ExcelPicker>
        <Button
          className="zb-employers__export e2e-employers-export"
          disabled={Boolean(busy)}
          onClick={() => void send('export', () => exportEmployerFile(committee.id))}
        >
          导出台账
        </Button>
      </View>
      <Text className="zb-employers__hint">
        名册列：单位名称（必填）、类型（企业/社会组织）、地址、从业人员数、是否已建党组织（是/否）。
      </Text>
      {errors.length ? (
        <View className="zb-employers__errors e2e-employers-errors">
          {errors.slice(0, 20).map((e) => (
            <Text
              key={`${e.row}-${e.column}`}
              className="zb-employers__error"
            >{`第 ${e.row} 行「${e.column}」：${e.message}`}</Text>
          ))}
        </View>
      ) : null}
      {register.error ? (
        <ErrorState error={register.error} onRetry={register.reload} />
      ) : !data ? (
        <LoadingSkeleton rows={4} cards={2} />
      ) : (
        <>
          <View className="zb-employers__coverage e2e-employers-coverage">
            <Text className="zb-employers__coverage-value">{coverageText(data.coverage)}</Text>
            <Text className="zb-employers__coverage-label">组织覆盖率（已建党组织 ÷ 名册单位）</Text>
            {data.history.length > 1 ? (
              <Text className="zb-employers__history">
                {data.history
                  .slice(-6)
                  .map((p) => `${p.month} ${coverageText(p.coverage)}`)
                  .join('　')}
              </Text>
            ) : null}
          </View>
          {data.items.length ? null : (
            <EmptyState title="还没有两新组织名册" description="导入 Excel 名册后，按党员的工作单位统计。" />
          )}
          {data.items.map((item) => (
            <View key={item.employer} className="zb-employers__card e2e-employer" onClick={() => setFiling(item)}>
              <View className="zb-employers__head">
                <Text className="zb-employers__name">{item.employer}</Text>
                <Text className="zb-employers__list">{listText(item.list)}</Text>
              </View>
              <Text className="zb-employers__facts">{factsText(item)}</Text>
              <Text className="zb-employers__members">{membersText(item)}</Text>
              <Text
                className={`zb-employers__suggestion e2e-employer-suggestion ${item.suggestion === 'none' ? '' : 'zb-employers__suggestion--act'}`}
              >
                {suggestionText(item)}
              </Text>
              {item.note ? <Text className="zb-employers__note">{`备注：${item.note}`}</Text> : null}
            </View>
          ))}
        </>
      )}
      <EmployerFileDialog
        committeeId={committee.id}
        item={filing}
        onClose={() => setFiling(null)}
        onDone={() => {
          setFiling(null);
          void register.reload();
        }}
      />
    </PageShell>
  );
}
