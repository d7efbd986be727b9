import { useMemo, useState } from 'react';
import type { RosterMember } from '@contracts';
import {
  activityFormField,
  activityToForm,
  defaultActivityForm,
  toActivityInput,
  validateActivityForm,
  type ActivityFormValues,
} from '@/features/activities/model/activity-form';
import { createActivity, getActivity, updateActivity } from '@/features/activities/services/activity';
import { pickLocation } from '@/features/activities/services/location-picker';
import { listMembers } from '@/features/roster';
import { expectedByKind } from '@/features/activities/model/participants';
import { toastError } from '@/utils/feedback';
import { useForm } from '@/hooks/useForm';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { useRequest } from '@/hooks/useRequest';
import { emit } from '@/utils/events';

/** The fields in 高级设置 (folded away until one has an error). */
const ADVANCED_FIELDS = ['opensBefore', 'closesAfter', 'graceMinutes', 'endDate'] as const;

const MEMBERS_PAGE = 100;
const MAX_PAGES = 20;

/** Every active member of a branch or group (for the 应到党员 checklist). */
async function activeMembers(orgId: string): Promise<RosterMember[]> {
  const items: RosterMember[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await listMembers({ orgId, status: 'active', page, pageSize: MEMBERS_PAGE });
    items.push(...res.items);
    if (items.length >= res.total || !res.items.length) break;
  }
  return items;
}

/**
 * What the activity form starts from: the activity (`id`, editing) or a new one in `paramOrgId`,
 * and the org's active members. `initial` is set once both are loaded.
 */
export function useActivityEditor(id: string | undefined, paramOrgId: string | undefined) {
  const detail = useRequest(() => (id ? getActivity(id) : Promise.resolve(undefined)), [id]);
  const orgId = detail.data?.orgId ?? (id ? '' : (paramOrgId ?? ''));
  const members = useRequest(async () => ({ orgId, items: orgId ? await activeMembers(orgId) : [] }), [orgId]);
  const ready = (!id || !!detail.data) && members.data?.orgId === orgId && !!orgId;
  const initial = useMemo(() => {
    if (!ready || !members.data) return undefined;
    return detail.data
      ? activityToForm(
          detail.data,
          expectedByKind(members.data.items, detail.data.kind).map((m) => m.id),
        )
      : defaultActivityForm();
  }, [ready, detail.data, members.data]);
  return {
    activity: detail.data,
    orgId,
    members: members.data?.items ?? [],
    initial,
    error: detail.error ?? members.error,
    reload: () => Promise.all([detail.reload(), members.reload()]).then(() => undefined),
  };
}

interface FormOptions {
  /** Editing this activity; creating one in `orgId` otherwise. */
  id?: string;
  orgId: string;
  initial: ActivityFormValues;
  members: RosterMember[];
  onSaved: (id: string) => void;
}

/** The activity form's values, checks and save (create or update); server errors land on their field. */
export function useActivityForm({ id, orgId, initial, members, onSaved }: FormOptions) {
  const form = useForm<ActivityFormValues>(initial);
  const [membersTouched, setMembersTouched] = useState(false);
  const [advanced, setAdvanced] = useState(false);
  // An error in 高级设置 opens it, so that the secretary sees it.
  const { busy, submit } = useFormSubmit(form, activityFormField, (errors) => {
    if (ADVANCED_FIELDS.some((f) => errors[f])) setAdvanced(true);
  });

  const setMembers = (patch: Pick<Partial<ActivityFormValues>, 'allExpected' | 'expectedMemberIds'>) => {
    setMembersTouched(true);
    if (patch.allExpected !== undefined) {
      form.set('allExpected', patch.allExpected);
      form.setErrors((e) => ({ ...e, expectedMemberIds: undefined }));
    }
    if (patch.expectedMemberIds) form.set('expectedMemberIds', patch.expectedMemberIds);
  };
  const toggleMember = (memberId: string) => {
    const ids = form.values.expectedMemberIds;
    setMembers({ expectedMemberIds: ids.includes(memberId) ? ids.filter((x) => x !== memberId) : [...ids, memberId] });
  };

  const pickPlace = async () => {
    try {
      const picked = await pickLocation();
      if (!picked) return;
      form.set('placeName', picked.name || form.values.placeName);
      form.set('lat', String(picked.lat));
      form.set('lng', String(picked.lng));
    } catch (e) {
      toastError(e);
    }
  };

  const save = () => {
    const v = form.values;
    const send = () => {
      const fields = toActivityInput(v, { sendMembers: !id || membersTouched });
      // Back to everyone after a narrower list: name them all (the server keeps whoever signed in).
      const everyone =
        id && membersTouched && v.allExpected
          ? { expectedMemberIds: expectedByKind(members, v.kind).map((m) => m.id) }
          : {};
      return id ? updateActivity({ id, ...fields, ...everyone }) : createActivity({ orgId, ...fields });
    };
    return submit(
      validateActivityForm(v),
      send,
      (res) => {
        emit('activityChanged');
        onSaved(res.id);
      },
      '已保存',
    );
  };

  return { form, busy, save, members, setMembers, toggleMember, pickPlace, advanced, setAdvanced };
}

export type ActivityFormState = ReturnType<typeof useActivityForm>;
