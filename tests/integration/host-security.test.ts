import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoModeOf, listenHostOf, type Environment } from '../../host/mode';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionDoc } from '../../host/sessions';
import { buildHost } from '../../host/server';
import { sendTo, startTestHost, type Reply, type TestHost } from './host-http';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CHINESE = /[\u4e00-\u9fa5]/;

// Real HTTP, real files and a seeded store on a machine shared with other work: generous timeouts.
jest.setTimeout(30_000);

/** A request whose headers are sent but whose body is not (yet): the host must answer without it. */
function headersOnly(
  port: number,
  options: { url: string; method?: string; headers: Record<string, string> },
): { response: Promise<Reply>; write(chunk: Buffer): void; end(chunk?: Buffer): void; destroy(): void } {
  const req = request({
    host: '127.0.0.1',
    port,
    path: options.url,
    method: options.method ?? 'POST',
    headers: options.headers,
  });
  const response = new Promise<Reply>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          statusCode: res.statusCode ?? 0,
          headers: res.headers,
          body,
          json: <T>() => JSON.parse(body.toString()) as T,
        });
      });
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return {
    response,
    write: (chunk) => req.write(chunk),
    end: (chunk) => req.end(chunk),
    destroy: () => req.destroy(),
  };
}

describe('demo mode and the listening address', () => {
  it.each<[Environment, boolean]>([
    [{}, false],
    [{ NODE_ENV: 'development' }, false],
    [{ ZHIBU_DEMO: '0' }, false],
    [{ ZHIBU_DEMO: 'true' }, false],
    [{ ZHIBU_DEMO: '1' }, true],
    [{ ZHIBU_DEMO: '1', NODE_ENV: 'development' }, true],
    [{ ZHIBU_DEMO: '1', NODE_ENV: 'production' }, false],
  ])('%p → demo mode %p', (env, expected) => {
    expect(demoModeOf(env)).toBe(expected);
  });

  it.each<[Environment, string]>([
    [{}, '127.0.0.1'],
    [{ HOST: '' }, '127.0.0.1'],
    [{ HOST: '0.0.0.0' }, '0.0.0.0'],
  ])('%p → listens on %p', (env, expected) => {
    expect(listenHostOf(env)).toBe(expected);
  });

  describe('host/main.ts as a process', () => {
    const children: ChildProcess[] = [];
    const dirs: string[] = [];
    afterAll(() => {
      for (const child of children) child.kill('SIGKILL');
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    const freePort = () =>
      new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });

    /** Starts the host with `env` (NODE_ENV, ZHIBU_DEMO and HOST unset unless given) and waits for its banner. */
    async function start(env: Environment): Promise<{ port: number; banner: string }> {
      const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-main-'));
      dirs.push(dataDir);
      const port = await freePort();
      const base = { ...process.env };
      for (const key of ['NODE_ENV', 'ZHIBU_DEMO', 'HOST', 'DEMO_DATA']) delete base[key];
      const child = spawn(process.execPath, ['--import', 'tsx', 'host/main.ts'], {
        cwd: join(__dirname, '../..'),
        env: { ...base, ...env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      const banner = await new Promise<string>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('ready')) resolve(output);
        });
        child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
      });
      return { port, banner };
    }

    it('with nothing set: 127.0.0.1 only, production mode, the demo login refused', async () => {
      const { port, banner } = await start({});
      expect(banner).toContain(`listening on 127.0.0.1:${port}`);
      expect(banner).toContain('production mode');
      const login = await sendTo(port, {
        method: 'POST',
        url: '/api/auth',
        payload: { action: 'devLogin', data: { openid: 'demo-admin' } },
      });
      expect(login.statusCode).toBe(403);
      expect(login.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }, 60_000);

    it('with ZHIBU_DEMO=1 (what npm start sets): the demo login works, still on 127.0.0.1', async () => {
      const { port, banner } = await start({ ZHIBU_DEMO: '1', DEMO_DATA: '0' });
      expect(banner).toContain(`listening on 127.0.0.1:${port}`);
      expect(banner).toContain('demo mode');
      const login = await sendTo(port, {
        method: 'POST',
        url: '/api/auth',
        payload: { action: 'devLogin', data: { openid: 'demo-admin' } },
      });
      expect(login.json()).toMatchObject({ ok: true, data: { token: expect.any(String) } });
    }, 60_000);

    it('scripts/start.mjs sets ZHIBU_DEMO=1 unless told otherwise', () => {
      const script = readFileSync(join(__dirname, '../../scripts/start.mjs'), 'utf8');
      expect(script).toMatch(/process\.env\.ZHIBU_DEMO \?\?= '1'/);
    });
  });
});

