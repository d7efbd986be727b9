/** Documents every feature writes or the host keeps. Timestamps are ISO strings (UTC). */

export interface AuditDoc {
  _id: string;
  at: string;
  actor: string;
  committeeId: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface FileDoc {
  _id: string;
  name: string;
  owner: string;
  /** `media`: an upload shared as a lecture's video or cover, readable by everyone through `/media/files/<id>`. */
  kind: 'upload' | 'export' | 'media';
  size: number;
  createdAt: string;
}
