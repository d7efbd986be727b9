import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityPhase, MeetingRecordView } from '@contracts';
import { Field, TextField } from '@/components/Field';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import SegmentedControl from '@/components/SegmentedControl';
import StatusTag from '@/components/StatusTag';
import { useMe } from '@/features/identity';
import { exportMeetingRecord, getMeetingRecord, saveMeetingRecord } from '@/features/activities/services/activity';
import {
  quorumText,
  recordFormErrors,
  recordFormFrom,
  toSaveRecordInput,
  voteText,
  type RecordFormErrors,
  type RecordFormValues,
} from '@/features/activities/model/meeting-record';
import { useRequest } from '@/hooks/useRequest';
import { useSubmit } from '@/hooks/useFormSubmit';
import { openFileLink } from '@/services/file-platform';
import { formatDateTime } from '@/utils/dates';
import './index.scss';

const LISTS = [
  ['present', '出席'],
  ['late', '迟到'],
  ['leave', '请假'],
  ['exempt', '免参加'],
  ['absent', '缺席'],
] as const;

const VOTE_OPTIONS = [
  { value: 'none', label: '无表决事项' },
  { value: 'vote', label: '记录表决结果' },
] as const;

function Attendance({ view }: { view: MeetingRecordView }) {
  const a = view.attendance;
  return (
    <View className="zb-record__attendance e2e-record-attendance">
      <Text className="zb-record__line">{`应到 ${a.expected} 人`}</Text>
      {LISTS.map(([key, label]) =>
        a[key].length || key !== 'exempt' ? (
          <Text key={key} className={`zb-record__line e2e-record-${key}`}>
            {`${label} ${a[key].length} 人${a[key].length ? `：${a[key].join('、')}` : ''}`}
          </Text>
        ) : null,
      )}
      {a.observers?.length ? (
        <Text className="zb-record__line e2e-record-observers">{`列席 ${a.observers.length} 人：${a.observers.join('、')}`}</Text>
      ) : null}
    </View>
  );
}

function RecordText({ label, text }: { label: string; text: string | null }) {
  return (
    <View className="zb-record__text">
      <Text className="zb-record__label">{label}</Text>
      <Text className="zb-record__value">{text || '无'}</Text>
    </View>
  );
}

interface FormProps {
  view: MeetingRecordView;
  onSaved: () => void;
}

