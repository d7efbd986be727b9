import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { ApiResult, ErrorCode, Permission } from '../contracts/common';
import { scopesFor } from '../core/shared/permissions';
import { functions } from '../core/functions';
import { closeDueActivities } from '../core/activities/actions/close';
import { runNoticeTimer } from '../core/notices/timer';
import type { Clock } from '../core/runtime/context';
import { newId } from '../core/runtime/ids';
import { MAX_QUERY_LIMIT } from '../core/store/port';
import { DEMO_ACCOUNTS } from './demo/seed';
import { LocalFiles, MAX_IMPORT_BYTES, megabytes } from './files';
import { DEMO_LECTURES_DIR } from './demo/lectures-dir';
import { RosterWorker } from './excel-parser';
import { registerMedia } from './media';
import { Sessions } from './sessions';
import type { Store } from '../core/shared/collections';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller behind the request's bearer token, resolved before its body is read. */
    openid: string | null;
  }
  interface FastifyInstance {
    /** Removes uploads nobody used and expired exports now (the host's timer does it every `sweepEveryMs`). */
    sweepFiles(): Promise<number>;
  }
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_ACTION: 400,
  INTERNAL: 500,
  CODE_INVALID: 400,
  CODE_EXPIRED: 410,
  SIGNIN_NOT_OPEN: 409,
  SIGNIN_CLOSED: 409,
  NOT_MEMBER: 403,
  NOT_EXPECTED: 403,
  LOCATION_REQUIRED: 400,
  OUT_OF_RANGE: 403,
  SCAN_REQUIRED: 403,
};

export interface HostOptions {
  store: Store;
  dataDir: string;
  /**
   * Demo mode: the demo login (`POST /api/auth`) works and its sessions are honoured. Outside it,
   * demo-login sessions and sessions of the demo identities (`demo-…`) are refused.
   */
  demo: boolean;
  /** The built H5 app, served at `/`. */
  staticDir?: string;
  clock?: Clock;
  logger?: boolean;
  /** Where the demo lectures' videos and covers are (default: host/demo/lectures). */
  demoMediaDir?: string;
  /** How often to close activities that ended hours ago (the cloud uses a timer trigger); off when unset. */
  autoCloseEveryMs?: number;
  /** How often to remove uploads nobody used and expired exports (after a day); off when unset. */
  sweepEveryMs?: number;
  /** ZHIBU_SETUP_CODE: lets the first person set up an empty database (初始化). */
  setupCode?: string;
  /** Upload limits in bytes (tests lower them). */
  limits?: Partial<UploadLimits>;
}

export interface UploadLimits {
  /** The JSON API's bodies. */
  json: number;
  /** Excel files (and anything not declared as media): what an import reads. */
  excel: number;
  /** A lecture's cover. */
  image: number;
  /** A lecture's video. */
  video: number;
}

export const UPLOAD_LIMITS: UploadLimits = {
  json: 1024 * 1024,
  excel: MAX_IMPORT_BYTES,
  image: 5 * 1024 * 1024,
  video: 200 * 1024 * 1024,
};

/** What `POST /api/upload` takes, by declared content type: its limit and who may send it. */
const UPLOAD_KINDS: Record<string, { limit: keyof UploadLimits; permission: Permission }> = {
  'application/octet-stream': { limit: 'excel', permission: 'roster.write' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { limit: 'excel', permission: 'roster.write' },
  'video/mp4': { limit: 'video', permission: 'lecture.manage' },
  'image/jpeg': { limit: 'image', permission: 'lecture.manage' },
  'image/png': { limit: 'image', permission: 'lecture.manage' },
};

const authSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('devLogin'),
    data: z.object({
      openid: z
        .string()
        .trim()
        .min(1)
        .max(64)
        .regex(/^[\w-]+$/),
    }),
  }),
  z.object({ action: z.literal('devAccounts'), data: z.unknown().optional() }),
]);

