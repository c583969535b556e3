import { projectFeatures, type BoundaryCollection } from './projection';

const square = (lon: number, lat: number, size: number) => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ] as [number, number][],
];

describe('projectFeatures', () => {
  const collection: BoundaryCollection = {
    type: 'FeatureCollection',
    code: '420000',
    features: [
      {
        type: 'Feature',
        properties: { code: '420300', name: '十堰市' },
        geometry: { type: 'Polygon', coordinates: square(110, 32, 1) },
      },
      {
        type: 'Feature',
        properties: { code: '421100', name: '黄冈市' },
        geometry: { type: 'MultiPolygon', coordinates: [square(115, 30, 1), square(116, 31, 0.2)] },
      },
    ],
  };

  it('fits the features into the box, north up and west left', () => {
    const [shiyan, huanggang] = projectFeatures(collection, 600, 400, 10);
    expect(shiyan.code).toBe('420300');
    expect(shiyan.d.startsWith('M')).toBe(true);
    expect(huanggang.d.match(/M/g)).toHaveLength(2);
    // 十堰 is north-west of 黄冈.
    expect(shiyan.labelAt[0]).toBeLessThan(huanggang.labelAt[0]);
    expect(shiyan.labelAt[1]).toBeLessThan(huanggang.labelAt[1]);
    const numbers = [shiyan, huanggang].flatMap((f) => f.d.match(/-?\d+(\.\d+)?/g)!.map(Number));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(9.9);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(590.1);
  });

  it('shrinks east–west distances by the cosine of the latitude', () => {
    const one = projectFeatures(
      {
        ...collection,
        features: [
          {
            ...collection.features[0],
            geometry: { type: 'Polygon', coordinates: square(110, 60, 1) },
          },
        ],
      },
      1000,
      1000,
      0,
    )[0];
    const xs = one.d.match(/M([\d.]+),[\d.]+L([\d.]+)/)!;
    const width = Number(xs[2]) - Number(xs[1]);
    // At 60.5° N one degree of longitude is about half a degree of latitude.
    expect(width / 1000).toBeCloseTo(Math.cos((60.5 * Math.PI) / 180), 1);
  });

  it('draws nothing for an empty collection', () => {
    expect(projectFeatures({ ...collection, features: [] }, 100, 100)).toEqual([]);
  });
});
