import { Text } from '@tarojs/components';
import type { PartyStatus } from '@contracts';
import { PARTY_STATUS_LABELS, type Membership } from '@contracts/labels/common';
import type { FieldErrors, MemberFormValues } from '@/utils/validation';
import { DateField, Field, TextField } from '@/components/Field';
import SegmentedControl from '@/components/SegmentedControl';

const STATUS_OPTIONS: ReadonlyArray<{ value: Membership; label: string }> = [
  { value: 'full', label: '正式党员' },
  { value: 'probationary', label: '预备党员' },
];

interface Props {
  values: MemberFormValues;
  errors: FieldErrors<MemberFormValues>;
  onChange: <K extends keyof MemberFormValues>(key: K, value: MemberFormValues[K]) => void;
  /** The secretary's roster form: a member may have no mobile (many retired members). */
  phoneOptional?: boolean;
  /** Someone on the way to membership: their status is shown, not edited (发展党员 keeps it and the dates). */
  onTheWay?: PartyStatus;
  /** false: 姓名 and 手机号 only (亮身份 by someone on the way, who has no 党员身份 or dates to give). */
  party?: boolean;
}

/** 姓名, 手机号, 党员身份, 入党日期, 转正日期 (only for 正式党员): shared by 亮身份 and the roster form. */
export default function MemberFields({ values, errors, onChange, phoneOptional, onTheWay, party = true }: Props) {
  return (
    <>
      <TextField
        label="姓名"
        required
        value={values.name}
        maxLength={20}
        placeholder="请输入真实姓名"
        error={errors.name}
        inputClassName="e2e-field-name"
        onChange={(v) => onChange('name', v)}
      />
      <TextField
        label="手机号"
        required={!phoneOptional}
        type="number"
        value={values.phone}
        maxLength={11}
        placeholder={phoneOptional ? '11 位手机号；没有手机可不填' : '11 位手机号'}
        error={errors.phone}
        inputClassName="e2e-field-phone"
        onChange={(v) => onChange('phone', v)}
      />
      {!party ? null : onTheWay ? (
        <Field label="身份" hint="由发展党员档案记录，在那里办理每一步">
          <Text className="e2e-field-onTheWay">{PARTY_STATUS_LABELS[onTheWay]}</Text>
        </Field>
      ) : (
        <>
          <Field label="党员身份" required error={errors.partyStatus}>
            <SegmentedControl
              options={STATUS_OPTIONS}
              value={values.partyStatus}
              onChange={(v) => onChange('partyStatus', v)}
            />
          </Field>
          <DateField
            label="入党日期"
            required
            value={values.joinedAt}
            error={errors.joinedAt}
            pickerClassName="e2e-field-joinedAt"
            onChange={(v) => onChange('joinedAt', v)}
          />
          {values.partyStatus === 'full' ? (
            <DateField
              label="转正日期"
              required
              value={values.fullAt}
              error={errors.fullAt}
              pickerClassName="e2e-field-fullAt"
              onChange={(v) => onChange('fullAt', v)}
            />
          ) : null}
        </>
      )}
    </>
  );
}
