import qrcode from 'qrcode-generator';
import { base64Ascii } from '@/utils/base64';

/** The QR code of `text` as a square matrix of dark (true) and light modules. */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/**
 * An SVG of the code: one path of unit squares, with a quiet zone of `margin` modules. Drawn as
 * an image so it works the same in WeChat (<Image> with a data URI) and in H5.
 */
export function qrSvg(text: string, dark: string, light: string, margin = 2): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + margin * 2;
  let path = '';
  matrix.forEach((row, y) =>
    row.forEach((isDark, x) => {
      if (isDark) path += `M${x + margin} ${y + margin}h1v1h-1z`;
    }),
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="${light}"/><path d="${path}" fill="${dark}"/></svg>`
  );
}

export const qrDataUri = (text: string, dark: string, light: string): string =>
  `data:image/svg+xml;base64,${base64Ascii(qrSvg(text, dark, light))}`;
