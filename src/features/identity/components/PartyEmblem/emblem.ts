import { base64Ascii } from '@/utils/base64';

/**
 * A simplified hammer and sickle, drawn from scratch for this app (no image files): a crescent
 * blade with its grip, and a hammer whose outline is cut in the background colour where it
 * crosses the blade.
 */
export function emblemSvg(color: string, cutColor: string): string {
  const blade = 'M30.5 84.5 A41 41 0 1 1 99 70 A33 33 0 1 0 43 74 Z';
  const hammerHead = 'M50.5 32 L62 44 L39.5 65.5 L28 53.5 Z';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120">` +
    `<path d="${blade}" fill="${color}"/>` +
    `<line x1="35" y1="82" x2="22" y2="98" stroke="${color}" stroke-width="11" stroke-linecap="round"/>` +
    `<line x1="92" y1="100" x2="47" y2="53" stroke="${cutColor}" stroke-width="15" stroke-linecap="round"/>` +
    `<path d="${hammerHead}" fill="${color}" stroke="${cutColor}" stroke-width="4" stroke-linejoin="round"/>` +
    `<line x1="92" y1="100" x2="47" y2="53" stroke="${color}" stroke-width="10" stroke-linecap="round"/>` +
    `</svg>`
  );
}

export function emblemDataUri(color: string, cutColor: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(emblemSvg(color, cutColor))}`;
}
