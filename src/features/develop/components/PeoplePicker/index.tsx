import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DevelopOutputs } from '@contracts';
import { Field, TextField } from '@/components/Field';
import { addTypedName, togglePick, type PersonPick } from '@/features/develop/model/develop';
import './index.scss';

type Rule = NonNullable<DevelopOutputs['get']['nextPeople']>;

interface Props {
  rule: Rule;
  /** The branch's active 正式党员, to pick from. */
  eligible: readonly PersonPick[];
  value: PersonPick[];
  onChange: (value: PersonPick[]) => void;
}

/**
 * 培养联系人 or 入党介绍人 with the step that names them: tap the branch's 正式党员 to pick them, or type
 * the name of someone not on the branch's roster (a 介绍人 of another branch, say). Optional: the step
 * may be recorded without them, and the server checks who they are.
 */
export default function PeoplePicker({ rule, eligible, value, onChange }: Props) {
  const [typed, setTyped] = useState('');
  const count = rule.min === rule.max ? `${rule.min} 名` : `${rule.min}–${rule.max} 名`;
  const picked = (memberId: string | null) => value.some((p) => p.memberId && p.memberId === memberId);

  function add() {
    const next = addTypedName(value, typed, rule.max);
    if (next) onChange(next);
    setTyped('');
  }

  return (
    <View className={`zb-people e2e-develop-people e2e-develop-people-${rule.mark}`}>
      <Field
        label={rule.label}
        hint={`${count}正式党员；从${rule.scope === 'branch' ? '本支部' : '本支部（或本党委其他支部）'}党员中选择，不在名单中的请填写姓名`}
      >
        <View className="zb-people__chosen e2e-develop-people-chosen">
          {value.length ? (
            value.map((p) => (
              <View
                key={`${p.memberId ?? ''}:${p.name}`}
                className="zb-people__chip zb-people__chip--on"
                onClick={() => onChange(value.filter((q) => q !== p))}
              >
                {`${p.name} ×`}
              </View>
            ))
          ) : (
            <Text className="zb-people__none">尚未选择</Text>
          )}
        </View>
      </Field>
      {eligible.length ? (
        <View className="zb-people__list">
          {eligible.map((p) => (
            <View
              key={p.memberId ?? p.name}
              className={`zb-people__chip e2e-develop-person ${picked(p.memberId) ? 'zb-people__chip--on' : ''}`}
              onClick={() => onChange(togglePick(value, p, rule.max))}
            >
              {p.name}
            </View>
          ))}
        </View>
      ) : null}
      <View className="zb-people__typed">
        <TextField
          label="填写姓名"
          value={typed}
          maxLength={20}
          placeholder="不在上面名单中的，填写姓名"
          inputClassName="e2e-develop-person-name"
          className="zb-people__typed-field"
          onChange={setTyped}
        />
        <Button size="small" className="zb-people__add e2e-develop-person-add" onClick={add}>
          添加
        </Button>
      </View>
    </View>
  );
}
