// Draws the tab-bar icons (home, star for points, person) as small PNGs, in the muted and the primary colour.
// No image files from elsewhere: shapes are defined below and rasterised with 4x4 supersampling.
// Run: node config/generate-tabbar-icons.mjs  (writes src/assets/tabbar/*.png)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');
const COLORS = { normal: [0x8f, 0x95, 0x9e], active: [0xc8, 0x16, 0x1d] };

// Shapes in a 0..1 box. Each returns true when (x, y) is ink.
const inPoly = (pts, x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const distToSegment = (x, y, [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};
/** A five-pointed star (point up) around (cx, cy) with outer radius R and inner radius r. */
const starPoints = (cx, cy, R, r) =>
  Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rad = i % 2 ? r : R;
    return [cx + rad * Math.cos(a), cy + rad * Math.sin(a)];
  });
const STAR = starPoints(0.5, 0.54, 0.46, 0.21);

const shapes = {
  home: (x, y) => {
    const roof = inPoly(
      [
        [0.5, 0.1],
        [0.93, 0.47],
        [0.84, 0.47],
        [0.5, 0.2],
        [0.16, 0.47],
        [0.07, 0.47],
      ],
      x,
      y,
    );
    const body = inRoundRect(x, y, 0.2, 0.42, 0.8, 0.9, 0.06) && !inRoundRect(x, y, 0.28, 0.5, 0.72, 0.82, 0.03);
    const door = inRoundRect(x, y, 0.42, 0.6, 0.58, 0.9, 0.02);
    const cut =
      inPoly(
        [
          [0.5, 0.2],
          [0.84, 0.47],
          [0.16, 0.47],
        ],
        x,
        y,
      ) &&
      y > 0.42 &&
      y < 0.5;
    return roof || (body && !cut) || door;
  },
  // 积分: a star drawn as an outline of even width.
  points: (x, y) => {
    if (!inPoly(STAR, x, y)) return false;
    let d = Infinity;
    for (let i = 0; i < STAR.length; i++) d = Math.min(d, distToSegment(x, y, STAR[i], STAR[(i + 1) % STAR.length]));
    return d <= 0.075;
  },
  mine: (x, y) => {
    const head = inCircle(x, y, 0.5, 0.32, 0.19) && !inCircle(x, y, 0.5, 0.32, 0.11);
    const shoulders =
      y > 0.58 && y < 0.9 && inCircle(x, y, 0.5, 0.95, 0.4) && !(y < 0.82 && inCircle(x, y, 0.5, 0.95, 0.32));
    const base = inRoundRect(x, y, 0.1, 0.82, 0.9, 0.9, 0.04);
    return head || shoulders || base;
  },
};

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(shape, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (shape((px + (sx + 0.5) / 4) / SIZE, (py + (sy + 0.5) / 4) / SIZE)) hits++;
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(shapes)) {
  fs.writeFileSync(path.join(OUT, `${name}.png`), png(shape, COLORS.normal));
  fs.writeFileSync(path.join(OUT, `${name}-active.png`), png(shape, COLORS.active));
}
console.log('tab bar icons written to', OUT);