describe('sessions', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ file: true });
  });
  afterEach(() => host.close());

  const me = (authorization: string) =>
    host.send({ method: 'POST', url: '/api/identity', headers: { authorization }, payload: { action: 'me' } });
  const at = (ms: number) => new Date(Date.parse('2026-11-23T02:00:00.000Z') + ms);

  it.each<[string, number[], number, boolean]>([
    // [case, uses after login (ms), last call, still signed in]
    ['used again within the idle lifetime', [], SESSION_IDLE_MS - HOUR, true],
    ['idle for the idle lifetime', [], SESSION_IDLE_MS + 1, false],
    ['used every 6 days: the idle lifetime restarts', [6 * DAY, 12 * DAY, 18 * DAY], 24 * DAY, true],
    [
      'used every 6 days up to the absolute lifetime',
      [6 * DAY, 12 * DAY, 18 * DAY, 24 * DAY],
      SESSION_ABSOLUTE_MS,
      false,
    ],
    ['an 8-hour meeting day of constant use', [HOUR, 2 * HOUR, 4 * HOUR, 6 * HOUR], 8 * HOUR, true],
  ])('%s', async (_case, uses, last, signedIn) => {
    const token = await host.login('demo-member-1');
    for (const use of uses) {
      host.now.value = at(use);
      expect((await me(token)).statusCode).toBe(200);
    }
    host.now.value = at(last);
    const response = await me(token);
    expect(response.statusCode).toBe(signedIn ? 200 : 401);
    if (!signedIn) {
      expect(response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // An expired session is gone for good, even if the clock went back.
      host.now.value = at(0);
      expect((await me(token)).statusCode).toBe(401);
    }
  });

  it('a session stores its lifetimes; a burst of use writes nothing back', async () => {
    const token = (await host.login('demo-member-1')).slice('Bearer '.length);
    const stored = await host.store.get('sessions', token);
    expect(stored).toEqual({
      _id: token,
      openid: 'demo-member-1',
      demo: true,
      createdAt: at(0).toISOString(),
      lastSeenAt: at(0).toISOString(),
      expiresAt: at(SESSION_ABSOLUTE_MS).toISOString(),
    });
    host.now.value = at(10 * 60_000);
    await me(`Bearer ${token}`);
    expect((await host.store.get('sessions', token))?.lastSeenAt).toBe(at(0).toISOString());
    host.now.value = at(2 * HOUR);
    await me(`Bearer ${token}`);
    expect((await host.store.get('sessions', token))?.lastSeenAt).toBe(at(2 * HOUR).toISOString());
  });

  it('the same data switched to production: demo sessions and demo identities are refused, others honoured', async () => {
    const demoToken = await host.login('demo-secretary');
    const arbitrary = await host.login('someone-who-logged-in-by-demo');
    await host.store.create('sessions', sessionDoc('real-session-of-admin-0001', 'demo-admin', at(0), false));
    await host.store.create('sessions', sessionDoc('real-session-of-member-001', 'wx-openid-1', at(0), false));
    expect((await me(demoToken)).statusCode).toBe(200);
    await host.app.close();

    const production = await buildHost({
      store: host.store,
      dataDir: host.dataDir,
      demo: false,
      clock: () => host.now.value,
    });
    await production.listen({ port: 0, host: '127.0.0.1' });
    const port = (production.server.address() as { port: number }).port;
    try {
      const call = (authorization: string) =>
        sendTo(port, { method: 'POST', url: '/api/identity', headers: { authorization }, payload: { action: 'me' } });
      expect((await call(demoToken)).statusCode).toBe(401);
      expect((await call(arbitrary)).statusCode).toBe(401);
      expect((await call('Bearer real-session-of-admin-0001')).statusCode).toBe(401);
      const real = await call('Bearer real-session-of-member-001');
      expect(real.statusCode).toBe(200);
      const login = await sendTo(port, {
        method: 'POST',
        url: '/api/auth',
        payload: { action: 'devLogin', data: { openid: 'demo-admin' } },
      });
      expect(login.statusCode).toBe(403);
      expect(login.json()).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(CHINESE) },
      });
    } finally {
      await production.close();
      host.app = await buildHost({ store: host.store, dataDir: host.dataDir, demo: true });
    }
  });

  it.each([
    ['Bearer', true],
    ['bearer', true],
    ['BEARER', true],
    ['Bearer  ', true],
    ['Basic', false],
    ['Bearertoken', false],
  ])('the scheme %p is accepted: %p', async (scheme, accepted) => {
    const token = (await host.login('demo-member-1')).slice('Bearer '.length);
    const header =
      scheme === 'Bearertoken' ? `Bearer${token}` : scheme === 'Bearer  ' ? `Bearer  ${token}` : `${scheme} ${token}`;
    expect((await me(header)).statusCode).toBe(accepted ? 200 : 401);
  });
});

