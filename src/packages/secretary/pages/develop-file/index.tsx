import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import PageShell from '@/components/PageShell';
import { DateField, Field } from '@/components/Field';
import ReasonDialog from '@/components/ReasonDialog';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import PeoplePicker from '@/features/develop/components/PeoplePicker';
import {
  byStage,
  categoryLabel,
  closeReasonProblem,
  peopleLine,
  picksInput,
  picksProblem,
  stageTitle,
  statusLabel,
  statusTone,
  type PersonPick,
} from '@/features/develop/model/develop';
import { closeDevelopFile, getDevelopFile, recordDevelopStep } from '@/features/develop/services/develop';
import { useRequest } from '@/hooks/useRequest';
import { errorMessage } from '@/services/client';
import { formatDate } from '@/utils/dates';
import { toastSuccess } from '@/utils/feedback';
import { back, go, ROUTES } from '@/utils/routes';
import './index.scss';

/**
 * One person's 发展党员 file (`?id=`): every step under its stage with its date and state, their
 * 培养联系人 and 入党介绍人, and the next step's form (date, note, and the people when the step names
 * them). A date the rules do not allow is refused by the server with the rule in its words, shown
 * under the form; the 上级党委's steps take the date of its decision. 终止发展 closes the file (and
 * takes the person off the roster) while they are still on the way.
 */
