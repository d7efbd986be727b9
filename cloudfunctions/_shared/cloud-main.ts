import http from 'node:http';
import https from 'node:https';
import cloud from 'wx-server-sdk';
import type { FileGateway, HandlerContext } from '../../core/runtime/context';
import { errorResult, type CloudFunction } from '../../core/runtime/dispatch';
import { forbidden } from '../../core/runtime/errors';
import { newId } from '../../core/runtime/ids';
import { CloudbaseStore } from '../../core/store/cloudbase';
import { cloudMiniProgramCode, type WxacodeApi } from './mini-program-code';
import { cloudSubscribe, type SubscribeApi } from './subscribe-message';

/**
 * Every database and storage request on a fresh connection. A connection kept alive between calls
 * can be closed by the other side while the function sits idle or frozen between invocations, and
 * the next call that reuses it fails with ECONNRESET (answered INTERNAL: a lost sign-in or
 * declaration). The SDK keeps connections alive unless it sees TENCENTCLOUD_RUNENV=SCF (not in
 * WeChat DevTools' local debugging, for one), and without its own agent it uses Node's global one,
 * which keeps them alive from Node 19 on. A connection per request costs a handshake on the
 * cloud's internal network; a call that fails costs a member's action.
 */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, keepalive: false } as Parameters<
  typeof cloud.init
>[0]);
http.globalAgent = new http.Agent({ keepAlive: false });
https.globalAgent = new https.Agent({ keepAlive: false });

/** Where the mini-program uploads a user's files (`uploads/<openid>/…`), so a function can tell whose they are. */
export const uploadFolder = (openid: string) => `uploads/${openid}/`;
/** Where lecture videos and covers go (`media/<openid>/…`): readable by every member, unlike uploads/. */
export const mediaFolder = (openid: string) => `media/${openid}/`;

function cloudFiles(openid: string | null): FileGateway {
  return {
    async read(fileID) {
      if (!openid || !fileID.includes(`/${uploadFolder(openid)}`)) throw forbidden('只能导入自己上传的文件');
      const { fileContent } = await cloud.downloadFile({ fileID });
      return fileContent;
    },
    // <Video> and <Image> play a cloud fileID directly; the storage rules let members read media/.
    async shareMedia(fileID) {
      if (!openid || !fileID.includes(`/${mediaFolder(openid)}`)) throw forbidden('只能发布自己上传的视频和图片');
      return fileID;
    },
    async publish(name, content) {
      const { fileID } = await cloud.uploadFile({ cloudPath: `exports/${newId()}/${name}`, fileContent: content });
      const links = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 24 * 3600 }] });
      return { fileID, url: links?.fileList[0]?.tempFileURL ?? '' };
    },
  };
}

/**
 * The entry of a cloud function in WeChat's cloud: the caller is the OPENID WeChat vouches for,
 * never anything in the event; the domain handlers run unchanged over the CloudBase store.
 */
export function cloudMain(
  fn: CloudFunction,
  options: { onTimer?: (ctx: HandlerContext) => Promise<unknown> } = {},
): (event: unknown) => Promise<unknown> {
  const store = new CloudbaseStore(cloud.database());
  const miniProgramCode = cloudMiniProgramCode(cloud.openapi as WxacodeApi, process.env);
  const subscribe = cloudSubscribe(cloud.openapi as SubscribeApi, process.env);
  return async (event) => {
    const openid = cloud.getWXContext().OPENID || null;
    const ctx: HandlerContext = {
      openid,
      store,
      clock: () => new Date(),
      files: cloudFiles(openid),
      newId: () => newId(),
      publicUrl: process.env.ZHIBU_PUBLIC_URL,
      setupCode: process.env.ZHIBU_SETUP_CODE,
      miniProgramCode,
      subscribe,
    };
    // A timer trigger carries no OPENID; a call from the mini-program always does.
    if (options.onTimer && !openid && isTimerEvent(event)) {
      try {
        return { ok: true, data: await options.onTimer(ctx) };
      } catch (error) {
        return errorResult('timer', error);
      }
    }
    return fn(event, ctx);
  };
}

const isTimerEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
