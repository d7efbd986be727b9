import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import PageShell from '@/components/PageShell';
import { DateField, Field } from '@/components/Field';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import { byStage, categoryLabel, stageTitle, statusLabel, statusTone } from '@/features/develop/model/develop';
import { getDevelopFile, recordDevelopStep } from '@/features/develop/services/develop';
import { useRequest } from '@/hooks/useRequest';
import { errorMessage } from '@/services/client';
import { formatDate } from '@/utils/dates';
import { toastSuccess } from '@/utils/feedback';
import { back } from '@/utils/routes';
import './index.scss';

/**
 * One person's 发展党员 file (`?id=`): every step under its stage with its date and state, and the
 * next step's form (date, note). A date the rules do not allow is refused by the server with the
 * rule in its words, shown under the form; the 上级党委's steps take the date of its decision.
 */
export default function DevelopFile() {
  const id = useRouter().params.id ?? '';
  const file = useRequest(() => getDevelopFile(id), [id], { manual: !id });
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState('');
  const [saving, setSaving] = useState(false);

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

  async function record() {
    if (!next) return;
    if (!at) {
      setRefusal('请选择日期');
      return;
    }
    setSaving(true);
    setRefusal('');
    try {
      await recordDevelopStep({ id, step: next.step, at, ...(note.trim() ? { note: note.trim() } : {}) });
      toastSuccess('已记录');
      setAt('');
      setNote('');
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
      </View>

      {next && data.canRecord ? (
        <View className="zb-dfile__card e2e-develop-next">
          <Text className="zb-dfile__card-title">{`下一步：${next.name}`}</Text>
          <DateField label="日期" required value={at} onChange={setAt} hint={hint} className="e2e-develop-step-date" />
          <Field label="备注">
            <Textarea
              className="zb-dfile__note e2e-develop-step-note"
              value={note}
              maxlength={200}
              autoHeight
              placeholder="选填：谈话人、培养联系人、介绍人、文号等"
              onInput={(e) => setNote(e.detail.value)}
            />
          </Field>
          {refusal ? <Text className="zb-dfile__refusal e2e-develop-step-error">{refusal}</Text> : null}
          <Button block type="primary" loading={saving} className="e2e-develop-step-submit" onClick={record}>
            记录这一步
          </Button>
        </View>
      ) : null}
      {!next ? <Text className="zb-dfile__done e2e-develop-done">发展党员的各个步骤已全部完成</Text> : null}

      {byStage(data.steps).map((group) => (
        <View key={group.stage} className="zb-dfile__card">
          <Text className="zb-dfile__card-title">{stageTitle(group.stage)}</Text>
          {group.steps.map((s) => (
            <View key={s.step} className={`zb-dfile__step e2e-develop-step e2e-develop-step-${s.step}`}>
              <View className="zb-dfile__step-main">
                <Text className="zb-dfile__step-name">{s.name}</Text>
                {s.at ? <Text className="zb-dfile__step-date">{formatDate(s.at)}</Text> : null}
                {s.note ? <Text className="zb-dfile__step-date">{s.note}</Text> : null}
              </View>
              <StatusTag tone={statusTone(s.status)} className="e2e-develop-step-status">
                {statusLabel(s.status)}
              </StatusTag>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
