import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RuleItem } from '@contracts';
import { changeCount, groupRules } from '@/features/points/model/rules-editor';
import type { RulesEditorState } from '@/features/points/hooks/useRulesEditor';
import ActionDialog from '@/components/ActionDialog';
import RulesEditorRow from '@/features/points/components/RulesEditorRow';
import RulesEditorSettings from '@/features/points/components/RulesEditorSettings';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

/**
 * 积分规则: the eight rules in two groups (加分项 / 扣分项) and the scoring settings, saved together
 * after a confirmation that lists exactly what changes.
 */
export default function RulesEditor({ editor }: { editor: RulesEditorState }) {
  const { base, draft, errors } = editor;
  if (!base || !draft)
    return editor.rules.error ? (
      <ErrorState error={editor.rules.error} onRetry={editor.rules.reload} />
    ) : (
      <LoadingSkeleton rows={6} cards={2} />
    );

  const { bonus, deduction } = groupRules(base.items);
  const group = (title: string, note: string, rules: RuleItem[], className: string) => (
    <View className={`zb-rules__group ${className}`}>
      <View className="zb-rules__group-head">
        <Text className="zb-rules__group-title">{title}</Text>
        <Text className="zb-rules__group-note">{note}</Text>
      </View>
      <View className="zb-rules__card">
        {rules.map((rule) => {
          const d = draft.rules.find((r) => r.code === rule.code);
          return d ? (
            <RulesEditorRow
              key={rule.code}
              rule={rule}
              draft={d}
              errors={errors}
              onChange={(patch) => editor.setRule(rule.code, patch)}
            />
          ) : null;
        })}
      </View>
    </View>
  );
  const count = changeCount(editor.payload);

  return (
    <View className="zb-rules e2e-rules-editor">
      <Text className="zb-rules__intro">
        「自动」项目由系统在签到、学习、亮身份时记分；「手工」项目由书记记录。停用的项目不再记分，已有记录保留。不适用于入党申请人、积极分子和发展对象的项目，系统不为他们记分，也不能为他们手工记录。
      </Text>
      {group('加分项', '填写每次加多少分', bonus, 'e2e-rules-bonus')}
      {group('扣分项', '填写每次扣多少分（正数）', deduction, 'e2e-rules-deduction')}
      <View className="zb-rules__group">
        <View className="zb-rules__group-head">
          <Text className="zb-rules__group-title">设置</Text>
        </View>
        <View className="zb-rules__card">
          <RulesEditorSettings settings={draft.settings} errors={errors} onChange={editor.setSetting} />
        </View>
      </View>

      <View className="zb-rules__bar">
        <Text className="zb-rules__count e2e-rules-count">{count ? `已修改 ${count} 项` : '尚未修改'}</Text>
        {count ? (
          <Button fill="none" className="zb-rules__reset e2e-rules-reset" onClick={editor.reset}>
            撤销
          </Button>
        ) : null}
        <Button type="primary" className="zb-rules__save e2e-rules-save" onClick={editor.review}>
          保存
        </Button>
      </View>

      <ActionDialog
        visible={editor.confirming}
        title="保存积分规则"
        confirmText="保存"
        className="e2e-rules-confirm"
        onConfirm={editor.save}
        onClose={editor.cancel}
      >
        {editor.changes.map((line) => (
          <Text key={line} className="zb-dialog__text zb-rules__change e2e-rules-change">
            {line}
          </Text>
        ))}
        <Text className="zb-dialog__muted">
          分值和上限只影响今后记入的积分，已有记录不变；基础分、成员可见的排名和异议期保存后立即生效。
        </Text>
      </ActionDialog>
    </View>
  );
}
