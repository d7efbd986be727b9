import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { TaskItem } from '@contracts';
import { TASK_REPEAT_LABELS } from '@contracts/labels/tasks';
import { SelectField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import ReasonDialog from '@/components/ReasonDialog';
import { requestPage } from '@/components/RequestPage';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import { may } from '@/features/identity/model/permissions';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { dueLabel, noteProblem, taskStateLabel, taskTone } from '@/features/tasks/model/tasks';
import { completeTask, getMyTasks } from '@/features/tasks/services/tasks';
import { useRequest } from '@/hooks/useRequest';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { formatDateTime } from '@/utils/dates';
import './index.scss';

/** 任务清单: the committee's tasks for the branch, overdue first, each closed (销号) with a note. */
export default function BranchTasks() {
  const tree = useAdminTree();
  const branches = tree.orgs.filter((o) => o.kind === 'branch' && !o.archived && may(tree.me, 'task.complete', o.id));
  const [chosen, setChosen] = useState('');
  const orgId = chosen || branches[0]?.id || '';
  const tasks = useRequest(() => getMyTasks(orgId), [orgId], { manual: !orgId });
  const [closing, setClosing] = useState<TaskItem | null>(null);
  useReloadOnShow(tasks.reload, !!orgId);
  usePullDownRefresh(() => void tasks.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!branches.length)
    return (
      <PageShell>
        <EmptyState title="仅支部书记可用" description="党委下发的任务由支部书记销号。" className="e2e-forbidden" />
      </PageShell>
    );

  let content;
  if (tasks.error) content = <ErrorState error={tasks.error} onRetry={tasks.reload} />;
  else if (!tasks.data) content = <LoadingSkeleton rows={3} cards={2} />;
  else if (!tasks.data.items.length)
    content = <EmptyState title="暂无任务" description="党委下发任务后会出现在这里，完成后点“销号”并写明完成情况。" />;
  else
    content = tasks.data.items.map((task) => (
      <View key={task.id} className={`zb-task zb-task--${task.status} e2e-task`}>
        <View className="zb-task__head">
          <Text className="zb-task__title">{task.title}</Text>
          <StatusTag tone={taskTone(task)} className="e2e-task-state">
            {taskStateLabel(task)}
          </StatusTag>
        </View>
        <Text className="zb-task__due">
          截止 {dueLabel(task.dueAt)}
          {task.repeat ? `（${TASK_REPEAT_LABELS[task.repeat]}）` : ''}
        </Text>
        {task.details ? <Text className="zb-task__details">{task.details}</Text> : null}
        {task.status === 'done' ? (
          <Text className="zb-task__note">
            销号说明：{task.note}（{formatDateTime(task.doneAt)}）
          </Text>
        ) : (
          <Button className="zb-task__close e2e-task-close" onClick={() => setClosing(task)}>
            销号
          </Button>
        )}
      </View>
    ));

  return (
    <PageShell className="zb-tasks">
      {branches.length > 1 ? (
        <SelectField
          label="党支部"
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
          value={orgId}
          onChange={setChosen}
        />
      ) : (
        <Text className="zb-tasks__org">{branches[0].name}</Text>
      )}
      {content}
      <ReasonDialog
        subject={closing}
        title="销号"
        confirmText="确认销号"
        className="e2e-task-dialog"
        reasonClassName="e2e-task-note"
        placeholder="写明完成情况，如：已于 11 月 28 日召开并报送会议记录"
        validate={noteProblem}
        submit={(note) => completeTask(closing?.id ?? '', orgId, note)}
        successText="已销号"
        onDone={() => {
          setClosing(null);
          void tasks.reload();
        }}
        onClose={() => setClosing(null)}
        footnote="销号后不能修改，党委可以看到您的说明。"
      >
        <Text className="zb-dialog__muted">{closing?.title}</Text>
      </ReasonDialog>
    </PageShell>
  );
}
