/** `importPreviews/<id>`: what previewImport showed, so that importMembers does exactly that or nothing. */
export interface ImportPreviewDoc {
  _id: string;
  openid: string;
  orgId: string;
  fileID: string;
  /** SHA-256 of the file's content: the same fileID uploaded again is another file. */
  digest: string;
  create: number;
  update: number;
  unchanged: number;
  /** Rows refused at preview time. */
  refused: number;
  createdAt: string;
  expiresAt: string;
  /** Set by the import that used it: a preview is confirmed once. */
  usedAt: string | null;
}

/** How long a preview may be confirmed. */
export const PREVIEW_MINUTES = 30;
