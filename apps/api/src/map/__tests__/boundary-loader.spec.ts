import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BoundaryLoader,
  boundaryConfigFromEnv,
  parseBoundaryFile,
  type BoundaryConfig,
} from '../boundary-loader';

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.5, y],
    [x + 0.5, y + 0.5],
    [x, y + 0.5],
    [x, y],
  ],
];

const feature = (properties: Record<string, unknown>, geometry: unknown = null) => ({
  type: 'Feature',
  properties,
  geometry: geometry ?? { type: 'Polygon', coordinates: square(109.5, 30.2) },
});

const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

const props = { codeProperty: 'adcode', nameProperty: 'name' };

describe('parseBoundaryFile', () => {
  it('keeps only the code, the name and the geometry; accepts numeric and 12-digit codes', () => {
    const parsed = parseBoundaryFile(
      '422800.json',
      '422800',
      collection(
        feature({ adcode: 422801, name: '恩施市', center: [1, 2] }),
        feature(
          { adcode: '422802000000', name: '利川市' },
          { type: 'MultiPolygon', coordinates: [square(108.9, 30.3), square(109, 30.1)] },
        ),
      ),
      props,
    );
    expect(parsed.features.map((f) => f.properties)).toEqual([
      { code: '422801', name: '恩施市' },
      { code: '422802', name: '利川市' },
    ]);
    expect(parsed.features[1].geometry.type).toBe('MultiPolygon');
  });

  it.each([
    ['not JSON', '{"type": "FeatureCollection", ', '不是有效的 JSON'],
    ['not a FeatureCollection', JSON.stringify({ type: 'Feature' }), 'FeatureCollection'],
    ['no features', collection(), '没有任何要素'],
    [
      'a feature without the code property',
      collection(feature({ adcode: 422801 }), feature({ name: '利川市' })),
      '第 2 个要素缺少区划代码属性（adcode）',
    ],
    ['a code that is not six digits', collection(feature({ adcode: '4228' })), '不是 6 位'],
    ['a code of another province', collection(feature({ adcode: 110101 })), '不属于 422800'],
    [
      'the same code twice',
      collection(feature({ adcode: 422801 }), feature({ adcode: '422801' })),
      '422801 出现了不止一次',
    ],
    [
      'a point geometry',
      collection(feature({ adcode: 422801 }, { type: 'Point', coordinates: [109, 30] })),
      'Polygon 或 MultiPolygon',
    ],
    [
      'projected (not longitude/latitude) coordinates',
      collection(
        feature(
          { adcode: 422801 },
          {
            type: 'Polygon',
            coordinates: [
              [
                [500000, 3300000],
                [500100, 3300000],
                [500100, 3300100],
                [500000, 3300000],
              ],
            ],
          },
        ),
      ),
      '经纬度',
    ],
  ])('rejects %s with a Chinese message naming the file', (_case, text, message) => {
    expect(() => parseBoundaryFile('422800.json', '422800', text, props)).toThrow(message);
    expect(() => parseBoundaryFile('422800.json', '422800', text, props)).toThrow(
      '边界数据文件 422800.json 无效',
    );
  });

  it('reads the code from the configured property', () => {
    const text = collection(feature({ GB: '422801', NAME: '恩施市' }));
    expect(() => parseBoundaryFile('422800.json', '422800', text, props)).toThrow('（adcode）');
    const parsed = parseBoundaryFile('422800.json', '422800', text, {
      codeProperty: 'GB',
      nameProperty: 'NAME',
    });
    expect(parsed.features[0].properties).toEqual({ code: '422801', name: '恩施市' });
  });
});

describe('BoundaryLoader', () => {
  let dir: string;
  let config: BoundaryConfig;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'boundaries-'));
    config = { dir, codeProperty: 'adcode', nameProperty: 'name' };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is off without MAP_GEOJSON_DIR, and then every division is absent', async () => {
    const off = boundaryConfigFromEnv({});
    expect(off).toEqual({ dir: null, codeProperty: 'adcode', nameProperty: 'name' });
    await expect(new BoundaryLoader(off).load('420000')).resolves.toEqual({ status: 'absent' });
    expect(
      boundaryConfigFromEnv({ MAP_GEOJSON_DIR: dir, MAP_GEOJSON_CODE_PROPERTY: 'GB' }),
    ).toMatchObject({ dir, codeProperty: 'GB' });
  });

  it('finds a valid file, reports an invalid one, and rereads a file that changed', async () => {
    const loader = new BoundaryLoader(config);
    await expect(loader.load('422800')).resolves.toEqual({ status: 'absent' });
    await expect(loader.load('../etc')).resolves.toEqual({ status: 'absent' });

    await writeFile(path.join(dir, '422800.json'), collection(feature({ name: '恩施市' })));
    const invalid = await loader.load('422800');
    expect(invalid).toEqual({
      status: 'invalid',
      message: expect.stringContaining('第 1 个要素缺少区划代码属性（adcode）'),
    });

    // A new modification time and size: read again.
    await writeFile(
      path.join(dir, '422800.json'),
      collection(feature({ adcode: 422801, name: '恩施市' }), feature({ adcode: 422802 })),
    );
    const found = await loader.load('422800');
    expect(found.status).toBe('found');
    if (found.status !== 'found') return;
    expect(found.collection.features.map((f) => f.properties.code)).toEqual(['422801', '422802']);
    expect(found.etag).toMatch(/^W\/"422800-/);
    await expect(loader.load('422800')).resolves.toBe(found);
  });
});
