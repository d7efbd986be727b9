import { useEffect, useMemo, useRef, useState } from 'react';
import {
  describeChanges,
  draftFromRules,
  errorKeyLabel,
  fieldMessage,
  hasChanges,
  rulesPayload,
  serverErrorKey,
  validateRulesDraft,
  type RuleDraft,
  type RuleSet,
  type RulesDraft,
  type RulesErrors,
  type RulesPayload,
  type SettingsDraft,
} from '@/features/points/model/rules-editor';
import { hasErrors } from '@/utils/validation';
import { isApiRequestError } from '@/services/client';
import { getPointsRules, updatePointsRules } from '@/features/points/services/points';
import { CHECK_FORM_MESSAGE, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import { useRequest } from '@/hooks/useRequest';

/**
 * 积分规则: the committee's rules as a form (deductions as positive magnitudes), its checks, and
 * saving only what changed after a confirmation that lists the changes. A server INVALID_INPUT is
 * shown on the field it names.
 */
export function useRulesEditor() {
  const rules = useRequest(getPointsRules, []);
  /** The rules the draft started from: the loaded ones, then each saved answer. */
  const [base, setBase] = useState<RuleSet | null>(null);
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const [errors, setErrors] = useState<RulesErrors>({});
  const [confirming, setConfirming] = useState(false);
  /** The payload the confirm dialog shows and sends (server error paths point into it). */
  const sent = useRef<RulesPayload>({});

  useEffect(() => {
    if (!rules.data) return;
    setBase(rules.data);
    setDraft(draftFromRules(rules.data));
    setErrors({});
  }, [rules.data]);

  const payload = useMemo(() => (base && draft ? rulesPayload(base, draft) : {}), [base, draft]);
  const changes = useMemo(() => (base ? describeChanges(base, payload) : []), [base, payload]);

  const clear = (...keys: string[]) =>
    setErrors((e) => (keys.some((k) => e[k]) ? { ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) } : e));

  const setRule = (code: string, patch: Partial<Omit<RuleDraft, 'code'>>) => {
    setDraft((d) => d && { ...d, rules: d.rules.map((r) => (r.code === code ? { ...r, ...patch } : r)) });
    clear(...Object.keys(patch).map((k) => `rules.${code}.${k === 'capPeriod' ? 'cap' : k}`));
  };

  const setSetting = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((d) => d && { ...d, settings: { ...d.settings, [key]: value } });
    clear(`settings.${key}`);
  };

  /** Checks the draft, then asks for confirmation (or says there is nothing to save). */
  const review = () => {
    if (!base || !draft) return;
    const local = validateRulesDraft(base, draft);
    if (hasErrors(local)) {
      setErrors(local);
      // The field may be scrolled away: name it when there is one.
      const keys = Object.keys(local).filter((k) => local[k]);
      toastInfo(keys.length === 1 ? `${errorKeyLabel(keys[0], base)}：${local[keys[0]]}` : CHECK_FORM_MESSAGE);
      return;
    }
    if (!hasChanges(payload)) {
      toastInfo('没有修改');
      return;
    }
    sent.current = payload;
    setConfirming(true);
  };

  /** Sends the confirmed changes; rejects (keeping the dialog open) on a failure that is not a field's. */
  const save = async () => {
    const input = sent.current;
    try {
      const saved = await updatePointsRules(input);
      setBase(saved);
      setDraft(draftFromRules(saved));
      setErrors({});
      setConfirming(false);
      toastSuccess('已保存');
    } catch (e) {
      const key = isApiRequestError(e) && e.code === 'INVALID_INPUT' ? serverErrorKey(e.field, input) : undefined;
      if (key && isApiRequestError(e)) {
        const message = fieldMessage(e.message, e.field);
        setErrors({ [key]: message });
        setConfirming(false);
        toastInfo(base ? `${errorKeyLabel(key, base)}：${message}` : message);
        return;
      }
      toastError(e);
      throw e;
    }
  };

  return {
    rules,
    base,
    draft,
    errors,
    payload,
    changes,
    dirty: hasChanges(payload),
    setRule,
    setSetting,
    /** Back to the rules as loaded or last saved. */
    reset: () => {
      if (base) setDraft(draftFromRules(base));
      setErrors({});
    },
    confirming,
    review,
    save,
    cancel: () => setConfirming(false),
  };
}

export type RulesEditorState = ReturnType<typeof useRulesEditor>;
