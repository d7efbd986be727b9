import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { RatingCriteriaView } from '@contracts';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';
import { TextField } from '@/components/Field';
import { criteriaFromForm, criteriaForm, type CriteriaForm } from '@/features/roster/model/rating';
import { setRatingCriteria } from '@/features/roster/services/roster';
import { toastError, toastSuccess } from '@/utils/feedback';

interface Props {
  committeeId: string;
  /** The criteria in force; the dialog shows while set. */
  criteria: RatingCriteriaView | null;
  onDone: () => void;
  onClose: () => void;
}

const WEIGHTS: Array<[keyof CriteriaForm, string]> = [
  ['cadence', '三会一课完成率'],
  ['attendance', '出勤率'],
  ['study', '学习完成率'],
  ['declared', '亮身份覆盖率'],
];
const THRESHOLDS: Array<[keyof CriteriaForm, string]> = [
  ['five', '五星'],
  ['four', '四星'],
  ['three', '三星'],
  ['two', '二星'],
];

/** 评定标准: the weights (adding up to 100), the least score of each star and the posting days. */
export default function RatingCriteriaDialog({ committeeId, criteria, onDone, onClose }: Props) {
  const [form, setForm] = useState<CriteriaForm | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setForm(criteria ? criteriaForm(criteria) : null);
    setError('');
  }, [criteria]);

  const confirm = async () => {
    if (!form) return;
    const parsed = criteriaFromForm(form);
    if (typeof parsed === 'string') {
      setError(parsed);
      throw new KeepOpen();
    }
    try {
      await setRatingCriteria({ committeeId, ...parsed });
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess('已保存');
    onDone();
  };

  const field = ([key, label]: [keyof CriteriaForm, string]) => (
    <TextField
      key={key}
      label={label}
      type="number"
      maxLength={3}
      value={form?.[key] ?? ''}
      inputClassName={`e2e-criteria-${key}`}
      onChange={(value) => {
        setForm((f) => (f ? { ...f, [key]: value } : f));
        setError('');
      }}
    />
  );

  return (
    <ActionDialog
      visible={!!criteria}
      title="评定标准"
      confirmText="保存"
      className="e2e-criteria-dialog"
      onConfirm={confirm}
      onClose={onClose}
    >
      {form ? (
        <View>
          <Text className="zb-dialog__muted">各项权重（合计 100）</Text>
          {WEIGHTS.map(field)}
          <Text className="zb-dialog__muted">各星级的最低分数</Text>
          {THRESHOLDS.map(field)}
          {field(['postingDays', '公示天数'])}
          {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
        </View>
      ) : null}
    </ActionDialog>
  );
}