function send(reply: FastifyReply, result: ApiResult<unknown>): FastifyReply {
  return reply.code(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
}

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function fail(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return send(reply, failure(code, message));
}

const tooLarge = (limit: number) => `文件太大：不能超过 ${megabytes(limit)}`;

/** The local host: the H5 app, the cloud functions over HTTP, demo login, uploads and downloads. */
export async function buildHost(options: HostOptions): Promise<FastifyInstance> {
  const { store, demo } = options;
  const clock = options.clock ?? (() => new Date());
  const limits: UploadLimits = { ...UPLOAD_LIMITS, ...options.limits };
  const sessions = new Sessions(store, clock, demo);
  const files = new LocalFiles(store, join(options.dataDir, 'files'), clock);
  const rosters = new RosterWorker();
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: limits.json });

  app.setErrorHandler((error: { statusCode?: number; name?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      app.log.error({ err: error.name }, 'request failed');
      return fail(reply, 'INTERNAL', '服务暂时不可用');
    }
    if (status === 413)
      return reply.code(413).send(failure('INVALID_INPUT', `请求太大：不能超过 ${megabytes(limits.json)}`));
    if (status === 415)
      return reply
        .code(415)
        .send(failure('INVALID_INPUT', '请求格式不正确：应为 JSON（Content-Type: application/json）'));
    return fail(reply, 'INVALID_INPUT', '请求格式不正确');
  });

  // Unknown addresses and methods answer in the contract's shape, in Chinese.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0].slice(0, 200);
    if (path.startsWith('/api/') && request.method !== 'POST')
      return reply
        .code(405)
        .header('allow', 'POST')
        .send(failure('NOT_FOUND', `接口只接受 POST 请求，不接受 ${request.method}`));
    return reply.code(404).send(failure('NOT_FOUND', `没有这个地址：${request.method} ${path}`));
  });

  app.decorateRequest('openid', null);
  app.addHook('onRequest', async (request, reply) => {
    // Every response: no content sniffing (media and files are served with their declared type).
    reply.header('x-content-type-options', 'nosniff');
    // The caller is known before any body is read.
    if (request.url.startsWith('/api/')) request.openid = await sessions.resolve(request.headers.authorization);
  });

  /** Whether the caller holds `permission` on some org (the uploads' gate, before the body is read). */
  const mayUpload = async (openid: string, permission: Permission): Promise<boolean> => {
    const roles = await store.query('roles', { where: { openid }, limit: MAX_QUERY_LIMIT });
    return scopesFor(roles, permission).length > 0;
  };

  app.get('/healthz', async () => ({ ok: true, data: { status: 'ready', demo } }));

  app.post('/api/auth', async (request, reply) => {
    if (!demo) return fail(reply, 'FORBIDDEN', '演示登录仅在演示模式下可用（ZHIBU_DEMO=1）');
    const parsed = authSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 'INVALID_INPUT', '请求格式应为 { action: "devLogin", data: { openid } }');
    if (parsed.data.action === 'devAccounts') return send(reply, { ok: true, data: { items: DEMO_ACCOUNTS } });
    return send(reply, { ok: true, data: { token: await sessions.createDemo(parsed.data.data.openid) } });
  });

  // Uploads: the body is not parsed but streamed to disk, after the caller, their right to send
  // this kind of file and its declared length have been checked.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/api/upload', async (request, reply) => {
      const openid = request.openid;
      if (!openid) return fail(reply, 'UNAUTHENTICATED', '请先登录');
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const kind = Object.prototype.hasOwnProperty.call(UPLOAD_KINDS, type) ? UPLOAD_KINDS[type] : undefined;
      if (!kind)
        return fail(
          reply,
          'INVALID_INPUT',
          '文件类型不支持：Excel 请以 application/octet-stream 上传，课程视频为 video/mp4，封面为 image/jpeg 或 image/png',
        );
      if (!(await mayUpload(openid, kind.permission)))
        return fail(
          reply,
          'FORBIDDEN',
          kind.permission === 'lecture.manage'
            ? '只有可以发布课程的人可以上传视频和封面'
            : '只有可以维护花名册的人可以上传 Excel 文件',
        );
      const rawName = request.headers['x-file-name'];
      let name = kind.limit === 'excel' ? 'upload.xlsx' : 'upload';
      try {
        if (typeof rawName === 'string' && rawName) name = decodeURIComponent(rawName).slice(0, 100);
      } catch {
        return fail(reply, 'INVALID_INPUT', '文件名格式不正确');
      }
      const limit = limits[kind.limit];
      const refuseTooLarge = () =>
        reply
          .code(413)
          .header('connection', 'close')
          .send(failure('INVALID_INPUT', tooLarge(limit)));
      if (Number(request.headers['content-length'] ?? 0) > limit) return refuseTooLarge();
      const body = request.body as Readable | undefined;
      if (!body) return fail(reply, 'INVALID_INPUT', '请上传文件：文件内容为空');
      let doc;
      try {
        doc = await files.receive(openid, name, body, limit);
      } catch {
        return reply.code(400).header('connection', 'close').send(failure('INVALID_INPUT', '上传中断，请重新上传'));
      }
      if (!doc) return refuseTooLarge();
      if (doc.size === 0) {
        await files.discard(doc);
        return fail(reply, 'INVALID_INPUT', '请上传文件：文件内容为空');
      }
      return send(reply, { ok: true, data: { fileID: LocalFiles.fileIdOf(doc) } });
    });
  });

  app.get<{ Params: { id: string; name: string } }>('/files/:id/:name', async (request, reply) => {
    const file = await files.published(request.params.id);
    if (!file) return fail(reply, 'NOT_FOUND', '文件不存在或已过期');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.doc.name)}`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  const requireSession = async (request: FastifyRequest, reply: FastifyReply) => {
    // Every function needs a caller: an anonymous body is never read.
    if (!request.openid) return fail(reply, 'UNAUTHENTICATED', '请先登录');
  };
  app.post<{ Params: { fn: string } }>('/api/:fn', { onRequest: requireSession }, async (request, reply) => {
    const fn = Object.prototype.hasOwnProperty.call(functions, request.params.fn)
      ? functions[request.params.fn as keyof typeof functions]
      : undefined;
    if (!fn) return fail(reply, 'NOT_FOUND', `没有名为 ${request.params.fn} 的云函数`);
    const openid = request.openid;
    const result = await fn(request.body ?? {}, {
      openid,
      store,
      clock,
      files: files.gatewayFor(openid),
      newId: () => newId(clock().getTime()),
      publicUrl: `${request.protocol}://${request.host}`,
      parseRoster: rosters.parse,
      setupCode: options.setupCode,
    });
    return send(reply, result);
  });

  // A sign-in code's link: opens the H5 app's sign-in page (the mini-program maps the same link
  // to its page through WeChat's 扫普通链接二维码打开小程序 rule).
  app.get<{ Querystring: { t?: string } }>('/checkin', async (request, reply) => {
    const token = /^[A-Za-z0-9._-]{1,200}$/.test(request.query.t ?? '') ? request.query.t : '';
    return reply.redirect(`/#/pages/checkin/index?t=${token}`);
  });

  if (options.autoCloseEveryMs) {
    const timer = setInterval(() => {
      const ctx = { openid: null, store, clock, files: files.gatewayFor(null), newId: () => newId(clock().getTime()) };
      closeDueActivities(ctx).catch((error: Error) => app.log.error({ err: error.name }, 'auto-close failed'));
      // The notice function's timer too: activity and task reminders in 消息 (no subscribe messages here).
      runNoticeTimer(ctx).catch((error: Error) => app.log.error({ err: error.name }, 'reminders failed'));
    }, options.autoCloseEveryMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  app.addHook('onClose', () => rosters.close());
  app.decorate('sweepFiles', () => files.sweep());
  if (options.sweepEveryMs) {
    const timer = setInterval(() => {
      files.sweep().catch((error: Error) => app.log.error({ err: error.name }, 'file sweep failed'));
    }, options.sweepEveryMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  await registerMedia(app, files, options.demoMediaDir ?? DEMO_LECTURES_DIR);

  if (options.staticDir && existsSync(join(options.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.staticDir, prefix: '/', index: 'index.html' });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<p>H5 应用尚未构建：请运行 <code>npm run build:h5</code> 或 <code>npm start</code>。</p>'),
    );
  }
  return app;
}
