import { Input, Text, View } from '@tarojs/components';
import {
  INTERVAL_KINDS,
  INTERVAL_LABELS,
  ruleErrorKey,
  stepErrorKey,
  type StageView,
  type StepsErrors,
} from '@/features/develop/model/steps-editor';
import type { StepsEditorState } from '@/features/develop/hooks/useStepsEditor';
import StatusTag from '@/components/StatusTag';
import './index.scss';

type Row = StageView['steps'][number];

interface Props {
  row: Row;
  errors: StepsErrors;
  editor: Pick<StepsEditorState, 'rename' | 'remove' | 'keep' | 'setInterval' | 'setText'>;
}

/**
 * One step of the list: its number and name (editable), who takes it, 删除 (or why it stays), and
 * under it the time rules that count towards it, each with its words and its intervals in months and days.
 */
export default function DevelopStepRow({ row, errors, editor }: Props) {
  const { step, number, lock, rules } = row;
  const nameError = errors[stepErrorKey(step.code)];

  if (step.removed)
    return (
      <View className="zb-dstep zb-dstep--removed e2e-dstep-removed">
        <View className="zb-dstep__head">
          <Text className="zb-dstep__name zb-dstep__name--removed">{step.name}</Text>
          <Text className="zb-dstep__link e2e-dstep-keep" onClick={() => editor.keep(step.code)}>
            撤销删除
          </Text>
        </View>
        <Text className="zb-dstep__note">{rules.length ? '已删除，其时间规则随之删除' : '已删除'}</Text>
      </View>
    );

  return (
    <View className={`zb-dstep e2e-dstep e2e-dstep-${step.code}`}>
      <View className="zb-dstep__head">
        <Text className="zb-dstep__number">{number}</Text>
        <Input
          className={`zb-dstep__input ${nameError ? 'zb-dstep__input--error' : ''} e2e-dstep-name`}
          value={step.name}
          maxlength={30}
          onInput={(e) => editor.rename(step.code, e.detail.value)}
        />
        {lock ? null : (
          <Text className="zb-dstep__link e2e-dstep-remove" onClick={() => void editor.remove(step.code)}>
            删除
          </Text>
        )}
      </View>
      {nameError ? <Text className="zb-dstep__error e2e-field-error">{nameError}</Text> : null}
      <View className="zb-dstep__tags">
        {step.by === 'committee' ? <StatusTag tone="gold">上级党委办理</StatusTag> : null}
        {lock ? <Text className="zb-dstep__note e2e-dstep-locked">{`不可删除：${lock}`}</Text> : null}
      </View>
      {rules.map(({ rule, index, kept, description }) =>
        kept ? (
          <View key={index} className="zb-drule e2e-drule">
            <Text className="zb-drule__title">时间规则</Text>
            <Text className="zb-drule__description e2e-drule-description">{description}</Text>
            {errors[ruleErrorKey(index)] ? (
              <Text className="zb-dstep__error e2e-field-error">{errors[ruleErrorKey(index)]}</Text>
            ) : null}
            {INTERVAL_KINDS.map((kind) => {
              const error = errors[ruleErrorKey(index, kind)];
              return (
                <View key={kind} className={`zb-drule__interval e2e-drule-${kind}`}>
                  <Text className="zb-drule__label">{INTERVAL_LABELS[kind]}</Text>
                  <View className="zb-drule__inputs">
                    <Input
                      className={`zb-drule__input ${error ? 'zb-dstep__input--error' : ''} e2e-drule-months`}
                      type="number"
                      maxlength={3}
                      value={rule[kind].months}
                      placeholder="0"
                      placeholderClass="zb-drule__placeholder"
                      onInput={(e) => editor.setInterval(index, kind, 'months', e.detail.value)}
                    />
                    <Text className="zb-drule__unit">个月</Text>
                    <Input
                      className={`zb-drule__input ${error ? 'zb-dstep__input--error' : ''} e2e-drule-days`}
                      type="number"
                      maxlength={4}
                      value={rule[kind].days}
                      placeholder="0"
                      placeholderClass="zb-drule__placeholder"
                      onInput={(e) => editor.setInterval(index, kind, 'days', e.detail.value)}
                    />
                    <Text className="zb-drule__unit">天</Text>
                  </View>
                  {error ? <Text className="zb-dstep__error e2e-field-error">{error}</Text> : null}
                </View>
              );
            })}
            <View className="zb-drule__interval">
              <Text className="zb-drule__label">规则说明（记录日期不符时提示）</Text>
              <Input
                className={`zb-dstep__input zb-drule__text ${errors[ruleErrorKey(index, 'text')] ? 'zb-dstep__input--error' : ''} e2e-drule-text`}
                value={rule.text}
                maxlength={60}
                onInput={(e) => editor.setText(index, e.detail.value)}
              />
              {errors[ruleErrorKey(index, 'text')] ? (
                <Text className="zb-dstep__error e2e-field-error">{errors[ruleErrorKey(index, 'text')]}</Text>
              ) : null}
            </View>
          </View>
        ) : (
          <Text key={index} className="zb-dstep__note">{`规则「${rule.text}」的起算步骤已删除，保存后随之删除`}</Text>
        ),
      )}
    </View>
  );
}
