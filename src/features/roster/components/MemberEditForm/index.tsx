import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Switch from '@/components/Switch';
import { useState } from 'react';
import type { OrgNode, RosterMemberDetail } from '@contracts';
import { isPartyMember } from '@contracts/labels/common';
import { todayInChina } from '@/utils/dates';
import {
  EMPTY_MEMBER_FORM,
  exemptionChange,
  exemptionValues,
  exemptReasonError,
  MEMBER_FIELDS,
  toMemberFields,
  validateMemberForm,
  type ExemptionValues,
  type MemberFormValues,
} from '@/utils/validation';
import { useForm } from '@/hooks/useForm';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { createMember, updateMember } from '@/features/roster/services/roster';
import { Field, SelectField, TextField } from '@/components/Field';
import MemberFields from '@/features/roster/components/MemberFields';
import MemberProfileFields from '@/features/roster/components/MemberProfileFields';
import {
  hasProfile,
  PROFILE_FIELDS,
  profileChanges,
  profileErrors,
  profileFormValues,
  profileInput,
  type ProfileFormValues,
} from '@/features/roster/model/profile';
import './index.scss';

interface Props {
  /** Editing this entry; creating one in `orgId` otherwise. */
  member?: RosterMemberDetail;
  orgId: string;
  orgName: string;
  /** The branch's groups (党小组), for the group picker when editing. */
  groups: OrgNode[];
  onSaved: (id: string) => void;
}

const NO_GROUP = '__none__';
const FIELDS = [...MEMBER_FIELDS, 'exemptReason', ...PROFILE_FIELDS] as const;

type Values = MemberFormValues & ExemptionValues & ProfileFormValues;

/** 新增党员 / 编辑信息 for a roster entry. */
export default function MemberEditForm({ member, orgId, orgName, groups, onSaved }: Props) {
  // Someone on the way to membership: 发展党员 keeps their status and dates; this form edits the rest.
  const onTheWay = member && !isPartyMember(member.partyStatus) ? member.partyStatus : undefined;
  const initial: Values = member
    ? {
        name: member.name,
        phone: member.phone ?? '',
        partyStatus: isPartyMember(member.partyStatus) ? member.partyStatus : 'full',
        joinedAt: member.joinedAt ?? '',
        fullAt: member.fullAt ?? '',
        ...exemptionValues(member.exemptReason),
        ...profileFormValues(member),
      }
    : { ...EMPTY_MEMBER_FORM, ...exemptionValues(null), ...profileFormValues() };
  const form = useForm<Values>(initial);
  const [groupId, setGroupId] = useState(member?.groupId ?? NO_GROUP);
  // 更多信息 opens by itself when the entry has some, or when an error lands in it.
  const [moreOpen, setMoreOpen] = useState(() => hasProfile(initial));
  const { busy, submit } = useFormSubmit(form, FIELDS, (errors) => {
    if (PROFILE_FIELDS.some((key) => errors[key])) setMoreOpen(true);
  });

  const save = () => {
    const memberFields = toMemberFields(form.values);
    const fields = onTheWay ? { name: memberFields.name, phone: memberFields.phone } : memberFields;
    const send = () =>
      member
        ? updateMember({
            id: member.id,
            ...fields,
            ...(groups.length ? { groupId: groupId === NO_GROUP ? null : groupId } : {}),
            ...(member.allowed.exempt ? exemptionChange(form.values, member.exemptReason) : {}),
            ...profileChanges(form.values, member),
          })
        : createMember({ orgId, ...memberFields, ...profileInput(form.values) });
    const exemptError = member?.allowed.exempt ? exemptReasonError(form.values) : undefined;
    const errors = {
      ...validateMemberForm(form.values, todayInChina(), { phoneOptional: true, partyFields: !onTheWay }),
      ...profileErrors(form.values, form.values.joinedAt, todayInChina()),
      ...(exemptError ? { exemptReason: exemptError } : {}),
    };
    return submit(errors, send, (res) => onSaved(res.id), '已保存');
  };

  return (
    <View className="zb-member-form e2e-member-form">
      <View className="zb-member-form__card">
        <Field label="所在支部">
          <Text className="zb-member-form__org">{orgName}</Text>
        </Field>
        <MemberFields
          phoneOptional
          onTheWay={onTheWay}
          values={form.values}
          errors={form.errors}
          onChange={(key, value) => form.set(key, value as Values[typeof key])}
        />
        {member && groups.length ? (
          <SelectField
            label="党小组"
            options={[{ value: NO_GROUP, label: '不分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
            value={groupId}
            onChange={setGroupId}
          />
        ) : null}
      </View>
      <View className="zb-member-form__toggle e2e-member-more" onClick={() => setMoreOpen(!moreOpen)}>
        <Text>更多信息（选填）：性别、出生日期、民族、学历、工作单位、党员分类</Text>
        <Text className="zb-member-form__arrow">{moreOpen ? '收起' : '展开'}</Text>
      </View>
      {moreOpen ? (
        <View className="zb-member-form__card e2e-member-profile">
          <MemberProfileFields
            values={form.values}
            errors={form.errors}
            onChange={(key, value) => form.set(key, value as Values[typeof key])}
          />
        </View>
      ) : null}
      {/* Nobody sets their own 免参加; the server says whether this caller may (allowed.exempt). */}
      {member?.allowed.exempt ? (
        <View className="zb-member-form__card">
          <Field label="免参加组织生活" hint="年老体弱、长期在外等经支部同意的，结束活动时记为免参加，不计缺席、不扣分">
            <View className="zb-member-form__switch">
              <Text className="zb-member-form__state">{form.values.exempt ? '免参加' : '正常参加'}</Text>
              <Switch
                className="e2e-member-exempt"
                checked={form.values.exempt}
                onChange={(v: boolean) => form.set('exempt', v)}
              />
            </View>
          </Field>
          {form.values.exempt ? (
            <TextField
              label="免参加原因"
              required
              value={form.values.exemptReason}
              maxLength={60}
              placeholder="如：年老体弱，经支部委员会同意"
              error={form.errors.exemptReason}
              inputClassName="e2e-member-exempt-reason"
              onChange={(v) => form.set('exemptReason', v)}
            />
          ) : null}
        </View>
      ) : null}
      <Button block type="primary" size="xlarge" loading={busy} className="e2e-member-save" onClick={save}>
        {member ? '保存修改' : '保存并添加'}
      </Button>
    </View>
  );
}
