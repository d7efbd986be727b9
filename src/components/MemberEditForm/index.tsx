import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { OrgNode, RosterMemberDetail } from '../../../contracts';
import { todayInChina } from '../../domain/dates';
import {
  EMPTY_MEMBER_FORM,
  MEMBER_FIELDS,
  toMemberFields,
  validateMemberForm,
  type MemberFormValues,
} from '../../domain/validation';
import { useForm } from '../../hooks/useForm';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { createMember, updateMember } from '../../services/roster';
import { Field, SelectField } from '../Field';
import MemberFields from '../MemberFields';
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

/** 新增党员 / 编辑信息 for a roster entry. */
export default function MemberEditForm({ member, orgId, orgName, groups, onSaved }: Props) {
  const initial: MemberFormValues = member
    ? {
        name: member.name,
        phone: member.phone,
        partyStatus: member.partyStatus,
        joinedAt: member.joinedAt,
        fullAt: member.fullAt ?? '',
      }
    : EMPTY_MEMBER_FORM;
  const form = useForm<MemberFormValues>(initial);
  const [groupId, setGroupId] = useState(member?.groupId ?? NO_GROUP);
  const { busy, submit } = useFormSubmit(form, MEMBER_FIELDS);

  const save = () => {
    const fields = toMemberFields(form.values);
    const send = () =>
      member
        ? updateMember({
            id: member.id,
            ...fields,
            ...(groups.length ? { groupId: groupId === NO_GROUP ? null : groupId } : {}),
          })
        : createMember({ orgId, ...fields });
    return submit(validateMemberForm(form.values, todayInChina()), send, (res) => onSaved(res.id), '已保存');
  };

  return (
    <View className="zb-member-form e2e-member-form">
      <View className="zb-member-form__card">
        <Field label="所在支部">
          <Text className="zb-member-form__org">{orgName}</Text>
        </Field>
        <MemberFields values={form.values} errors={form.errors} onChange={form.set} />
        {member && groups.length ? (
          <SelectField
            label="党小组"
            options={[{ value: NO_GROUP, label: '不分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
            value={groupId}
            onChange={setGroupId}
          />
        ) : null}
      </View>
      <Button block type="primary" size="xlarge" loading={busy} className="e2e-member-save" onClick={save}>
        {member ? '保存修改' : '保存并添加'}
      </Button>
    </View>
  );
}
