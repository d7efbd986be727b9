import { Text, View } from '@tarojs/components';
import type { DevelopOutputs } from '@contracts';
import ListCell, { CellGroup } from '@/components/ListCell';
import StatusTag from '@/components/StatusTag';
import { pipelineLine } from '@/features/develop/model/develop';
import { formatDate } from '@/utils/dates';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

/**
 * The committee's 发展党员 at a glance: each branch's open files by stage (①–⑤) with the overdue,
 * and the 预备党员 whose 预备期 ends by this month's end — the 转正 the committee will soon decide.
 */
export default function DevelopPipeline({ data }: { data: DevelopOutputs['pipeline'] }) {
  return (
    <View className="zb-dpipe e2e-develop-pipeline">
      <CellGroup title="各支部培养发展情况">
        {data.branches.map((branch) => (
          <ListCell
            key={branch.orgId}
            className="e2e-develop-pipeline-branch"
            title={`${branch.name} · ${branch.total} 人`}
            description={pipelineLine(branch.stages)}
            value={branch.overdue ? <StatusTag tone="warning">{`${branch.overdue} 人超期`}</StatusTag> : undefined}
          />
        ))}
      </CellGroup>
      {data.dueForFull.length ? (
        <CellGroup title={`本月到期转正 ${data.dueForFull.length} 人`} className="e2e-develop-due-full">
          {data.dueForFull.map((item) => (
            <ListCell
              key={item.id}
              title={`${item.name} · ${item.orgName}`}
              description={`预备期满：${formatDate(item.probationEnds)}`}
              onClick={() => go(ROUTES.developFile(item.id))}
            />
          ))}
        </CellGroup>
      ) : (
        <Text className="zb-dpipe__none">本月没有到期转正的预备党员。</Text>
      )}
    </View>
  );
}
