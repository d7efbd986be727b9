import { useMemo, useRef, useState } from 'react';
import type { RosterMember } from '@contracts';
import {
  manualRules,
  newRequestId,
  RECORD_FIELDS,
  validateRecord,
  type RecordDraft,
} from '@/features/points/model/points';
import { formFieldOf, hasErrors } from '@/utils/validation';
import { isApiRequestError } from '@/services/client';
import { getPointsRules, recordPoints } from '@/features/points/services/points';
import { listMembers } from '@/features/roster';
import { CHECK_FORM_MESSAGE, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import { useForm } from '@/hooks/useForm';
import { useRequest } from '@/hooks/useRequest';
import { emit } from '@/utils/events';

const MEMBERS_PAGE = 100;
const MAX_PAGES = 20;

/** Every active member of the branch (the checklist filters locally, so choices survive a search). */
async function allActiveMembers(orgId: string): Promise<RosterMember[]> {
  const items: RosterMember[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await listMembers({ orgId, status: 'active', page, pageSize: MEMBERS_PAGE });
    items.push(...res.items);
    if (items.length >= res.total || !res.items.length) break;
  }
  return items;
}

/**
 * 记录加减分: the branch's members and the hand-recordable rules, the draft, and its submission.
 * One request id per submission: confirming again after a failure (say, the network dropped
 * after the server recorded) sends the same id, so nothing is recorded twice; changing the draft
 * or succeeding starts a new one.
 */
export function usePointsRecord(orgId: string, onRecorded: () => void) {
  const rules = useRequest(getPointsRules, []);
  const members = useRequest(() => (orgId ? allActiveMembers(orgId) : Promise.resolve([])), [orgId]);
  const form = useForm<RecordDraft>({ memberIds: [], rule: '', reason: '' });
  const [confirming, setConfirming] = useState(false);
  const submission = useRef<{ key: string; id: string } | null>(null);

  const manual = useMemo(() => manualRules(rules.data?.items ?? []), [rules.data]);
  const rule = manual.find((r) => r.code === form.values.rule);
  const chosen = useMemo(() => {
    const ids = new Set(form.values.memberIds);
    return (members.data ?? []).filter((m) => ids.has(m.id));
  }, [members.data, form.values.memberIds]);

  const toggleMember = (id: string) => {
    const ids = form.values.memberIds;
    form.set('memberIds', ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  };
  const setMembers = (ids: string[]) => form.set('memberIds', ids);

  /** Checks the draft, then asks for confirmation. */
  const review = () => {
    const errors = validateRecord(form.values);
    if (hasErrors(errors)) {
      form.setErrors(errors);
      toastInfo(CHECK_FORM_MESSAGE);
      return;
    }
    setConfirming(true);
  };

  /** Sends the confirmed draft; rejects (keeping the dialog open) when it fails. */
  const send = async () => {
    const draft = {
      memberIds: [...form.values.memberIds].sort(),
      rule: form.values.rule,
      reason: form.values.reason.trim(),
    };
    const key = JSON.stringify([orgId, draft]);
    if (submission.current?.key !== key) submission.current = { key, id: newRequestId() };
    try {
      const res = await recordPoints(draft, submission.current.id);
      submission.current = null;
      const capped = res.entries.filter((e) => e.capped).length;
      if (capped) toastInfo(`已记录，其中 ${capped} 人已达本期上限`);
      else toastSuccess('已记录');
      setConfirming(false);
      emit('pointsChanged');
      onRecorded();
    } catch (e) {
      const field =
        isApiRequestError(e) && e.code === 'INVALID_INPUT' ? formFieldOf(e.field, RECORD_FIELDS) : undefined;
      if (field && isApiRequestError(e)) {
        form.setErrors({ [field]: e.message });
        setConfirming(false);
      }
      toastError(e);
      throw e;
    }
  };

  return {
    rules,
    members,
    manual,
    rule,
    chosen,
    form,
    toggleMember,
    setMembers,
    confirming,
    review,
    send,
    cancel: () => setConfirming(false),
  };
}