export default function DevelopFile() {
  const id = useRouter().params.id ?? '';
  const file = useRequest(() => getDevelopFile(id), [id], { manual: !id });
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState('');
  const [saving, setSaving] = useState(false);
  const [people, setPeople] = useState<PersonPick[]>([]);
  const [closing, setClosing] = useState(false);

  if (!id)
    return (
      <PageShell>
        <EmptyState
          title="请先选择档案"
          description="从「发展党员」列表打开一个人的档案。"
          actionText="返回"
          onAction={back}
        />
      </PageShell>
    );
  if (file.loading && !file.data)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} />
      </PageShell>
    );
  if (!file.data)
    return (
      <PageShell>
        <ErrorState error={file.error} onRetry={file.reload} />
      </PageShell>
    );

  const data = file.data;
  const next = data.steps.find((s) => s.step === data.nextStep) ?? null;
  // 预备党员 and 正式党员 are the roster's to deactivate, not the file's to close.
  const onTheWay = !['probationary', 'full'].includes(data.category);

  async function record() {
    if (!next) return;
    if (!at) {
      setRefusal('请选择日期');
      return;
    }
    const rule = data.nextPeople;
    const problem = rule ? picksProblem(rule, people) : undefined;
    if (problem) {
      setRefusal(problem);
      return;
    }
    setSaving(true);
    setRefusal('');
    try {
      await recordDevelopStep({
        id,
        step: next.step,
        at,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(rule && people.length ? { [rule.mark]: picksInput(people) } : {}),
      });
      toastSuccess('已记录');
      setAt('');
      setNote('');
      setPeople([]);
      await file.reload();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const hint = next
    ? [
        next.earliest ? `最早${formatDate(next.earliest)}` : '',
        next.due ? `应在${formatDate(next.due)}前完成` : '',
        next.by === 'committee' ? '上级党委的步骤：请填写党委作出决定的日期' : '',
      ]
        .filter(Boolean)
        .join('；')
    : '';

  return (
    <PageShell className="zb-dfile">
      <View className="zb-dfile__head">
        <Text className="zb-dfile__name e2e-develop-file-name">{data.name}</Text>
        <View className="zb-dfile__tags">
          <StatusTag tone="primary" className="e2e-develop-category">
            {categoryLabel(data.category)}
          </StatusTag>
          {data.overdue ? <StatusTag tone="warning">已超期</StatusTag> : null}
        </View>
        <Text className="zb-dfile__meta">{`${data.orgName}｜${stageTitle(data.stage)}`}</Text>
        {data.extension ? (
          <Text className="zb-dfile__meta">{`预备期已延长 ${data.extension.months} 个月（${formatDate(data.extension.at)}）`}</Text>
        ) : null}
        <Text className="zb-dfile__meta e2e-develop-contacts">{`培养联系人：${peopleLine(data.contacts)}`}</Text>
        {data.sponsors.length || data.stage >= 3 ? (
          <Text className="zb-dfile__meta e2e-develop-sponsors">{`入党介绍人：${peopleLine(data.sponsors)}`}</Text>
        ) : null}
        {data.memberId ? (
          <Text className="zb-dfile__link e2e-develop-member" onClick={() => go(ROUTES.member(data.memberId ?? ''))}>
            查看花名册记录 ›
          </Text>
        ) : null}
        {data.closed ? (
          <Text className="zb-dfile__closed e2e-develop-closed">{`已于${formatDate(data.closed.at)}终止发展：${data.closed.reason}`}</Text>
        ) : null}
      </View>

      {next && data.canRecord ? (
        <View className="zb-dfile__card e2e-develop-next">
          <Text className="zb-dfile__card-title">{`下一步：${next.name}`}</Text>
          <DateField label="日期" required value={at} onChange={setAt} hint={hint} className="e2e-develop-step-date" />
          {data.nextPeople ? (
            <PeoplePicker rule={data.nextPeople} eligible={data.eligible} value={people} onChange={setPeople} />
          ) : null}
          <Field label="备注">
            <Textarea
              className="zb-dfile__note e2e-develop-step-note"
              value={note}
              maxlength={200}
              autoHeight
              placeholder="选填：谈话人、文号等"
              onInput={(e) => setNote(e.detail.value)}
            />
          </Field>
          {refusal ? <Text className="zb-dfile__refusal e2e-develop-step-error">{refusal}</Text> : null}
          <Button block type="primary" loading={saving} className="e2e-develop-step-submit" onClick={record}>
            记录这一步
          </Button>
        </View>
      ) : null}
      {!next && !data.closed ? (
        <Text className="zb-dfile__done e2e-develop-done">发展党员的各个步骤已全部完成</Text>
      ) : null}

      {byStage(data.steps).map((group) => (
        <View key={group.stage} className="zb-dfile__card">
          <Text className="zb-dfile__card-title">{stageTitle(group.stage)}</Text>
          {group.steps.map((s) => (
            <View key={s.step} className={`zb-dfile__step e2e-develop-step e2e-develop-step-${s.step}`}>
              <View className="zb-dfile__step-main">
                <Text className="zb-dfile__step-name">{s.name}</Text>
                {s.at ? <Text className="zb-dfile__step-date">{formatDate(s.at)}</Text> : null}
                {s.people.length ? <Text className="zb-dfile__step-date">{peopleLine(s.people)}</Text> : null}
                {s.note ? <Text className="zb-dfile__step-date">{s.note}</Text> : null}
              </View>
              <StatusTag tone={statusTone(s.status)} className="e2e-develop-step-status">
                {statusLabel(s.status)}
              </StatusTag>
            </View>
          ))}
        </View>
      ))}

      {data.canRecord && onTheWay ? (
        <View className="zb-dfile__card">
          <Button block className="e2e-develop-close" onClick={() => setClosing(true)}>
            终止发展
          </Button>
          <Text className="zb-dfile__meta">
            本人撤回入党申请，或经支部研究不再继续培养时办理；其花名册记录随之停用。
          </Text>
        </View>
      ) : null}
      <ReasonDialog
        subject={closing ? data.id : null}
        title="终止发展"
        confirmText="确认终止"
        className="e2e-develop-close-dialog"
        reasonClassName="e2e-develop-close-reason"
        placeholder="如：本人书面申请撤回入党申请书"
        validate={closeReasonProblem}
        submit={(reason) => closeDevelopFile(id, reason)}
        successText="已终止发展"
        onDone={() => {
          setClosing(false);
          void file.reload();
        }}
        onClose={() => setClosing(false)}
        footnote="终止后档案不再出现在发展党员列表中，不能再记录步骤。"
      >
        <Text className="zb-dialog__muted">{`${data.name}（${categoryLabel(data.category)}）`}</Text>
      </ReasonDialog>
    </PageShell>
  );
}
