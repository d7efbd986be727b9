import { distanceMetres } from './geo';

/** Haversine distances checked against known figures (mean Earth radius 6371.0088 km). */
describe('distanceMetres', () => {
  const cases: Array<[label: string, a: [number, number], b: [number, number], metres: number, within: number]> = [
    // One degree of arc on a sphere of the mean radius: 2πR / 360.
    ['1° of latitude', [0, 0], [1, 0], 111_195, 1],
    ['1° of latitude in Shanghai', [31, 121.47], [32, 121.47], 111_195, 1],
    ['1° of longitude on the equator', [0, 0], [0, 1], 111_195, 1],
    // On a parallel the arc shrinks with cos(latitude); the great circle is a hair shorter still.
    ['1° of longitude at 60° N', [60, 10], [60, 11], 55_597, 10],
    ['300 m north of People’s Square, Shanghai', [31.2304, 121.4737], [31.233098, 121.4737], 300, 1],
    ['about 300 m east in Shanghai', [31.2304, 121.4737], [31.2304, 121.476855], 300, 1],
    ['Shanghai People’s Square to the Bund', [31.2304, 121.4737], [31.24, 121.49], 1_882, 1],
    ['Beijing to Shanghai', [39.9042, 116.4074], [31.2304, 121.4737], 1_067_300, 100],
    ['across the antimeridian', [0, 179.5], [0, -179.5], 111_195, 1],
    ['across the antimeridian at 60° S', [-60, 179.9], [-60, -179.9], 11_120, 1],
    ['pole to pole', [90, 0], [-90, 0], Math.PI * 6_371_008.8, 1],
    ['antipodes on the equator', [0, 0], [0, 180], Math.PI * 6_371_008.8, 1],
  ];

  it.each(cases)('%s ≈ %d m', (_label, [lat1, lng1], [lat2, lng2], metres, within) => {
    const d = distanceMetres({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 });
    expect(Math.abs(d - metres)).toBeLessThanOrEqual(within);
  });

  it('is 0 between identical points', () => {
    expect(distanceMetres({ lat: 31.2304, lng: 121.4737 }, { lat: 31.2304, lng: 121.4737 })).toBe(0);
    expect(distanceMetres({ lat: 90, lng: 0 }, { lat: 90, lng: 120 })).toBeCloseTo(0, 6);
  });

  it('is symmetric', () => {
    const a = { lat: 31.2304, lng: 121.4737 };
    const b = { lat: 31.2412, lng: 121.4589 };
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 9);
  });

  it('tells a point just inside a 300 m radius from one just outside', () => {
    const place = { lat: 31.2304, lng: 121.4737 };
    // 1 m of latitude is 1 / 111195 of a degree.
    expect(distanceMetres(place, { lat: 31.2304 + 299 / 111_195, lng: 121.4737 })).toBeLessThan(300);
    expect(distanceMetres(place, { lat: 31.2304 + 301 / 111_195, lng: 121.4737 })).toBeGreaterThan(300);
  });
});
