/** Excel import/export for the roster: the same flow on both platforms. */
import type { Period } from '@contracts';
import { exportPoints } from '@/features/points/services/points';
import { exportMembers, getImportTemplate, importMembers } from '@/features/roster/services/roster';
import { openFileLink, pickExcel, uploadFile } from './file-platform';
import type { PickedFile } from './file-types';

export type { PickedFile } from './file-types';
export { pickExcel } from './file-platform';

export async function downloadImportTemplate(): Promise<void> {
  await openFileLink(await getImportTemplate());
}

export async function exportRoster(orgId: string): Promise<void> {
  await openFileLink(await exportMembers(orgId));
}

/** The branch's points for a period as an Excel file (积分汇总 and 积分明细). */
export async function exportPointsFile(orgId: string, period: Period, date?: string): Promise<void> {
  await openFileLink(await exportPoints(orgId, period, date));
}

/** Uploads the file and imports it into `orgId`; a refused import throws with row `details`. */
export async function importRoster(orgId: string, file: PickedFile) {
  const fileID = await uploadFile(file);
  return importMembers(orgId, fileID);
}

/** weapp: pick from a chat and import; resolves null when the user cancels. */
export async function pickAndImportRoster(orgId: string) {
  const file = await pickExcel();
  return file ? importRoster(orgId, file) : null;
}
