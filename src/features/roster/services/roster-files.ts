/** The roster's Excel files: the import template, an export, an import (same flow on both platforms). */
import type { PartyStatus } from '@contracts';
import { openFileLink, uploadFile, type PickedFile } from '@/services/files';
import { exportMembers, getImportTemplate, importMembers, previewImport } from './roster';

export async function downloadImportTemplate(): Promise<void> {
  await openFileLink(await getImportTemplate());
}

/** The org's roster, or only the people of these 党员身份 (the title says which). */
export async function exportRoster(orgId: string, statuses?: PartyStatus[]): Promise<void> {
  await openFileLink(await exportMembers({ orgId, ...(statuses ? { statuses } : {}) }));
}

/** Uploads the file and previews importing it into `orgId` (nothing changes yet). */
export async function previewRosterImport(orgId: string, file: PickedFile) {
  const fileID = await uploadFile(file);
  return { fileID, preview: await previewImport(orgId, fileID) };
}

/** Imports a previewed file as the preview showed it (`skipInvalid`: the valid rows only). */
export const confirmRosterImport = (orgId: string, fileID: string, previewId: string, skipInvalid: boolean) =>
  importMembers({ orgId, fileID, previewId, skipInvalid });

export { openFileLink as downloadRefusedRows };
