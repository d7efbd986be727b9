import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createReadStream, existsSync } from 'node:fs';
import type { LocalFiles } from './files';

const TYPES: Record<string, string> = { mp4: 'video/mp4', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
const typeOf = (name: string) => TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → the inclusive byte span, or 'unsatisfiable'; null without a range. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (!match[1] && !match[2])) return null;
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * Lecture media on the local host, served with HTTP range requests so that a player can seek:
 * the demo videos and covers under `/media/demo/`, and uploads shared as media under
 * `/media/files/<id>/<name>` (the cloud serves fileIDs itself).
 */
export async function registerMedia(app: FastifyInstance, files: LocalFiles, demoDir: string | null): Promise<void> {
  if (demoDir && existsSync(demoDir))
    await app.register(async (scope) => {
      // The host answers client errors 400; a range past the end must stay 416 with its
      // `content-range: bytes */size`, or a player probing the end of a file gives up.
      scope.setErrorHandler((error: { statusCode?: number; headers?: Record<string, string> }, _request, reply) => {
        if (error.statusCode !== 416) throw error;
        return reply
          .code(416)
          .headers(error.headers ?? {})
          .send();
      });
      await scope.register(fastifyStatic, {
        root: demoDir,
        prefix: '/media/demo/',
        decorateReply: false,
        allowedPath: (path) => /^\/[\w-]+\.(mp4|jpg)$/.test(path),
        maxAge: 3600_000,
      });
    });

  app.get<{ Params: { id: string; name: string } }>('/media/files/:id/:name', async (request, reply) => {
    const media = await files.media(request.params.id);
    if (!media) return reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } });
    const { size } = media.doc;
    reply.header('accept-ranges', 'bytes').header('content-type', typeOf(media.doc.name));
    reply.header('cache-control', 'private, max-age=3600');
    const range = parseRange(request.headers.range, size);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
    if (!range) return reply.header('content-length', size).send(createReadStream(media.path));
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1)
      .send(createReadStream(media.path, { start: range.start, end: range.end }));
  });
}
