import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.3, y],
    [x + 0.3, y + 0.3],
    [x, y],
  ],
];

/**
 * GET /api/map/boundaries/<code>.json through the real server: the deployment's files served
 * validated and normalised, an invalid file refused with its problem in Chinese, roles and the
 * prefecture's jurisdiction enforced.
 */
describe('map boundary files (real HTTP)', () => {
  let api: TestApi;
  let dir: string;
  let province: SignedInClient;
  let prefecture: SignedInClient;
  let operator: SignedInClient;

  const get = (file: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/api/map/boundaries/${file}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-boundaries-int-'));
    await writeFile(
      path.join(dir, '422800.json'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { adcode: 422801, name: '恩施市', extra: 'dropped' },
            geometry: { type: 'Polygon', coordinates: square(109.4, 30.2) },
          },
        ],
      }),
    );
    await writeFile(path.join(dir, '420100.json'), '{"type":"FeatureCollection","features":[');
    process.env.MAP_GEOJSON_DIR = dir;
    api = await startTestApi();
    province = await api.signIn('province');
    prefecture = await api.signIn('enshi-zhou');
    operator = await api.signIn('enshi-scjg');
  });

  afterAll(async () => {
    delete process.env.MAP_GEOJSON_DIR;
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a valid file normalised, cached with an ETag', async () => {
    const res = await get('422800.json', province.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(await res.json()).toEqual({
      type: 'FeatureCollection',
      code: '422800',
      features: [
        {
          type: 'Feature',
          properties: { code: '422801', name: '恩施市' },
          geometry: { type: 'Polygon', coordinates: square(109.4, 30.2) },
        },
      ],
    });
    const again = await get('422800.json', province.token, {
      'if-none-match': res.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
  });

  it('refuses an invalid file with its problem in Chinese; no file is 404', async () => {
    const invalid = await get('420100.json', province.token);
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^边界数据文件 420100\.json 无效：不是有效的 JSON/),
    });
    const absent = await get('420500.json', province.token);
    expect(absent.status).toBe(404);
    expect(((await absent.json()) as { code: string }).code).toBe('NOT_FOUND');
    const bad = await get('..%2F..%2Fetc%2Fpasswd', province.token);
    expect(bad.status).toBe(400);
  });

  it('lets a prefecture read only its own file, and no operator or stranger any', async () => {
    expect((await get('422800.json', prefecture.token)).status).toBe(200);
    expect((await get('420000.json', prefecture.token)).status).toBe(404);
    expect((await get('420100.json', prefecture.token)).status).toBe(404);
    expect((await get('422800.json', operator.token)).status).toBe(403);
    expect((await get('422800.json')).status).toBe(401);
  });
});
