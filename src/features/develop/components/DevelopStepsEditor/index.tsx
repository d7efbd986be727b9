import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import ActionDialog from '@/components/ActionDialog';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import DevelopStepRow from '@/features/develop/components/DevelopStepRow';
import type { StepsEditorState } from '@/features/develop/hooks/useStepsEditor';
import { FORM_ERROR, stagesOf, summaryText } from '@/features/develop/model/steps-editor';
import './index.scss';

/**
 * 发展党员步骤设置: the committee's steps under the 5 stages, each with its time rules; rename,
 * remove, change a rule's intervals, back to the default; saved together after a confirmation
 * listing the changes. Files already opened keep their own list.
 */
export default function DevelopStepsEditor({ editor }: { editor: StepsEditorState }) {
  const { draft, errors } = editor;
  if (!draft)
    return editor.loaded.error ? (
      <ErrorState error={editor.loaded.error} onRetry={editor.loaded.reload} />
    ) : (
      <LoadingSkeleton rows={6} cards={2} />
    );
  const count = editor.changes.length;

  return (
    <View className="zb-dsteps e2e-develop-steps">
      <Text className="zb-dsteps__intro">
        {`${editor.custom ? '本党委自定的步骤' : '默认步骤（《中国共产党发展党员工作细则》5 个阶段 25 个步骤）'}，${summaryText(draft)}。修改保存后对新建的档案生效，已建档案仍按原步骤办理。`}
      </Text>
      {errors[FORM_ERROR] ? (
        <Text className="zb-dsteps__error e2e-develop-steps-error">{errors[FORM_ERROR]}</Text>
      ) : null}
      {stagesOf(draft).map((stage) => (
        <View key={stage.stage} className="zb-dsteps__stage e2e-develop-stage">
          <Text className="zb-dsteps__stage-title">{stage.title}</Text>
          <View className="zb-dsteps__card">
            {stage.steps.map((row) => (
              <DevelopStepRow key={row.step.code} row={row} errors={errors} editor={editor} />
            ))}
          </View>
        </View>
      ))}
      <Button fill="none" className="zb-dsteps__default e2e-develop-steps-default" onClick={editor.restoreDefaults}>
        恢复默认步骤
      </Button>

      <View className="zb-dsteps__bar">
        <Text className="zb-dsteps__count e2e-develop-steps-count">{count ? `已修改 ${count} 处` : '尚未修改'}</Text>
        {count ? (
          <Button fill="none" className="zb-dsteps__reset e2e-develop-steps-reset" onClick={editor.reset}>
            撤销
          </Button>
        ) : null}
        <Button type="primary" className="zb-dsteps__save e2e-develop-steps-save" onClick={editor.review}>
          保存
        </Button>
      </View>

      <ActionDialog
        visible={editor.confirming}
        title="保存发展党员步骤"
        confirmText="保存"
        className="e2e-develop-steps-confirm"
        onConfirm={editor.save}
        onClose={editor.cancel}
      >
        {editor.changes.map((line) => (
          <Text key={line} className="zb-dialog__text zb-dsteps__change e2e-develop-steps-change">
            {line}
          </Text>
        ))}
        <Text className="zb-dialog__muted">保存后新建的档案按新步骤办理，已建档案不变。</Text>
      </ActionDialog>
    </View>
  );
}
