import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrgNode } from '@contracts';
import { EMPLOYER_NAME_MAX } from '@contracts/labels/roster';
import type { CandidateStatus } from '@contracts/labels/common';
import { todayInChina } from '@/utils/dates';
import {
  DECLARE_FIELDS,
  EMPTY_MEMBER_FORM,
  toDeclareInput,
  validateDeclareForm,
  type DeclareFormValues,
  type MemberFormValues,
} from '@/utils/validation';
import { useForm } from '@/hooks/useForm';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { declare } from '@/features/identity/services/identity';
import { useSeparateConsent } from '@/features/identity/hooks/useSeparateConsent';
import ConsentCard from '@/features/identity/components/ConsentCard';
import { Field, SelectField, TextField } from '@/components/Field';
import { MemberFields } from '@/features/roster';
import SegmentedControl from '@/components/SegmentedControl';
import './index.scss';

const RELATION_OPTIONS = [
  { value: 'inside', label: '本党委所属支部' },
  { value: 'outside', label: '流动党员' },
] as const;

/** The first question, in words an old member and a young applicant both know. */
const WHO_OPTIONS = [
  { value: 'member', label: '我是党员' },
  { value: 'applying', label: '正在申请入党' },
] as const;

/** Where someone on the way is: the branch's 发展党员 file decides, this only helps the secretary. */
const STAGE_OPTIONS: ReadonlyArray<{ value: CandidateStatus; label: string }> = [
  { value: 'applicant', label: '入党申请人' },
  { value: 'activist', label: '入党积极分子' },
  { value: 'candidate', label: '发展对象' },
];

interface Props {
  branches: OrgNode[];
  initial?: Partial<DeclareFormValues>;
  onSubmitted: () => void;
}

/** The 亮身份 form: checks locally, submits, and shows the server's field errors inline. */
export default function DeclareForm({ branches, initial, onSubmitted }: Props) {
  const form = useForm<DeclareFormValues>({
    ...EMPTY_MEMBER_FORM,
    external: false,
    orgId: '',
    externalOrg: '',
    ...initial,
  });
  const { values, errors, set } = form;
  const { busy, submit: submitForm } = useFormSubmit(form, DECLARE_FIELDS);
  const setMemberField = <K extends keyof MemberFormValues>(key: K, value: MemberFormValues[K]) =>
    set(key, value as DeclareFormValues[K]);

  // Separate consent (PIPL Art. 29): never ticked in advance, never folded into another agreement.
  const consent = useSeparateConsent();
  const submit = () => {
    if (!consent.confirmed()) return;
    return submitForm(
      validateDeclareForm(values, todayInChina()),
      () => declare({ ...toDeclareInput(values), consent: true }),
      onSubmitted,
      '已提交',
    );
  };

  const applying = !!values.onTheWay;
  return (
    <View className="zb-declare-form e2e-declare-form">
      <View className="zb-declare-form__card">
        <Text className="zb-declare-form__section">您的身份</Text>
        <Field
          label="您是"
          hint={applying ? '已向党支部递交入党申请书、尚未成为预备党员的，选这一项' : '正式党员和预备党员选这一项'}
        >
          <SegmentedControl
            className="e2e-declare-who"
            options={WHO_OPTIONS}
            value={applying ? 'applying' : 'member'}
            onChange={(v) => set('onTheWay', v === 'applying')}
          />
        </Field>
        {applying ? (
          <Field label="目前是" hint="不确定的，选「入党申请人」即可，以支部的发展党员档案为准">
            <SegmentedControl
              className="e2e-declare-stage"
              options={STAGE_OPTIONS}
              value={values.stage ?? 'applicant'}
              onChange={(v) => set('stage', v)}
            />
          </Field>
        ) : null}
      </View>
      <View className="zb-declare-form__card">
        <Text className="zb-declare-form__section">个人信息</Text>
        <MemberFields values={values} errors={errors} onChange={setMemberField} party={!applying} />
        <TextField
          label="工作单位"
          value={values.employer ?? ''}
          maxLength={EMPLOYER_NAME_MAX}
          placeholder="选填，如：某某科技有限公司"
          hint="在非公企业、社会组织工作的党员请填写，便于党委组建党组织"
          error={errors.employer}
          inputClassName="e2e-field-employer"
          onChange={(v) => set('employer', v)}
        />
      </View>
      <View className="zb-declare-form__card">
        <Text className="zb-declare-form__section">{applying ? '所在支部' : '组织关系'}</Text>
        {applying ? null : (
          <Field label="组织关系所在">
            <SegmentedControl
              options={RELATION_OPTIONS}
              value={values.external ? 'outside' : 'inside'}
              onChange={(v) => set('external', v === 'outside')}
            />
          </Field>
        )}
        {values.external && !applying ? (
          <TextField
            label="组织关系所在单位"
            required
            value={values.externalOrg}
            maxLength={100}
            placeholder="如：某某街道第三党支部"
            hint="组织关系不在本党委的流动党员，由党委管理员审核"
            error={errors.externalOrg}
            inputClassName="e2e-field-externalOrg"
            onChange={(v) => set('externalOrg', v)}
          />
        ) : (
          <SelectField
            label="所在支部"
            required
            options={branches.map((b) => ({ value: b.id, label: b.name }))}
            value={values.orgId}
            placeholder="请选择所在支部"
            hint={applying ? '您递交入党申请书的党支部' : undefined}
            error={errors.orgId}
            pickerClassName="e2e-field-orgId"
            onChange={(v) => set('orgId', v)}
          />
        )}
      </View>
      <View className="zb-declare-form__card">
        <ConsentCard state={consent} name="declare" />
      </View>
      <Button block type="primary" size="xlarge" loading={busy} className="e2e-declare-submit" onClick={submit}>
        提交申报
      </Button>
    </View>
  );
}
