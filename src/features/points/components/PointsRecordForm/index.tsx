import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { recordSummary } from '@/features/points/model/points';
import type { usePointsRecord } from '@/features/points/hooks/usePointsRecord';
import ActionDialog from '@/components/ActionDialog';
import { Field } from '@/components/Field';
import PointsMemberPicker from '@/features/points/components/PointsMemberPicker';
import PointsRulePicker from '@/features/points/components/PointsRulePicker';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

type RecordState = ReturnType<typeof usePointsRecord>;

const NAMES_SHOWN = 12;

/** 记录加减分: who (checklist), which item, why; then a confirmation that says it all again. */
export default function PointsRecordForm({ rec, orgName }: { rec: RecordState; orgName: string }) {
  const { rules, members, form } = rec;
  const error = rules.error ?? members.error;
  if (error) return <ErrorState error={error} onRetry={() => void Promise.all([rules.reload(), members.reload()])} />;
  if (!rules.data || !members.data) return <LoadingSkeleton rows={5} cards={2} />;
  if (!rec.manual.length)
    return (
      <EmptyState
        title="没有可手工记录的积分项目"
        description="参加组织生活、学习微党课等由系统自动记分。如需调整积分项目，请联系党委管理员。"
      />
    );

  const { values, errors } = form;
  const names = rec.chosen.map((m) => m.name);
  const namesText =
    names.length > NAMES_SHOWN ? `${names.slice(0, NAMES_SHOWN).join('、')} 等 ${names.length} 人` : names.join('、');

  return (
    <View className="zb-precord e2e-record-form">
      <View className="zb-precord__card">
        <Field label={`选择党员${orgName ? `（${orgName}）` : ''}`} required error={errors.memberIds}>
          <View className="zb-precord__full">
            <PointsMemberPicker
              members={members.data}
              selected={values.memberIds}
              onToggle={rec.toggleMember}
              onSelect={rec.setMembers}
            />
          </View>
        </Field>
      </View>
      <View className="zb-precord__card">
        <Field
          label="积分项目"
          required
          error={errors.rule}
          hint="参加组织生活、学习微党课等由系统自动记分，无需手工记录"
        >
          <View className="zb-precord__full">
            <PointsRulePicker rules={rec.manual} value={values.rule} onChange={(code) => form.set('rule', code)} />
          </View>
        </Field>
      </View>
      <View className="zb-precord__card">
        <Field label="原因" required error={errors.reason} hint="党员能看到原因，请写清事由和时间">
          <View className="zb-precord__full e2e-record-reason">
            {/* WeChat draws a textarea above everything: show plain text while the dialog is up. */}
            {rec.confirming ? (
              <Text className="zb-dialog__textarea zb-precord__reason zb-precord__reason--static">{values.reason}</Text>
            ) : (
              <Textarea
                className="zb-dialog__textarea zb-precord__reason"
                value={values.reason}
                maxlength={200}
                placeholder="如：11月20日参加社区环境整治志愿服务"
                onInput={(e) => form.set('reason', e.detail.value)}
              />
            )}
          </View>
        </Field>
      </View>

      <View className="zb-precord__bar">
        <Button block type="primary" className="e2e-record-submit" onClick={rec.review}>
          {values.memberIds.length ? `记录（已选 ${values.memberIds.length} 人）` : '记录'}
        </Button>
      </View>

      <ActionDialog
        visible={rec.confirming}
        title="确认记录"
        confirmText="确认记录"
        className="e2e-record-confirm-dialog"
        onConfirm={rec.send}
        onClose={rec.cancel}
      >
        {rec.rule ? (
          <>
            <Text className="zb-dialog__text zb-precord__summary e2e-record-summary">
              {recordSummary(values.memberIds.length, rec.rule)}
            </Text>
            <Text className="zb-dialog__muted zb-precord__line">{`党员：${namesText}`}</Text>
            <Text className="zb-dialog__muted zb-precord__line">{`原因：${values.reason.trim()}`}</Text>
            <Text className="zb-dialog__muted">记录后计入党员积分，本人可以看到；如有错误，可在积分管理中冲正。</Text>
          </>
        ) : null}
      </ActionDialog>
    </View>
  );
}
