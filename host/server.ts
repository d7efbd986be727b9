import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ApiResult, ErrorCode } from '../contracts/common';
import { functions } from '../core/functions';
import { closeDueActivities } from '../core/handlers/activity-close';
import type { Clock } from '../core/runtime/context';
import { newId } from '../core/runtime/ids';
import type { DocStore } from '../core/store/port';
import { DEMO_ACCOUNTS } from './demo/seed';
import { LocalFiles } from './files';
import { DEMO_LECTURES_DIR } from './demo/lectures-dir';
import { registerMedia } from './media';
import { Sessions } from './sessions';

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
};

export interface HostOptions {
  store: DocStore;
  dataDir: string;
  /** Development mode allows the demo login; it is refused when NODE_ENV=production. */
  dev: boolean;
  /** The built H5 app, served at `/`. */
  staticDir?: string;
  clock?: Clock;
  logger?: boolean;
  /** Where the demo lectures' videos and covers are (default: host/demo/lectures). */
  demoMediaDir?: string;
  /** How often to close activities that ended hours ago (the cloud uses a timer trigger); off when unset. */
  autoCloseEveryMs?: number;
}

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** A lecture's video may be bigger than an Excel file. */
const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

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

function fail(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return send(reply, { ok: false, error: { code, message } });
}

/** The local host: the H5 app, the cloud functions over HTTP, demo login, uploads and downloads. */
export async function buildHost(options: HostOptions): Promise<FastifyInstance> {
  const { store, dev } = options;
  const clock = options.clock ?? (() => new Date());
  const sessions = new Sessions(store);
  const files = new LocalFiles(store, join(options.dataDir, 'files'));
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });

  app.setErrorHandler((error: { statusCode?: number; name?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      app.log.error({ err: error.name }, 'request failed');
      return fail(reply, 'INTERNAL', '服务暂时不可用');
    }
    return fail(reply, 'INVALID_INPUT', status === 413 ? '文件太大' : '请求格式不正确');
  });
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    ['video/mp4', 'image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: MAX_VIDEO_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get('/healthz', async () => ({ ok: true, data: { status: 'ready', dev } }));

  app.post('/api/auth', async (request, reply) => {
    if (!dev) return fail(reply, 'FORBIDDEN', '演示登录仅在开发模式下可用');
    const parsed = authSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 'INVALID_INPUT', '请求格式应为 { action: "devLogin", data: { openid } }');
    if (parsed.data.action === 'devAccounts') return send(reply, { ok: true, data: { items: DEMO_ACCOUNTS } });
    return send(reply, { ok: true, data: { token: await sessions.create(parsed.data.data.openid) } });
  });

  app.post('/api/upload', async (request, reply) => {
    const openid = await sessions.resolve(request.headers.authorization);
    if (!openid) return fail(reply, 'UNAUTHENTICATED', '请先登录');
    if (!Buffer.isBuffer(request.body) || request.body.length === 0)
      return fail(reply, 'INVALID_INPUT', '请上传文件（application/octet-stream）');
    const rawName = request.headers['x-file-name'];
    let name = 'upload.xlsx';
    try {
      if (typeof rawName === 'string' && rawName) name = decodeURIComponent(rawName).slice(0, 100);
    } catch {
      return fail(reply, 'INVALID_INPUT', '文件名格式不正确');
    }
    const doc = await files.save(openid, name, request.body, 'upload');
    return send(reply, { ok: true, data: { fileID: LocalFiles.fileIdOf(doc) } });
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

  app.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const fn = Object.prototype.hasOwnProperty.call(functions, request.params.fn)
      ? functions[request.params.fn as keyof typeof functions]
      : undefined;
    if (!fn) return fail(reply, 'NOT_FOUND', `没有名为 ${request.params.fn} 的云函数`);
    const openid = await sessions.resolve(request.headers.authorization);
    const result = await fn(request.body ?? {}, {
      openid,
      store,
      clock,
      files: files.gatewayFor(openid),
      newId: () => newId(clock().getTime()),
      publicUrl: `${request.protocol}://${request.host}`,
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
    }, options.autoCloseEveryMs);
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
