import { View } from '@tarojs/components';
import { MEMBER_VISIBILITY_NOTE } from '@/features/points/model/points';
import {
  LECTURE_CADENCE_OPTIONS,
  settingsErrorKey,
  VISIBILITY_OPTIONS,
  type RulesErrors,
  type SettingsDraft,
} from '@/features/points/model/rules-editor';
import { Field, TextField } from '@/components/Field';
import SegmentedControl from '@/components/SegmentedControl';
import './index.scss';

interface Props {
  settings: SettingsDraft;
  errors: RulesErrors;
  onChange: <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => void;
}

/** 基础分, 成员可见的排名 (仅本人名次 / 关闭排名: members never see others), 异议期（天）, 党课频次 (三会一课). */
export default function RulesEditorSettings({ settings, errors, onChange }: Props) {
  return (
    <View className="zb-rules-settings">
      <TextField
        label="基础分"
        type="number"
        maxLength={3}
        value={settings.baseScore}
        onChange={(v) => onChange('baseScore', v)}
        error={errors[settingsErrorKey('baseScore')]}
        hint="年度积分 = 基础分 + 本年净分"
        inputClassName="e2e-rules-base"
      />
      <Field
        label="成员可见的排名"
        error={errors[settingsErrorKey('rankingVisibility')]}
        hint={MEMBER_VISIBILITY_NOTE[settings.rankingVisibility]}
      >
        <SegmentedControl
          options={VISIBILITY_OPTIONS}
          value={settings.rankingVisibility}
          onChange={(v) => onChange('rankingVisibility', v)}
          className="zb-rules-settings__visibility e2e-rules-visibility"
        />
      </Field>
      <TextField
        label="异议期（天）"
        type="number"
        maxLength={2}
        value={settings.objectionDays}
        onChange={(v) => onChange('objectionDays', v)}
        error={errors[settingsErrorKey('objectionDays')]}
        hint="党员可在积分记入后这么多天内提出异议；0 表示不受理异议"
        inputClassName="e2e-rules-objection-days"
      />
      <Field
        label="党课频次"
        error={errors[settingsErrorKey('lectureCadence')]}
        hint="各支部至少按此频次上党课，工作台的三会一课据此提示"
      >
        <SegmentedControl
          options={LECTURE_CADENCE_OPTIONS}
          value={settings.lectureCadence}
          onChange={(v) => onChange('lectureCadence', v)}
          className="e2e-rules-lecture-cadence"
        />
      </Field>
    </View>
  );
}