describe('the host answers in the contract’s shape and never lets content be sniffed', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.close());

  it.each<[string, string, number]>([
    ['GET', '/no/such/page', 404],
    ['POST', '/no/such/page', 404],
    ['GET', '/api/identity', 405],
    ['PUT', '/api/upload', 405],
    ['DELETE', '/api/auth', 405],
    ['DELETE', '/files/0123/x.xlsx', 404],
    ['POST', '/healthz', 404],
  ])('%s %s → %p with { ok: false, error } in Chinese', async (method, url, status) => {
    const response = await host.send({ method, url });
    expect(response.statusCode).toBe(status);
    const body = response.json<{ ok: boolean; error: { code: string; message: string } }>();
    expect(body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(CHINESE) } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('every kind of response says nosniff: API, health, demo media, shared media, exports, errors', async () => {
    const secretary = await host.login('demo-secretary');
    const upload = await host.send({
      method: 'POST',
      url: '/api/upload',
      headers: { authorization: secretary, 'content-type': 'video/mp4', 'x-file-name': 'a.mp4' },
      payload: randomBytes(1000),
    });
    const fileID = upload.json<{ data: { fileID: string } }>().data.fileID;
    const created = await host.send({
      method: 'POST',
      url: '/api/lecture',
      headers: { authorization: secretary },
      payload: {
        action: 'create',
        data: {
          title: '党课',
          speaker: '李红梅 书记',
          kind: 'micro_lecture',
          durationS: 30,
          video: fileID,
          summary: '党课。',
          orgIds: ['org-branch-1'],
        },
      },
    });
    const template = await host.send({
      method: 'POST',
      url: '/api/roster',
      headers: { authorization: secretary },
      payload: { action: 'importTemplate' },
    });
    const responses = [
      upload,
      created,
      template,
      await host.send({ url: '/healthz' }),
      await host.send({ url: '/' }),
      await host.send({ url: '/media/demo/lecture-2.jpg' }),
      await host.send({ url: `/media/files/${fileID.slice('local:'.length)}/a.mp4`, headers: { range: 'bytes=0-9' } }),
      await host.send({ url: template.json<{ data: { url: string } }>().data.url }),
      await host.send({ method: 'POST', url: '/api/identity', payload: { action: 'me' } }),
      await host.send({
        method: 'POST',
        url: '/api/identity',
        headers: { authorization: secretary, 'content-type': 'application/json' },
        payload: Buffer.from('{'),
      }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 206, 200, 401, 400]);
    for (const response of responses) expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('uploads and request bodies', () => {
  let host: TestHost;
  let secretary: string;
  let member: string;
  beforeAll(async () => {
    host = await startTestHost({ limits: { video: 1024 * 1024 } });
    secretary = await host.login('demo-secretary');
    member = await host.login('demo-member-1');
  });
  afterAll(() => host.close());

  const filesOnDisk = () => (existsSync(join(host.dataDir, 'files')) ? readdirSync(join(host.dataDir, 'files')) : []);

  it.each<[string, Record<string, string>, number, string]>([
    ['no session, 150 MB declared', { 'content-type': 'video/mp4' }, 401, 'UNAUTHENTICATED'],
    ['no session, JSON API', { 'content-type': 'application/json' }, 401, 'UNAUTHENTICATED'],
    ['a member sending a video', { 'content-type': 'video/mp4', authorization: 'member' }, 403, 'FORBIDDEN'],
    ['a member sending a cover', { 'content-type': 'image/png', authorization: 'member' }, 403, 'FORBIDDEN'],
    [
      'a member sending an Excel file',
      { 'content-type': 'application/octet-stream', authorization: 'member' },
      403,
      'FORBIDDEN',
    ],
    [
      'a secretary, Excel over 5 MB',
      { 'content-type': 'application/octet-stream', authorization: 'secretary' },
      413,
      'INVALID_INPUT',
    ],
    [
      'a secretary, video over the limit',
      { 'content-type': 'video/mp4', authorization: 'secretary' },
      413,
      'INVALID_INPUT',
    ],
    ['a secretary, an unknown type', { 'content-type': 'text/html', authorization: 'secretary' }, 400, 'INVALID_INPUT'],
  ])('%s: answered before the body is sent (%p %s)', async (name, headers, status, code) => {
    const authorization =
      headers.authorization === 'member' ? member : headers.authorization === 'secretary' ? secretary : undefined;
    const url = name.includes('JSON API') ? '/api/identity' : '/api/upload';
    const pending = headersOnly(host.port, {
      url,
      headers: { ...headers, ...(authorization ? { authorization } : {}), 'content-length': String(150 * 1024 * 1024) },
    });
    try {
      const response = await pending.response;
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(CHINESE) } });
      if (status === 413)
        expect(response.json<{ error: { message: string } }>().error.message).toBe(
          headers['content-type'] === 'video/mp4' ? '文件太大：不能超过 1 MB' : '文件太大：不能超过 5 MB',
        );
    } finally {
      pending.destroy();
    }
  });

  it('the JSON API reads at most 1 MB, and only JSON', async () => {
    const big = await host.send({
      method: 'POST',
      url: '/api/identity',
      headers: { authorization: member },
      payload: { action: 'me', data: { padding: 'x'.repeat(1024 * 1024) } },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求太大：不能超过 1 MB' },
    });
    const video = await host.send({
      method: 'POST',
      url: '/api/lecture',
      headers: { authorization: secretary, 'content-type': 'video/mp4' },
      payload: randomBytes(2 * 1024 * 1024),
    });
    expect(video.statusCode).toBe(415);
    expect(video.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('JSON') },
    });
  });

  it('an upload is streamed to disk as it arrives, and kept whole when complete', async () => {
    const content = randomBytes(900 * 1024);
    const pending = headersOnly(host.port, {
      url: '/api/upload',
      headers: {
        authorization: secretary,
        'content-type': 'video/mp4',
        'x-file-name': 'part.mp4',
        'content-length': String(content.length),
      },
    });
    pending.write(content.subarray(0, 600 * 1024));
    // The first part lies on disk before the rest is sent.
    let partial = 0;
    for (let i = 0; i < 3000 && partial < 600 * 1024; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const part = filesOnDisk().find((name) => name.endsWith('.part'));
      partial = part ? statSync(join(host.dataDir, 'files', part)).size : 0;
    }
    expect(partial).toBe(600 * 1024);
    pending.end(content.subarray(600 * 1024));
    const response = await pending.response;
    expect(response.statusCode).toBe(200);
    const id = response.json<{ data: { fileID: string } }>().data.fileID.slice('local:'.length);
    expect(readFileSync(join(host.dataDir, 'files', id)).equals(content)).toBe(true);
    expect(filesOnDisk().filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('a body longer than declared-free limits is cut off and nothing is kept (chunked, no length)', async () => {
    const before = filesOnDisk();
    const pending = headersOnly(host.port, {
      url: '/api/upload',
      headers: { authorization: secretary, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    });
    for (let i = 0; i < 6; i++) pending.write(randomBytes(1024 * 1024));
    const response = await pending.response;
    pending.destroy();
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ ok: false, error: { message: '文件太大：不能超过 5 MB' } });
    expect(filesOnDisk()).toEqual(before);
  });

  it('an import reads at most 5 MB, whatever content type the upload declared', async () => {
    const big = await startTestHost();
    try {
      const admin = await big.login('demo-admin');
      const upload = await big.send({
        method: 'POST',
        url: '/api/upload',
        headers: { authorization: admin, 'content-type': 'video/mp4', 'x-file-name': 'roster.xlsx' },
        payload: randomBytes(6 * 1024 * 1024),
      });
      expect(upload.statusCode).toBe(200);
      const fileID = upload.json<{ data: { fileID: string } }>().data.fileID;
      const imported = await big.send({
        method: 'POST',
        url: '/api/roster',
        headers: { authorization: admin },
        payload: { action: 'importMembers', data: { orgId: 'org-branch-1', fileID } },
      });
      expect(imported.json()).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '文件太大：不能超过 5 MB' },
      });
    } finally {
      await big.close();
    }
  });
});

