import type { ParsedRoster } from '../roster/roster-sheet';
import type { Store } from '../shared/collections';
import type { SubscribeGateway } from '../notices/subscribe';

/** Files the functions read (imports) and produce (exports): cloud storage, or the local host's disk. */
export interface FileGateway {
  read(fileID: string): Promise<Buffer>;
  /** Stores a produced file and returns where the client can fetch it. */
  publish(name: string, content: Buffer): Promise<{ fileID: string; url: string }>;
  /**
   * Makes a file the caller uploaded playable by every member (a lecture's video or cover) and
   * returns what the app's <Video>/<Image> takes as `src`: the cloud fileID itself in WeChat, a
   * URL of the local host (served with HTTP range requests) locally.
   */
  shareMedia(fileID: string): Promise<string>;
}

export type Clock = () => Date;

/** Everything a handler may use. The caller's openid comes from WeChat or the host's session, never the payload. */
export interface HandlerContext {
  openid: string | null;
  store: Store;
  clock: Clock;
  files: FileGateway;
  newId: () => string;
  /** Where the app is reachable (for links in QR codes); the cloud's comes from ZHIBU_PUBLIC_URL. */
  publicUrl?: string;
  /**
   * Reads an import's roster off the serving thread (the local host's worker, so that it keeps
   * answering during an import); absent in the cloud, where each call has its own instance.
   */
  parseRoster?: (content: Buffer) => Promise<ParsedRoster>;
  /**
   * The code that lets the first person set up an empty environment (初始化): `ZHIBU_SETUP_CODE`
   * of the functions' environment, or of the local host's. Unset, no one can set up.
   */
  setupCode?: string;
  /**
   * A 小程序码 opening `page` with `scene` (wxacode.getUnlimited through `cloud.openapi`), as PNG
   * bytes; absent where the app has none (the local host, or ZHIBU_CHECKIN_CODE=link).
   */
  miniProgramCode?: (request: { scene: string; page: string }) => Promise<Buffer>;
  /**
   * WeChat subscribe messages (`cloud.openapi.subscribeMessage.send`) and the templates configured
   * for them; absent where there are none (the local host, or no template configured).
   */
  subscribe?: SubscribeGateway;
}
