import { Text, View } from '@tarojs/components';
import { DateControl } from '@/components/Field/controls';
import { Field, SelectField, TextField } from '@/components/Field';
import SegmentedControl from '@/components/SegmentedControl';
import { todayInChina } from '@/utils/dates';
import {
  EDUCATION_OPTIONS,
  ETHNICITY_OPTIONS,
  GENDER_OPTIONS,
  MEMBER_CATEGORIES,
  toggleCategory,
  WORK_UNIT_MAX,
  type ProfileFormValues,
} from '@/features/roster/model/profile';
import './index.scss';

interface Props {
  values: ProfileFormValues;
  errors: Partial<Record<keyof ProfileFormValues, string>>;
  onChange: <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => void;
}

/**
 * 性别, 出生日期, 民族, 学历, 工作单位, 党员分类: the optional fields of the secretary's roster form
 * (not of 亮身份 or 初始化: a branch collects them, a member is not asked for them to join).
 */
export default function MemberProfileFields({ values, errors, onChange }: Props) {
  return (
    <>
      <Field label="性别" error={errors.gender}>
        <SegmentedControl
          className="e2e-profile-gender"
          options={GENDER_OPTIONS}
          value={values.gender}
          onChange={(v) => onChange('gender', v)}
        />
      </Field>
      <Field label="出生日期" error={errors.birthDate} hint="入党须年满十八岁">
        <View className="zb-profile__date">
          <DateControl
            value={values.birthDate}
            onChange={(v) => onChange('birthDate', v)}
            placeholder="请选择出生日期"
            start="1900-01-01"
            end={todayInChina()}
            className="e2e-profile-birthDate"
          />
          {values.birthDate ? (
            <Text className="zb-profile__clear e2e-profile-birthDate-clear" onClick={() => onChange('birthDate', '')}>
              清除
            </Text>
          ) : null}
        </View>
      </Field>
      <SelectField
        label="民族"
        options={ETHNICITY_OPTIONS}
        value={values.ethnicity}
        error={errors.ethnicity}
        pickerClassName="e2e-profile-ethnicity"
        onChange={(v) => onChange('ethnicity', v as ProfileFormValues['ethnicity'])}
      />
      <SelectField
        label="学历"
        options={EDUCATION_OPTIONS}
        value={values.education}
        error={errors.education}
        pickerClassName="e2e-profile-education"
        onChange={(v) => onChange('education', v as ProfileFormValues['education'])}
      />
      <TextField
        label="工作单位"
        value={values.workUnit}
        maxLength={WORK_UNIT_MAX}
        placeholder="如：示范街道社区卫生服务中心"
        error={errors.workUnit}
        inputClassName="e2e-profile-workUnit"
        onChange={(v) => onChange('workUnit', v)}
      />
      <Field label="党员分类" error={errors.categories} hint="可多选，用于关怀帮扶和组织生活安排">
        <View className="zb-profile__chips">
          {MEMBER_CATEGORIES.map((c) => {
            const on = values.categories.includes(c);
            return (
              <View
                key={c}
                className={`zb-profile__chip e2e-profile-category ${on ? 'zb-profile__chip--on' : ''}`}
                onClick={() => onChange('categories', toggleCategory(values.categories, c))}
              >
                {on ? `✓ ${c}` : c}
              </View>
            );
          })}
        </View>
      </Field>
    </>
  );
}
