import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../core/store/sqlite';
import { seedDemo } from '../../host/demo/seed';
import { parseRange } from '../../host/media';
import { buildHost } from '../../host/server';
import { sendTo, type Reply, type SendOptions } from './host-http';

/**
 * Lecture media on the local host: HTTP range requests (so that the player can seek), the demo
 * videos under /media/demo/, and uploads shared by lecture.create under /media/files/.
 *
 * The host listens on a free port and is called over real HTTP with the path sent exactly as
 * written (no client-side normalisation of `..`), which is what a hostile request would do.
 * (Fastify's `inject` needs light-my-request, whose `cookie` dependency is ESM-only and does
 * not load under Jest.)
 */

describe('parseRange', () => {
  const SIZE = 1000;
  it.each<[string | undefined, ReturnType<typeof parseRange>]>([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=999-', { start: 999, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-1', { start: 999, end: 999 }],
    // A suffix longer than the file is the whole file; an end beyond it is cut to the last byte.
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=0-99999999999999999999', { start: 0, end: 999 }],
    // Nothing of the file in the range.
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=1000-1099', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=500-400', 'unsatisfiable'],
    // No usable range: the whole file.
    [undefined, null],
    ['', null],
    ['bytes=', null],
    ['bytes=-', null],
    ['bytes=abc-def', null],
    ['bytes=1.5-2', null],
    ['bytes=0x10-20', null],
    ['bytes= 0-99', null],
    ['items=0-99', null],
    ['0-99', null],
    // Several ranges are not served as multipart: the whole file.
    ['bytes=0-99,200-299', null],
    ['bytes=0-99, 200-299', null],
  ])('%p of a 1000-byte file → %p', (header, expected) => {
    expect(parseRange(header, SIZE)).toEqual(expected);
  });

  it('an empty file has no satisfiable range', () => {
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-100', 0)).toBe('unsatisfiable');
    expect(parseRange(undefined, 0)).toBeNull();
  });
});

