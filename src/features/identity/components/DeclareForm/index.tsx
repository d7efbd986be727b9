import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { OrgNode } from '@contracts';
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
import { useRequest } from '@/hooks/useRequest';
import { declare, getConsentNotice } from '@/features/identity/services/identity';
import { toastInfo } from '@/utils/feedback';
import { Field, SelectField, TextField } from '@/components/Field';
import { MemberFields } from '@/features/roster';
import SegmentedControl from '@/components/SegmentedControl';
import { ErrorState } from '@/components/StateViews';
import './index.scss';

const RELATION_OPTIONS = [
  { value: 'inside', label: '本党委所属支部' },
  { value: 'outside', label: '流动党员' },
] as const;

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
  const notice = useRequest(getConsentNotice, []);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState('');
  const toggleConsent = () => {
    setConsent(!consent);
    setConsentError('');
  };

  const submit = () => {
    if (!consent || !notice.data) {
      setConsentError('请阅读上面的说明，并勾选单独同意后再提交');
      toastInfo('请先勾选单独同意');
      return;
    }
    return submitForm(
      validateDeclareForm(values, todayInChina()),
      () => declare({ ...toDeclareInput(values), consent: true }),
      onSubmitted,
      '已提交',
    );
  };

  return (
    <View className="zb-declare-form e2e-declare-form">
      <View className="zb-declare-form__card">
        <Text className="zb-declare-form__section">个人信息</Text>
        <MemberFields values={values} errors={errors} onChange={setMemberField} />
      </View>
      <View className="zb-declare-form__card">
        <Text className="zb-declare-form__section">组织关系</Text>
        <Field label="组织关系所在">
          <SegmentedControl
            options={RELATION_OPTIONS}
            value={values.external ? 'outside' : 'inside'}
            onChange={(v) => set('external', v === 'outside')}
          />
        </Field>
        {values.external ? (
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
            error={errors.orgId}
            pickerClassName="e2e-field-orgId"
            onChange={(v) => set('orgId', v)}
          />
        )}
      </View>
      <View className="zb-declare-form__card zb-declare-form__consent e2e-declare-consent-notice">
        <Text className="zb-declare-form__section">{notice.data?.title ?? '敏感个人信息单独同意'}</Text>
        {notice.error ? <ErrorState error={notice.error} onRetry={notice.reload} /> : null}
        {(notice.data?.sections ?? []).map((section) => (
          <View key={section.heading} className="zb-declare-form__consent-item">
            <Text className="zb-declare-form__consent-heading">{section.heading}</Text>
            <Text className="zb-declare-form__consent-text">{section.text}</Text>
          </View>
        ))}
        <View
          className={`zb-declare-form__agree e2e-declare-consent ${consent ? 'zb-declare-form__agree--on' : ''}`}
          role="checkbox"
          aria-checked={consent}
          onClick={toggleConsent}
        >
          <View className="zb-declare-form__box">{consent ? '✓' : ''}</View>
          <Text className="zb-declare-form__agree-text">
            {notice.data?.agreement ?? '我已阅读上述说明，单独同意处理我的党员身份信息'}
          </Text>
        </View>
        {consentError ? <Text className="zb-declare-form__error e2e-declare-consent-error">{consentError}</Text> : null}
      </View>
      <Button block type="primary" size="xlarge" loading={busy} className="e2e-declare-submit" onClick={submit}>
        提交申报
      </Button>
    </View>
  );
}
