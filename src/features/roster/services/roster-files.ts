/** The roster's Excel files: the import template, an export, an import (same flow on both platforms). */
import { openFileLink, uploadFile, type PickedFile } from '@/services/files';
import { exportMembers, getImportTemplate, importMembers } from './roster';

export async function downloadImportTemplate(): Promise<void> {
  await openFileLink(await getImportTemplate());
}

export async function exportRoster(orgId: string): Promise<void> {
  await openFileLink(await exportMembers(orgId));
}

/** Uploads the file and imports it into `orgId`; a refused import throws with row `details`. */
export async function importRoster(orgId: string, file: PickedFile) {
  const fileID = await uploadFile(file);
  return importMembers(orgId, fileID);
}