describe('uploads nobody used are removed after a day', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ file: true });
  });
  afterAll(() => host.close());

  it('an unused upload and an export go after a day; lecture media stay', async () => {
    const secretary = await host.login('demo-secretary');
    const upload = async (type: string, name: string) =>
      (
        await host.send({
          method: 'POST',
          url: '/api/upload',
          headers: { authorization: secretary, 'content-type': type, 'x-file-name': name },
          payload: randomBytes(2048),
        })
      )
        .json<{ data: { fileID: string } }>()
        .data.fileID.slice('local:'.length);
    const unused = await upload('application/octet-stream', 'roster.xlsx');
    const video = await upload('video/mp4', 'lecture.mp4');
    const created = await host.send({
      method: 'POST',
      url: '/api/lecture',
      headers: { authorization: secretary },
      payload: {
        action: 'create',
        data: {
          title: '党课',
          speaker: '李红梅 书记',
          kind: 'micro_lecture',
          durationS: 30,
          video: `local:${video}`,
          summary: '党课。',
          orgIds: ['org-branch-1'],
        },
      },
    });
    expect(created.statusCode).toBe(200);
    const template = await host.send({
      method: 'POST',
      url: '/api/roster',
      headers: { authorization: secretary },
      payload: { action: 'importTemplate' },
    });
    const exported = /^\/files\/([0-9a-f]{32})\//.exec(
      template.json<{ data: { url: string } }>().data.url,
    )?.[1] as string;
    const present = () => filesOnDisk().sort();
    const filesOnDisk = () => readdirSync(join(host.dataDir, 'files'));

    const start = host.now.value.getTime();
    host.now.value = new Date(start + 23 * HOUR);
    expect(await host.app.sweepFiles()).toBe(0);
    expect(present()).toEqual([unused, video, exported].sort());

    host.now.value = new Date(start + 25 * HOUR);
    expect(await host.app.sweepFiles()).toBe(2);
    expect(present()).toEqual([video]);
    expect(await host.store.get('files', unused)).toBeNull();
    expect(await host.store.get('files', exported)).toBeNull();
    expect((await host.send({ url: `/media/files/${video}/lecture.mp4` })).statusCode).toBe(200);
  });

  it('the host’s own timer sweeps (every sweepEveryMs)', async () => {
    const timed = await startTestHost({ sweepEveryMs: 10 });
    try {
      const upload = await timed.send({
        method: 'POST',
        url: '/api/upload',
        headers: { authorization: await timed.login('demo-secretary'), 'content-type': 'application/octet-stream' },
        payload: randomBytes(100),
      });
      const id = upload.json<{ data: { fileID: string } }>().data.fileID.slice('local:'.length);
      timed.now.value = new Date(timed.now.value.getTime() + 25 * HOUR);
      // The sweep removes the file, then its document: wait for both, or the check races the second step.
      const gone = async () => !existsSync(join(timed.dataDir, 'files', id)) && !(await timed.store.get('files', id));
      for (let i = 0; i < 3000 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 10));
      expect(existsSync(join(timed.dataDir, 'files', id))).toBe(false);
      expect(await timed.store.get('files', id)).toBeNull();
    } finally {
      await timed.close();
    }
  }, 60_000);
});
