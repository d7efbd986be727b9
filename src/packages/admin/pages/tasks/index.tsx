import Switch from '@/components/Switch';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { TaskOutputs } from '@contracts';
import { TASK_REPEAT_LABELS } from '@contracts/labels/tasks';
import { Field, TextField } from '@/components/Field';
import { DateControl } from '@/components/Field/controls';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import { may } from '@/features/identity/model/permissions';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { dueLabel, taskStateLabel, taskTone } from '@/features/tasks/model/tasks';
import { createTask, exportTaskBoard, getTaskBoard } from '@/features/tasks/services/tasks';
import { useRequest } from '@/hooks/useRequest';
import { openFileLink } from '@/services/files';
import { addDays, todayInChina } from '@/utils/dates';
import { toastError, toastSuccess } from '@/utils/feedback';
import './index.scss';

type Board = TaskOutputs['board'];

function BoardView({ board }: { board: Board }) {
  const names = new Map(board.orgs.map((o) => [o.id, o.name]));
  if (!board.tasks.length)
    return <EmptyState title="还没有任务" description="在上方填写任务并选择党支部，下发后各支部完成时销号。" />;
  return (
    <View className="e2e-task-board">
      {board.tasks.map((task) => (
        <View key={task.id} className="zb-board-task e2e-board-task">
          <View className="zb-board-task__head">
            <Text className="zb-board-task__title">{task.title}</Text>
            <Text className="zb-board-task__count">
              {task.done}/{task.total} 已销号
            </Text>
          </View>
          <Text className="zb-board-task__due">
            截止 {dueLabel(task.dueAt)}
            {task.repeat ? `（${TASK_REPEAT_LABELS[task.repeat]}）` : ''}
          </Text>
          {board.cells
            .filter((c) => c.taskId === task.id)
            .map((cell) => (
              <View key={cell.orgId} className="zb-board-cell e2e-board-cell">
                <Text className="zb-board-cell__org">{names.get(cell.orgId)}</Text>
                <StatusTag tone={taskTone(cell)}>{taskStateLabel(cell)}</StatusTag>
              </View>
            ))}
        </View>
      ))}
    </View>
  );
}

/** 任务清单 (挂图作战): the committee issues tasks to its branches and sees them branch by branch, overdue first. */
export default function CommitteeTasks() {
  const tree = useAdminTree();
  const committee = tree.orgs.find((o) => o.kind === 'committee' && may(tree.me, 'task.manage', o.id));
  const branches = tree.orgs.filter((o) => o.kind === 'branch' && !o.archived && may(tree.me, 'task.manage', o.id));
  const board = useRequest(() => getTaskBoard(committee?.id ?? ''), [committee?.id], { manual: !committee });
  const today = todayInChina();
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [monthly, setMonthly] = useState(false);
  const [left, setLeft] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  usePullDownRefresh(() => void board.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!committee)
    return (
      <PageShell>
        <EmptyState title="仅党委管理员可用" description="任务由党委管理员下发。" className="e2e-forbidden" />
      </PageShell>
    );

  const chosen = branches.filter((b) => !left.has(b.id)).map((b) => b.id);
  const issue = async () => {
    if (title.trim().length < 2) return toastError(new Error('请填写任务名称（至少 2 个字）'));
    if (!dueAt) return toastError(new Error('请选择截止日期'));
    if (!chosen.length) return toastError(new Error('请选择党支部'));
    setBusy(true);
    try {
      await createTask({
        title: title.trim(),
        details: details.trim() || undefined,
        dueAt,
        orgIds: chosen,
        ...(monthly ? { repeat: 'monthly' as const } : {}),
      });
      toastSuccess('已下发');
      setTitle('');
      setDetails('');
      setDueAt('');
      setMonthly(false);
      await board.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const exportBoard = async () => {
    try {
      await openFileLink(await exportTaskBoard(committee.id));
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <PageShell className="zb-committee-tasks">
      <View className="zb-task-form e2e-task-form">
        <TextField
          label="任务名称"
          required
          value={title}
          onChange={setTitle}
          maxLength={40}
          inputClassName="e2e-task-title"
        />
        <Field label="任务说明">
          <Textarea
            className="zb-task-form__details"
            value={details}
            maxlength={1000}
            placeholder="要求、报送方式等（可不填）"
            onInput={(e) => setDetails(e.detail.value)}
          />
        </Field>
        <Field label="截止日期" required hint={monthly ? '每月这一天截止；没有这一天的月份在月底截止' : undefined}>
          <DateControl
            value={dueAt}
            onChange={setDueAt}
            placeholder="请选择日期"
            start={today}
            end={addDays(today, 366)}
            className="e2e-task-due"
          />
        </Field>
        <Field label="每月重复">
          <Switch className="e2e-task-monthly" checked={monthly} onChange={(on: boolean) => setMonthly(on)} />
        </Field>
        <Field label="下发给" required hint={`已选 ${chosen.length} 个党支部，点按可取消或选中`}>
          <View className="zb-task-form__orgs">
            {branches.map((b) => (
              <Text
                key={b.id}
                className={`zb-task-form__org ${left.has(b.id) ? '' : 'zb-task-form__org--on'}`}
                onClick={() => {
                  const next = new Set(left);
                  if (next.has(b.id)) next.delete(b.id);
                  else next.add(b.id);
                  setLeft(next);
                }}
              >
                {b.name}
              </Text>
            ))}
          </View>
        </Field>
        <Button
          className="zb-task-form__submit e2e-task-submit"
          loading={busy}
          disabled={busy}
          onClick={() => void issue()}
        >
          下发任务
        </Button>
      </View>
      <View className="zb-committee-tasks__bar">
        <Text className="zb-committee-tasks__heading">各支部完成情况</Text>
        <Button className="zb-committee-tasks__export e2e-task-export" onClick={() => void exportBoard()}>
          导出 Excel
        </Button>
      </View>
      {board.error ? (
        <ErrorState error={board.error} onRetry={board.reload} />
      ) : board.data ? (
        <BoardView board={board.data} />
      ) : (
        <LoadingSkeleton rows={4} cards={2} />
      )}
    </PageShell>
  );
}
