import { qrMatrix, qrSvg } from './qr';

describe('qr', () => {
  it('draws the three finder patterns of a QR code', () => {
    const matrix = qrMatrix('https://zhibu.example.com/checkin?t=act-demo-now.179539920.TSkqQfrkDadt0jpPycGH-c');
    const size = matrix.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0);
    for (const [row, col] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ]) {
      // A finder: a dark 7×7 ring around a light ring around a dark 3×3 centre.
      expect(matrix[row][col]).toBe(true);
      expect(matrix[row + 1][col + 1]).toBe(false);
      expect(matrix[row + 3][col + 3]).toBe(true);
      expect(matrix[row + 6][col + 6]).toBe(true);
    }
  });

  it('longer text needs a bigger code, and the SVG has one square per dark module', () => {
    expect(qrMatrix('x'.repeat(120)).length).toBeGreaterThan(qrMatrix('x').length);
    const matrix = qrMatrix('支部通');
    const dark = matrix.flat().filter(Boolean).length;
    expect(qrSvg('支部通', '#000', '#fff').match(/h1v1h-1z/g)).toHaveLength(dark);
  });
});
