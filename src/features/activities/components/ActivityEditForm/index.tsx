import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RosterMember } from '@contracts';
import { ACTIVITY_KIND_OPTIONS, type ActivityFormValues } from '@/features/activities/model/activity-form';
import { addDays, todayInChina } from '@/utils/dates';
import { useActivityForm } from '@/features/activities/hooks/useActivityForm';
import ActivityAdvancedFields from '@/features/activities/components/ActivityAdvancedFields';
import ActivityMembersField from '@/features/activities/components/ActivityMembersField';
import ActivityPlaceFields from '@/features/activities/components/ActivityPlaceFields';
import ActivityTimeControl from '@/features/activities/components/ActivityTimeControl';
import { choosableByKind, expectedByKind } from '@/features/activities/model/participants';
import { Field, SelectField, TextField } from '@/components/Field';
import { DateControl } from '@/components/Field/controls';
import './index.scss';

interface Props {
  /** Editing this activity; creating one in `orgId` otherwise. */
  id?: string;
  orgId: string;
  orgName: string;
  initial: ActivityFormValues;
  members: RosterMember[];
  onSaved: (id: string) => void;
}

/** 新建活动 / 编辑活动: what, when, where, who, and the sign-in window. */
export default function ActivityEditForm({ id, orgId, orgName, initial, members, onSaved }: Props) {
  const state = useActivityForm({ id, orgId, initial, members, onSaved });
  const { values, errors, set } = state.form;
  const today = todayInChina();
  return (
    <View className="zb-actform e2e-activity-form">
      <View className="zb-actform__card">
        <Field label="组织">
          <Text className="zb-actform__org">{orgName}</Text>
        </Field>
        <SelectField
          label="活动类型"
          required
          options={[...ACTIVITY_KIND_OPTIONS]}
          value={values.kind}
          placeholder="请选择活动类型"
          error={errors.kind}
          pickerClassName="e2e-activity-kind"
          onChange={(v) => set('kind', v as ActivityFormValues['kind'])}
        />
        <TextField
          label="活动标题"
          required
          value={values.title}
          maxLength={40}
          placeholder="如：第四季度支部党员大会"
          error={errors.title}
          inputClassName="e2e-activity-title"
          onChange={(v) => set('title', v)}
        />
        <Field label="日期" required error={errors.date}>
          <DateControl
            value={values.date}
            placeholder="请选择日期"
            start={addDays(today, -7)}
            end={addDays(today, 365)}
            className="e2e-activity-date"
            onChange={(v) => set('date', v)}
          />
        </Field>
        <View className="zb-actform__pair">
          <Field label="开始时间" required error={errors.startTime} className="zb-actform__half">
            <ActivityTimeControl
              value={values.startTime}
              placeholder="开始"
              className="e2e-activity-start"
              onChange={(v) => set('startTime', v)}
            />
          </Field>
          <Field label="结束时间" required error={errors.endTime} className="zb-actform__half">
            <ActivityTimeControl
              value={values.endTime}
              placeholder="结束"
              className="e2e-activity-end"
              onChange={(v) => set('endTime', v)}
            />
          </Field>
        </View>
        <Field label="备注（选填）" error={errors.notes}>
          <Textarea
            className="zb-dialog__textarea zb-actform__notes e2e-activity-notes"
            value={values.notes}
            maxlength={500}
            placeholder="如：请携带党员证，提前 10 分钟到场"
            onInput={(e) => set('notes', e.detail.value)}
          />
        </Field>
      </View>

      <Text className="zb-actform__section">签到地点</Text>
      <View className="zb-actform__card">
        <ActivityPlaceFields values={values} errors={errors} onChange={set} onPick={() => void state.pickPlace()} />
      </View>

      <Text className="zb-actform__section">参加人员</Text>
      <View className="zb-actform__card">
        <ActivityMembersField
          everyone={expectedByKind(members, values.kind)}
          members={choosableByKind(members, values.kind)}
          allExpected={values.allExpected}
          selected={values.expectedMemberIds}
          error={errors.expectedMemberIds}
          onAll={(all) => state.setMembers({ allExpected: all })}
          onToggle={state.toggleMember}
          onSelect={(ids) => state.setMembers({ expectedMemberIds: ids })}
        />
      </View>

      <View className="zb-actform__toggle e2e-activity-advanced" onClick={() => state.setAdvanced(!state.advanced)}>
        <Text>高级设置：签到时间、迟到宽限</Text>
        <Text className="zb-actform__arrow">{state.advanced ? '收起' : '展开'}</Text>
      </View>
      {state.advanced ? (
        <View className="zb-actform__card">
          <ActivityAdvancedFields values={values} errors={errors} onChange={set} />
        </View>
      ) : null}

      <Button
        block
        type="primary"
        size="xlarge"
        loading={state.busy}
        className="e2e-activity-save"
        onClick={state.save}
      >
        {id ? '保存修改' : '创建活动'}
      </Button>
    </View>
  );
}