function RecordForm({ view, onSaved }: FormProps) {
  const { me } = useMe();
  const [values, setValues] = useState<RecordFormValues>(() => recordFormFrom(view, me?.member?.name ?? ''));
  const [errors, setErrors] = useState<RecordFormErrors>({});
  const { busy, send } = useSubmit<'save'>();
  const set = (key: keyof RecordFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const area = (key: 'topics' | 'summary' | 'decisions', label: string, max: number, placeholder: string) => (
    <Field label={label} required={key !== 'decisions'} error={errors[key]} className={`e2e-record-${key}`}>
      <Textarea
        className="zb-dialog__textarea zb-record__area"
        value={values[key]}
        maxlength={max}
        autoHeight
        placeholder={placeholder}
        onInput={(e) => set(key)(e.detail.value)}
      />
    </Field>
  );
  const save = () => {
    const found = recordFormErrors(values, view);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    void send('save', () => saveMeetingRecord(toSaveRecordInput(view.activity.id, values, view)), {
      successText: '会议记录已保存',
      onDone: onSaved,
    });
  };
  return (
    <View className="zb-record__form e2e-record-form">
      <TextField
        label="主持人"
        required
        value={values.host}
        onChange={set('host')}
        error={errors.host}
        maxLength={20}
        className="e2e-record-host"
      />
      <TextField
        label="记录人"
        required
        value={values.recorder}
        onChange={set('recorder')}
        error={errors.recorder}
        maxLength={20}
        className="e2e-record-recorder"
      />
      {area('topics', '议题', 1000, '如：一、学习全会精神；二、讨论接收预备党员')}
      {area('summary', '内容摘要', 5000, '会议的主要内容、发言情况')}
      {area('decisions', '决议', 2000, '选填：会议形成的决议')}
      {view.quorum ? (
        <View className="zb-record__vote">
          <Field label="表决">
            <SegmentedControl
              className="e2e-record-vote-switch"
              options={VOTE_OPTIONS}
              value={values.withVote ? 'vote' : 'none'}
              onChange={(choice) => setValues((v) => ({ ...v, withVote: choice === 'vote' }))}
            />
          </Field>
          {values.withVote ? (
            <>
              <TextField
                label="赞成（票）"
                type="number"
                value={values.voteFor}
                onChange={set('voteFor')}
                error={errors.voteFor}
                className="e2e-record-vote-for"
              />
              <TextField
                label="反对（票）"
                type="number"
                value={values.voteAgainst}
                onChange={set('voteAgainst')}
                error={errors.voteAgainst}
                className="e2e-record-vote-against"
              />
              <TextField
                label="弃权（票）"
                type="number"
                value={values.voteAbstain}
                onChange={set('voteAbstain')}
                error={errors.voteAbstain}
                className="e2e-record-vote-abstain"
              />
              <Text className="zb-record__hint">{`赞成票超过 ${view.quorum.voters} 名有表决权党员的半数即为通过`}</Text>
            </>
          ) : null}
        </View>
      ) : null}
      <Button block type="primary" loading={busy === 'save'} className="e2e-record-save" onClick={save}>
        保存会议记录
      </Button>
    </View>
  );
}

/**
 * 会议记录 on the secretary's activity page, once the activity is held (ended or closed): attendance
 * by name from the sign-in, for a 支部党员大会 whether it had a quorum, and the record itself —
 * a form for who may manage the activity, read-only for a 支委 — with its A4 export.
 */
export default function MeetingRecordSection({ activityId, phase }: { activityId: string; phase: ActivityPhase }) {
  const held = phase === 'ended' || phase === 'closed';
  const state = useRequest(() => getMeetingRecord(activityId), [activityId, phase], { manual: !held });
  const exporter = useSubmit<'export'>();
  const [editing, setEditing] = useState(false);
  const view = state.data;
  useEffect(() => {
    if (view && !view.record) setEditing(view.canEdit);
  }, [view]);
  if (!held) return null;
  if (!view)
    return state.error ? (
      <ErrorState error={state.error} onRetry={() => void state.reload()} />
    ) : (
      <LoadingSkeleton rows={3} />
    );
  const vote = voteText(view);
  return (
    <View className="zb-record e2e-record">
      <View className="zb-record__head">
        <Text className="zb-record__title">会议记录</Text>
        {view.record ? (
          <Text className="zb-record__meta">{`${view.record.updatedByName ?? ''} ${formatDateTime(view.record.updatedAt)} 保存`}</Text>
        ) : null}
      </View>
      <Attendance view={view} />
      {view.quorum ? (
        <View
          className={`zb-record__quorum zb-record__quorum--${view.quorum.reached ? 'ok' : 'short'} e2e-record-quorum`}
        >
          <StatusTag tone={view.quorum.reached ? 'success' : 'primary'}>
            {view.quorum.reached ? '达到法定人数' : '未达法定人数'}
          </StatusTag>
          <Text className="zb-record__quorum-text">{quorumText(view.quorum)}</Text>
        </View>
      ) : null}
      {editing ? (
        <RecordForm
          view={view}
          onSaved={() => {
            setEditing(false);
            void state.reload();
          }}
        />
      ) : view.record ? (
        <View className="e2e-record-saved">
          <RecordText label="主持人" text={view.record.host} />
          <RecordText label="记录人" text={view.record.recorder} />
          <RecordText label="议题" text={view.record.topics} />
          <RecordText label="内容摘要" text={view.record.summary} />
          <RecordText label="决议" text={view.record.decisions} />
          {vote ? <Text className={`zb-record__result e2e-record-vote-result`}>{`表决结果：${vote}`}</Text> : null}
          {view.canEdit ? (
            <Button block fill="outline" className="e2e-record-edit" onClick={() => setEditing(true)}>
              修改会议记录
            </Button>
          ) : null}
          <Button
            block
            fill="outline"
            type="primary"
            loading={exporter.busy === 'export'}
            className="e2e-record-export"
            onClick={() =>
              void exporter.send('export', async () => openFileLink(await exportMeetingRecord(activityId)))
            }
          >
            导出会议记录
          </Button>
        </View>
      ) : (
        <Text className="zb-record__hint">会议记录尚未填写</Text>
      )}
    </View>
  );
}
