/** 两新组织: the committee's register, its lists, and its Excel files. */
import type { ActionInput } from '@contracts';
import { call } from '@/services/client';
import { openFileLink, uploadFile, type PickedFile } from '@/services/files';

export const getEmployers = (committeeId: string) => call('roster', 'employers', { committeeId });
export const fileEmployer = (input: ActionInput<'roster', 'fileEmployer'>) => call('roster', 'fileEmployer', input);

/** Uploads the register and imports it: the valid rows are written, the malformed ones reported. */
export async function importEmployerFile(committeeId: string, file: PickedFile) {
  const fileID = await uploadFile(file);
  return call('roster', 'importEmployers', { committeeId, fileID });
}

export async function exportEmployerFile(committeeId: string): Promise<void> {
  await openFileLink(await call('roster', 'exportEmployers', { committeeId }));
}
