import { useEffect, useMemo, useRef, useState } from 'react';
import type { DevelopConfig } from '@contracts';
import {
  defaultDraft,
  describeChanges,
  errorKeyLabel,
  fieldMessage,
  removeStep,
  renameStep,
  ruleErrorKey,
  rulesRemovedWith,
  serverErrorKey,
  setInterval,
  setRuleText,
  stepErrorKey,
  toConfig,
  toDraft,
  validateDraft,
  FORM_ERROR,
  type IntervalDraft,
  type IntervalKind,
  type SavedConfig,
  type StepsDraft,
  type StepsErrors,
} from '@/features/develop/model/steps-editor';
import { developConfig, setDevelopSteps } from '@/features/develop/services/develop';
import { useRequest } from '@/hooks/useRequest';
import { isApiRequestError } from '@/services/client';
import { CHECK_FORM_MESSAGE, confirmAction, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import { hasErrors } from '@/utils/validation';

/**
 * 发展党员步骤设置: the committee's step list as a form (rename, remove, the rules' intervals and
 * words, back to the default), checked here, saved with `develop.setSteps` after a confirmation
 * listing the changes; a server INVALID_INPUT is shown on the step or rule it names.
 */
export function useStepsEditor(committeeId: string | undefined) {
  const loaded = useRequest(() => developConfig(committeeId ?? ''), [committeeId], { manual: !committeeId });
  /** The list the draft started from: the loaded one, then each saved one. */
  const [base, setBase] = useState<DevelopConfig | null>(null);
  const [custom, setCustom] = useState(false);
  const [draft, setDraft] = useState<StepsDraft | null>(null);
  const [errors, setErrors] = useState<StepsErrors>({});
  const [confirming, setConfirming] = useState(false);
  /** What the confirm dialog shows and sends (server error paths point into it). */
  const sent = useRef<SavedConfig | null>(null);

  useEffect(() => {
    if (!loaded.data) return;
    const { steps, rules, custom: own } = loaded.data;
    setBase({ steps, rules });
    setCustom(own);
    setDraft(toDraft({ steps, rules }));
    setErrors({});
  }, [loaded.data]);

  const saved = useMemo(() => (draft ? toConfig(draft) : null), [draft]);
  const changes = useMemo(() => (base && saved ? describeChanges(base, saved.config) : []), [base, saved]);

  const clear = (...keys: string[]) =>
    setErrors((e) => (keys.some((k) => e[k]) ? { ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) } : e));
  const edit = (change: (d: StepsDraft) => StepsDraft, ...keys: string[]) => {
    setDraft((d) => d && change(d));
    clear(FORM_ERROR, ...keys);
  };

  /** Removes a step; when rules go with it, only after the admin agrees. */
  const remove = async (code: string) => {
    if (!draft) return;
    const going = rulesRemovedWith(draft, code);
    const name = draft.steps.find((s) => s.code === code)?.name ?? '';
    if (
      going.length &&
      !(await confirmAction({
        title: '删除步骤',
        content: `删除「${name}」后，规则${going.map((t) => `「${t}」`).join('、')}也将删除。`,
        confirmText: '删除',
      }))
    )
      return;
    edit((d) => removeStep(d, code), stepErrorKey(code));
  };

  const restoreDefaults = async () => {
    if (
      await confirmAction({
        title: '恢复默认',
        content: '恢复为默认的 5 个阶段 25 个步骤及其时间规则？保存后对新建的档案生效。',
        confirmText: '恢复',
      })
    ) {
      setDraft(defaultDraft());
      setErrors({});
    }
  };

  /** Checks the draft, then asks for confirmation (or says there is nothing to save). */
  const review = () => {
    if (!draft || !saved) return;
    const local = validateDraft(draft);
    if (hasErrors(local)) {
      setErrors(local);
      const keys = Object.keys(local).filter((k) => local[k]);
      toastInfo(keys.length === 1 ? `${errorKeyLabel(keys[0], draft)}：${local[keys[0]]}` : CHECK_FORM_MESSAGE);
      return;
    }
    if (!changes.length) {
      toastInfo('没有修改');
      return;
    }
    sent.current = saved;
    setConfirming(true);
  };

  /** Saves the confirmed list; rejects (keeping the dialog open) on a failure that is not a field's. */
  const save = async () => {
    const input = sent.current;
    // The committee the list is for, as develop.config answered it.
    const target = loaded.data?.committeeId ?? committeeId;
    if (!target || !input || !draft) return;
    try {
      await setDevelopSteps(target, input.config);
      setBase(input.config);
      setCustom(true);
      setDraft(toDraft(input.config));
      setErrors({});
      setConfirming(false);
      toastSuccess('已保存');
    } catch (e) {
      if (isApiRequestError(e) && e.code === 'INVALID_INPUT') {
        const key = serverErrorKey(e.field, input);
        const message = fieldMessage(e.message, e.field);
        setErrors({ [key]: message });
        setConfirming(false);
        toastInfo(`${errorKeyLabel(key, draft)}：${message}`);
        return;
      }
      toastError(e);
      throw e;
    }
  };

  return {
    loaded,
    draft,
    custom,
    errors,
    changes,
    rename: (code: string, name: string) => edit((d) => renameStep(d, code, name), stepErrorKey(code)),
    remove,
    keep: (code: string) => edit((d) => removeStep(d, code, false)),
    setInterval: (index: number, kind: IntervalKind, part: keyof IntervalDraft, value: string) =>
      edit((d) => setInterval(d, index, kind, part, value), ruleErrorKey(index), ruleErrorKey(index, kind)),
    setText: (index: number, text: string) => edit((d) => setRuleText(d, index, text), ruleErrorKey(index, 'text')),
    restoreDefaults,
    /** Back to the list as loaded or last saved. */
    reset: () => {
      if (base) setDraft(toDraft(base));
      setErrors({});
    },
    confirming,
    review,
    save,
    cancel: () => setConfirming(false),
  };
}

export type StepsEditorState = ReturnType<typeof useStepsEditor>;
