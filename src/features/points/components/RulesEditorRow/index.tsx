import { Input, Text, View } from '@tarojs/components';
import Switch from '@/components/Switch';
import { useState } from 'react';
import type { RuleItem } from '@contracts';
import {
  CANDIDATES_LABEL,
  CAP_PERIOD_OPTIONS,
  capText,
  ruleErrorKey,
  type RuleDraft,
  type RulesErrors,
} from '@/features/points/model/rules-editor';
import SegmentedControl from '@/components/SegmentedControl';
import StatusTag from '@/components/StatusTag';
import './index.scss';

interface Props {
  rule: RuleItem;
  draft: RuleDraft;
  errors: RulesErrors;
  onChange: (patch: Partial<Omit<RuleDraft, 'code'>>) => void;
}

/**
 * One rule: name, 自动/手工, its value (a deduction entered as a positive number beside its minus
 * sign), its cap per period when it has one (or 设上限), whether it is in use, and whether it
 * applies to the people on the way to membership (入党申请人, 入党积极分子, 发展对象).
 */
export default function RulesEditorRow({ rule, draft, errors, onChange }: Props) {
  const [capOpen, setCapOpen] = useState(false);
  const showCap = capOpen || draft.cap !== '';
  const deduction = rule.kind === 'deduction';
  const amountError = errors[ruleErrorKey(rule.code, 'amount')];
  const capError = errors[ruleErrorKey(rule.code, 'cap')];

  return (
    <View className={`zb-rule e2e-rule-${rule.code} ${draft.active ? '' : 'zb-rule--off'}`}>
      <View className="zb-rule__head">
        <View className="zb-rule__title">
          <Text className="zb-rule__name">{rule.name}</Text>
          <View className="zb-rule__tags">
            <StatusTag tone={rule.auto ? 'gold' : 'muted'} className="e2e-rule-auto">
              {rule.auto ? '自动' : '手工'}
            </StatusTag>
            {rule.cap ? (
              <Text className="zb-rule__cap-now">{`当前上限 ${capText(rule.cap, rule.capPeriod)}`}</Text>
            ) : null}
          </View>
        </View>
        <View className="zb-rule__switch">
          <Switch
            className="e2e-rule-active"
            checked={draft.active}
            onChange={(v: boolean) => onChange({ active: v })}
          />
          <Text className="zb-rule__state">{draft.active ? '启用' : '停用'}</Text>
        </View>
      </View>

      <View className="zb-rule__line">
        <Text className="zb-rule__label">分值</Text>
        <Text className={`zb-rule__sign zb-rule__sign--${rule.kind}`}>{deduction ? '−' : '+'}</Text>
        <Input
          className={`zb-rule__input ${amountError ? 'zb-rule__input--error' : ''} e2e-rule-value`}
          type="number"
          maxlength={3}
          value={draft.amount}
          onInput={(e) => onChange({ amount: e.detail.value })}
        />
        <Text className="zb-rule__unit">分</Text>
        {showCap ? null : (
          <Text className="zb-rule__link e2e-rule-cap-add" onClick={() => setCapOpen(true)}>
            设上限
          </Text>
        )}
      </View>
      {amountError ? <Text className="zb-rule__error e2e-field-error">{amountError}</Text> : null}

      {showCap ? (
        <View className="zb-rule__capbox">
          <View className="zb-rule__line">
            <Text className="zb-rule__label">上限</Text>
            <SegmentedControl
              options={CAP_PERIOD_OPTIONS}
              value={draft.capPeriod}
              onChange={(capPeriod) => onChange({ capPeriod })}
              className="zb-rule__period e2e-rule-cap-period"
            />
          </View>
          <View className="zb-rule__line">
            <Text className="zb-rule__label">最多</Text>
            <Text className="zb-rule__sign" />
            <Input
              className={`zb-rule__input ${capError ? 'zb-rule__input--error' : ''} e2e-rule-cap`}
              type="number"
              maxlength={4}
              value={draft.cap}
              placeholder="不限"
              placeholderClass="zb-rule__placeholder"
              onInput={(e) => onChange({ cap: e.detail.value })}
            />
            <Text className="zb-rule__unit">分</Text>
            <Text
              className="zb-rule__link e2e-rule-cap-remove"
              onClick={() => {
                setCapOpen(false);
                onChange({ cap: '' });
              }}
            >
              取消上限
            </Text>
          </View>
          {capError ? <Text className="zb-rule__error e2e-field-error">{capError}</Text> : null}
        </View>
      ) : null}

      <View className="zb-rule__line zb-rule__way">
        <Text className="zb-rule__way-label">{CANDIDATES_LABEL}</Text>
        <Switch
          className="e2e-rule-candidates"
          checked={draft.candidates}
          onChange={(v: boolean) => onChange({ candidates: v })}
        />
      </View>
    </View>
  );
}
