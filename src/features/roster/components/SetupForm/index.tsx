import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActionOutput } from '@contracts';
import { TextField } from '@/components/Field';
import MemberFields from '@/features/roster/components/MemberFields';
import {
  EMPTY_SETUP_FORM,
  SETUP_FIELDS,
  toSetupInput,
  validateSetupForm,
  type SetupFormValues,
} from '@/features/roster/model/setup';
import { setup } from '@/features/roster/services/roster';
import { useForm } from '@/hooks/useForm';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { ConsentCard, useSeparateConsent } from '@/features/identity';
import { todayInChina } from '@/utils/dates';
import type { MemberFormValues } from '@/utils/validation';
import './index.scss';

interface Props {
  onDone: (result: ActionOutput<'roster', 'setup'>) => void;
}

/** 初始化: the setup code, the committee's name, and the admin's own roster entry. */
export default function SetupForm({ onDone }: Props) {
  const form = useForm<SetupFormValues>(EMPTY_SETUP_FORM);
  const { values, errors, set } = form;
  const { busy, submit } = useFormSubmit(form, SETUP_FIELDS);
  const setMemberField = <K extends keyof MemberFormValues>(key: K, value: MemberFormValues[K]) =>
    set(key, value as SetupFormValues[K]);

  // The admin's own Party membership is sensitive too: the same separate consent as 亮身份.
  const consent = useSeparateConsent();
  const send = () => {
    if (!consent.confirmed()) return;
    return submit(
      validateSetupForm(values, todayInChina()),
      () => setup({ ...toSetupInput(values), consent: true }),
      onDone,
      '初始化完成',
    );
  };

  return (
    <View className="zb-setup-form e2e-setup-form">
      <View className="zb-setup-form__card">
        <Text className="zb-setup-form__section">初始化码</Text>
        <TextField
          label="初始化码"
          required
          value={values.code}
          maxLength={64}
          placeholder="部署时设置的 ZHIBU_SETUP_CODE"
          hint="由部署支部通的技术人员提供；连续输错 5 次需等待 1 小时"
          error={errors.code}
          inputClassName="e2e-field-code"
          onChange={(v) => set('code', v)}
        />
      </View>
      <View className="zb-setup-form__card">
        <Text className="zb-setup-form__section">党组织</Text>
        <TextField
          label="党委名称"
          required
          value={values.committeeName}
          maxLength={40}
          placeholder="如：城东街道党工委"
          error={errors.committeeName}
          inputClassName="e2e-field-committeeName"
          onChange={(v) => set('committeeName', v)}
        />
        <TextField
          label="您所在支部"
          required
          value={values.branchName}
          maxLength={40}
          placeholder="您本人组织关系所在的党支部"
          hint="先建这一个支部，其余支部初始化后在“组织架构”中添加"
          error={errors.branchName}
          inputClassName="e2e-field-branchName"
          onChange={(v) => set('branchName', v)}
        />
      </View>
      <View className="zb-setup-form__card">
        <Text className="zb-setup-form__section">管理员本人信息</Text>
        <MemberFields values={values} errors={errors} onChange={setMemberField} />
      </View>
      <View className="zb-setup-form__card">
        <ConsentCard state={consent} name="setup" />
      </View>
      <Text className="zb-setup-form__note">
        初始化只能进行一次：完成后您成为党委管理员，本页不再开放。所有操作记入操作日志。
      </Text>
      <Button block type="primary" size="xlarge" loading={busy} className="e2e-setup-submit" onClick={send}>
        完成初始化
      </Button>
    </View>
  );
}
