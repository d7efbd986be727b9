import { useEffect, useMemo, useState } from 'react';
import { lectureOptions } from '@/features/lectures/model/lecture-admin';
import { openFileLink } from '@/services/file-platform';
import { exportLectureStats, getLectureStats } from '@/features/lectures/services/lecture';
import { useSubmit } from '@/hooks/useFormSubmit';
import { useManagedLectures } from './useManagedLectures';
import { useManagedOrgs } from '@/features/roster';
import { useRequest } from '@/hooks/useRequest';

/** The branches and groups whose study the caller may see, and the chosen one. */
export function useLectureStatsOrg() {
  const orgs = useManagedOrgs();
  const [orgId, setOrgId] = useState('');
  useEffect(() => {
    if (orgs.options.length && !orgs.options.some((o) => o.value === orgId)) setOrgId(orgs.options[0].value);
  }, [orgId, orgs.options]);
  return { ...orgs, orgId, setOrgId };
}

/**
 * One lecture's study figures for an org: the lecture picker (`initialId` first when it is among the
 * managed lectures, else the newest), the figures and member rows, and the Excel export.
 */
export function useLectureStats(orgId: string, initialId?: string) {
  const lectures = useManagedLectures(orgId);
  const options = useMemo(() => lectureOptions(lectures.items), [lectures.items]);
  const [lectureId, setLectureId] = useState(initialId ?? '');
  useEffect(() => {
    if (options.length && !options.some((o) => o.value === lectureId)) setLectureId(options[0].value);
  }, [lectureId, options]);

  const ready = !!orgId && options.some((o) => o.value === lectureId);
  const stats = useRequest(
    () => (ready ? getLectureStats(lectureId, orgId) : Promise.resolve(undefined)),
    [ready, lectureId, orgId],
  );
  const { busy, send } = useSubmit<'export'>();
  const exportExcel = async () => {
    if (!ready) return;
    await send('export', async () => openFileLink(await exportLectureStats(lectureId, orgId)));
  };

  return {
    orgId,
    lectures,
    options,
    lectureId,
    setLectureId,
    lecture: lectures.items.find((l) => l.id === lectureId),
    stats,
    exporting: busy !== '',
    exportExcel,
    reload: () => Promise.all([lectures.reload(), stats.reload()]).then(() => undefined),
  };
}

export type LectureStatsState = ReturnType<typeof useLectureStats>;
