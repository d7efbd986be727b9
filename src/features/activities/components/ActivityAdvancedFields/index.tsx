import { Text, View } from '@tarojs/components';
import type { ActivityFormValues } from '@/features/activities/model/activity-form';
import { addDays, todayInChina } from '@/utils/dates';
import type { FieldErrors } from '@/utils/validation';
import { Field, TextField } from '@/components/Field';
import { DateControl } from '@/components/Field/controls';
import './index.scss';

interface Props {
  values: ActivityFormValues;
  errors: FieldErrors<ActivityFormValues>;
  onChange: <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => void;
}

/** 高级设置: when sign-in opens and closes around the start, the grace before 迟到, and a later end day. */
export default function ActivityAdvancedFields({ values, errors, onChange }: Props) {
  const today = todayInChina();
  return (
    <>
      <TextField
        label="开始前多少分钟开放签到"
        type="number"
        value={values.opensBefore}
        maxLength={4}
        hint="默认 30 分钟"
        error={errors.opensBefore}
        inputClassName="e2e-activity-opens"
        onChange={(v) => onChange('opensBefore', v)}
      />
      <TextField
        label="开始后多少分钟截止签到"
        type="number"
        value={values.closesAfter}
        maxLength={5}
        hint="默认 30 分钟；截止后只能由书记补签"
        error={errors.closesAfter}
        inputClassName="e2e-activity-closes"
        onChange={(v) => onChange('closesAfter', v)}
      />
      <TextField
        label="迟到宽限（分钟）"
        type="number"
        value={values.graceMinutes}
        maxLength={3}
        hint="开始后这段时间内签到不算迟到，默认 5 分钟"
        error={errors.graceMinutes}
        inputClassName="e2e-activity-grace"
        onChange={(v) => onChange('graceMinutes', v)}
      />
      <Field label="结束日期（跨天的活动）" error={errors.endDate} hint="不填则与开始同一天">
        <View className="zb-actadv__date">
          <DateControl
            value={values.endDate}
            placeholder="与开始同一天"
            start={values.date || today}
            end={addDays(values.date || today, 7)}
            className="e2e-activity-end-date"
            onChange={(v) => onChange('endDate', v === values.date ? '' : v)}
          />
          {values.endDate ? (
            <Text className="zb-actadv__clear" onClick={() => onChange('endDate', '')}>
              清除
            </Text>
          ) : null}
        </View>
      </Field>
    </>
  );
}