describe('the host’s media routes', () => {
  const DEMO = join(__dirname, '../../host/demo/lectures');
  let app: FastifyInstance;
  let store: SqliteStore;
  let dataDir: string;

  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zhibu-media-'));
    store = new SqliteStore({ file: ':memory:' });
    await seedDemo(store);
    app = await buildHost({ store, dataDir, demo: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });

  /** One HTTP request with the path as given. */
  const send = (options: SendOptions): Promise<Reply> => sendTo(port, options);

  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (openid: string): Promise<string> => {
    const response = await send({
      method: 'POST',
      url: '/api/auth',
      payload: { action: 'devLogin', data: { openid } },
    });
    return `Bearer ${response.json<{ data: { token: string } }>().data.token}`;
  };

  const api = async <T>(authorization: string, fn: string, action: string, data?: unknown) => {
    const response = await send({
      method: 'POST',
      url: `/api/${fn}`,
      headers: { authorization },
      payload: { action, data },
    });
    const body = response.json<{ ok: boolean; data: T; error?: { code: string } }>();
    if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
    return body.data;
  };

  const upload = async (authorization: string, content: Buffer, name: string, type = 'video/mp4') => {
    const response = await send({
      method: 'POST',
      url: '/api/upload',
      headers: { authorization, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      payload: content,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ data: { fileID: string } }>().data.fileID;
  };

  describe('/media/demo/', () => {
    const video = readFileSync(join(DEMO, 'lecture-2.mp4'));

    it('answers a range request with 206 and exactly those bytes', async () => {
      const response = await send({ url: '/media/demo/lecture-2.mp4', headers: { range: 'bytes=0-99' } });
      expect(response.statusCode).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes 0-99/${video.length}`);
      expect(response.headers['content-type']).toBe('video/mp4');
      expect(Number(response.headers['content-length'])).toBe(100);
      expect(response.body.equals(video.subarray(0, 100))).toBe(true);

      const middle = await send({ url: '/media/demo/lecture-2.mp4', headers: { range: 'bytes=1000-1999' } });
      expect(middle.statusCode).toBe(206);
      expect(middle.body.equals(video.subarray(1000, 2000))).toBe(true);

      const tail = await send({ url: '/media/demo/lecture-2.mp4', headers: { range: 'bytes=-100' } });
      expect(tail.statusCode).toBe(206);
      expect(tail.headers['content-range']).toBe(`bytes ${video.length - 100}-${video.length - 1}/${video.length}`);
      expect(tail.body.equals(video.subarray(video.length - 100))).toBe(true);
    });

    it('without a range: 200 and the whole file, saying that ranges are accepted', async () => {
      const response = await send({ url: '/media/demo/lecture-2.mp4' });
      expect(response.statusCode).toBe(200);
      expect(Number(response.headers['content-length'])).toBe(video.length);
      expect(response.headers['accept-ranges']).toBe('bytes');
      expect(response.body.equals(video)).toBe(true);

      const cover = await send({ url: '/media/demo/lecture-2.jpg' });
      expect(cover.statusCode).toBe(200);
      expect(cover.headers['content-type']).toBe('image/jpeg');
      expect(cover.body.equals(readFileSync(join(DEMO, 'lecture-2.jpg')))).toBe(true);
    });

    it('a range beyond the end: 416', async () => {
      const response = await send({
        url: '/media/demo/lecture-2.mp4',
        headers: { range: `bytes=${video.length}-` },
      });
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${video.length}`);
    });

    it.each([
      '/media/demo/catalogue.json',
      '/media/demo/../seed.ts',
      '/media/demo/..%2fseed.ts',
      '/media/demo/%2e%2e/seed.ts',
      '/media/demo/%2e%2e%2fseed.ts',
      '/media/demo/%2e%2e%2f%2e%2e%2fserver.ts',
      '/media/demo/lecture-2.mp4%00.json',
      '/media/demo/no-such-lecture.mp4',
      '/media/demo/',
      '/media/demo/lectures/lecture-2.mp4',
    ])('%s → 404', async (url) => {
      const response = await send({ url });
      expect(response.statusCode).toBe(404);
      expect(response.body.toString()).not.toContain('seedDemo');
      expect(response.body.toString()).not.toContain('"items"');
    });
  });

  describe('/media/files/', () => {
    it('an upload shared by lecture.create is served with range requests; one not shared is not', async () => {
      const secretary = await login('demo-secretary');
      const content = randomBytes(4096);
      const fileID = await upload(secretary, content, '支部党课.mp4');
      expect(fileID).toMatch(/^local:[0-9a-f]{32}$/);
      const hex = fileID.slice('local:'.length);

      // Before it is shared, the upload is not media.
      expect((await send({ url: `/media/files/${hex}/x.mp4` })).statusCode).toBe(404);

      const { id } = await api<{ id: string }>(secretary, 'lecture', 'create', {
        title: '支部书记讲党课',
        speaker: '李红梅 书记',
        kind: 'micro_lecture',
        durationS: 30,
        video: fileID,
        summary: '结合支部工作实际讲党课。',
        orgIds: ['org-branch-1'],
      });
      const member = await login('demo-member-2');
      const lecture = await api<{ videoUrl: string }>(member, 'lecture', 'get', { id });
      expect(lecture.videoUrl).toBe(`/media/files/${hex}/${encodeURIComponent('支部党课.mp4')}`);

      const ranged = await send({ url: lecture.videoUrl, headers: { range: 'bytes=100-1123' } });
      expect(ranged.statusCode).toBe(206);
      expect(ranged.headers['content-range']).toBe('bytes 100-1123/4096');
      expect(ranged.headers['content-type']).toBe('video/mp4');
      expect(ranged.headers['accept-ranges']).toBe('bytes');
      expect(Number(ranged.headers['content-length'])).toBe(1024);
      expect(ranged.body.equals(content.subarray(100, 1124))).toBe(true);

      const tail = await send({ url: lecture.videoUrl, headers: { range: 'bytes=-96' } });
      expect(tail.statusCode).toBe(206);
      expect(tail.body.equals(content.subarray(4000))).toBe(true);

      const whole = await send({ url: lecture.videoUrl });
      expect(whole.statusCode).toBe(200);
      expect(Number(whole.headers['content-length'])).toBe(4096);
      expect(whole.body.equals(content)).toBe(true);

      const beyond = await send({ url: lecture.videoUrl, headers: { range: 'bytes=4096-' } });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe('bytes */4096');

      // Another upload, never shared: not served.
      const other = await upload(secretary, randomBytes(100), '另一个视频.mp4');
      const otherUrl = `/media/files/${other.slice('local:'.length)}/${encodeURIComponent('另一个视频.mp4')}`;
      expect((await send({ url: otherUrl })).statusCode).toBe(404);
      expect((await send({ url: otherUrl, headers: { range: 'bytes=0-9' } })).statusCode).toBe(404);
    });

    it('an upload of someone else cannot be shared; an export is not media; odd ids are 404', async () => {
      const admin = await login('demo-admin');
      const secretary = await login('demo-secretary');
      const fileID = await upload(admin, randomBytes(64), 'admin.mp4');
      const response = await send({
        method: 'POST',
        url: '/api/lecture',
        headers: { authorization: secretary },
        payload: {
          action: 'create',
          data: {
            title: '借用的视频',
            speaker: '李红梅 书记',
            kind: 'micro_lecture',
            durationS: 30,
            video: fileID,
            summary: '不是自己上传的视频。',
            orgIds: ['org-branch-1'],
          },
        },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await send({ url: `/media/files/${fileID.slice(6)}/admin.mp4` })).statusCode).toBe(404);

      const link = await api<{ url: string }>(secretary, 'lecture', 'exportStats', {
        id: 'lecture-2',
        orgId: 'org-branch-1',
      });
      const exportId = /^\/files\/([0-9a-f]{32})\//.exec(link.url)?.[1];
      expect(exportId).toBeDefined();
      expect((await send({ url: link.url })).statusCode).toBe(200);
      expect((await send({ url: `/media/files/${exportId}/x.xlsx` })).statusCode).toBe(404);

      for (const id of ['zzz', '../../zhibu.sqlite', 'A'.repeat(32), '0'.repeat(32)])
        expect((await send({ url: `/media/files/${encodeURIComponent(id)}/x.mp4` })).statusCode).toBe(404);
    });

    it('uploads need a session', async () => {
      const response = await send({
        method: 'POST',
        url: '/api/upload',
        headers: { 'content-type': 'video/mp4' },
        payload: randomBytes(10),
      });
      expect(response.statusCode).toBe(401);
    });
  });
});
