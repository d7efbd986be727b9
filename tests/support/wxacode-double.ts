import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

/**
 * A test double of WeChat's wxacode.getUnlimited (reached through cloud.openapi, which cannot be
 * reached here): it checks `scene` and `page` as WeChat documents them (scene: at most 32 visible
 * characters of digits, letters and !#$&'()*+,/:;=?@-._~; page: an existing path without a leading
 * slash or query) and answers a real PNG that carries the scene in a tEXt chunk, so that a test
 * can read back what the code would hold.
 */
export class WxacodeDouble {
  readonly requests: Array<{ scene: string; page: string }> = [];
  failing = false;

  constructor(private readonly pages: readonly string[]) {}

  readonly make = async ({ scene, page }: { scene: string; page: string }): Promise<Buffer> => {
    this.requests.push({ scene, page });
    if (this.failing) throw new Error('wxacode.getUnlimited failed: -1 system error');
    if (!/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/.test(scene))
      throw new Error(`wxacode.getUnlimited failed: 40129 invalid scene ${scene}`);
    if (page.startsWith('/') || page.includes('?') || !this.pages.includes(page))
      throw new Error(`wxacode.getUnlimited failed: 41030 invalid page ${page}`);
    return pngWithText('scene', scene);
  };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 grey PNG with a tEXt chunk `key` = `text`. */
export function pngWithText(key: string, text: string): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`${key}\0${text}`, 'latin1')),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The tEXt value `key` of a PNG, or null (what a code made by the double holds). */
export function textOfPng(png: Buffer, key: string): string | null {
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'tEXt') {
      const [name, value] = png.toString('latin1', offset + 8, offset + 8 + length).split('\0');
      if (name === key) return value;
    }
    offset += 12 + length;
  }
  return null;
}
