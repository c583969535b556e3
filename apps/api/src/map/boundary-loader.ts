import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Boundary data (行政区划边界) a deployment supplies for the map: one GeoJSON FeatureCollection
 * per division, `<division code>.json` in MAP_GEOJSON_DIR, whose features are the units
 * directly under that division (420000.json: the prefectures and the directly-administered
 * county-level units; 422800.json: 恩施州's counties), each carrying its GB/T 2260 code in the
 * property MAP_GEOJSON_CODE_PROPERTY (default `adcode`, the convention of the common exports).
 * Official boundaries carry a 审图号 and must come from the deployment (see the README); the
 * project ships none, and the map draws its schematic tiles when a file is absent or invalid.
 */
export interface BoundaryConfig {
  /** Directory of `<code>.json` files; null: no boundary data (tiles only). */
  dir: string | null;
  /** The feature property that holds the division code. */
  codeProperty: string;
  /** The feature property that holds the name (optional in the files). */
  nameProperty: string;
}

export function boundaryConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BoundaryConfig {
  const dir = env.MAP_GEOJSON_DIR?.trim();
  return {
    dir: dir ? path.resolve(dir) : null,
    codeProperty: env.MAP_GEOJSON_CODE_PROPERTY?.trim() || 'adcode',
    nameProperty: env.MAP_GEOJSON_NAME_PROPERTY?.trim() || 'name',
  };
}

type Position = [number, number];
type Ring = Position[];

/** A validated, normalised boundary feature: only the code, the name and the geometry. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string | null };
  geometry:
    { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  /** The division whose units the features are. */
  code: string;
  features: BoundaryFeature[];
}

/** Why a boundary file cannot be used; `message` is Chinese and names the file and the place. */
export class BoundaryFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`边界数据文件 ${file} 无效：${detail}`);
  }
}

/** GB/T 2260 code of a division: six digits (12-digit statistical codes are cut to six). */
const DIVISION_CODE = /^\d{6}$/;
/** Largest boundary file read (official county boundaries of a province are a few MB). */
export const MAX_BOUNDARY_FILE_BYTES = 50 * 1024 * 1024;

export function isDivisionCode(code: string): boolean {
  return DIVISION_CODE.test(code);
}

function normaliseCode(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value !== 'string') return null;
  const digits = value.trim();
  if (/^\d{12}$/.test(digits)) return digits.slice(0, 6);
  return DIVISION_CODE.test(digits) ? digits : null;
}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function ring(value: unknown): Ring | null {
  if (!Array.isArray(value) || value.length < 4 || !value.every(isPosition)) return null;
  return value.map((p: Position) => [p[0], p[1]]);
}

function polygon(value: unknown): Ring[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings = value.map(ring);
  return rings.every((r): r is Ring => r !== null) ? rings : null;
}

/**
 * Checks and normalises the text of `<code>.json`. Throws BoundaryFileError with the first
 * problem found (not JSON, not a FeatureCollection, a feature without a code or with a
 * geometry other than Polygon/MultiPolygon, the same code twice).
 */
export function parseBoundaryFile(
  file: string,
  code: string,
  text: string,
  config: Pick<BoundaryConfig, 'codeProperty' | 'nameProperty'>,
): BoundaryCollection {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BoundaryFileError(file, `不是有效的 JSON（${(error as Error).message}）。`);
  }
  const root = json as { type?: unknown; features?: unknown };
  if (!root || typeof root !== 'object' || root.type !== 'FeatureCollection') {
    throw new BoundaryFileError(file, '顶层须为 GeoJSON FeatureCollection。');
  }
  if (!Array.isArray(root.features) || root.features.length === 0) {
    throw new BoundaryFileError(file, '没有任何要素（features 为空）。');
  }
  const seen = new Set<string>();
  const features = root.features.map((raw: unknown, index): BoundaryFeature => {
    const where = `第 ${index + 1} 个要素`;
    const feature = raw as {
      type?: unknown;
      properties?: Record<string, unknown> | null;
      geometry?: { type?: unknown; coordinates?: unknown } | null;
    };
    if (!feature || feature.type !== 'Feature') {
      throw new BoundaryFileError(file, `${where}不是 GeoJSON Feature。`);
    }
    const featureCode = normaliseCode(feature.properties?.[config.codeProperty]);
    if (!featureCode) {
      throw new BoundaryFileError(
        file,
        `${where}缺少区划代码属性（${config.codeProperty}），或其值不是 6 位行政区划代码。`,
      );
    }
    if (featureCode !== code && featureCode.slice(0, 2) !== code.slice(0, 2)) {
      throw new BoundaryFileError(file, `${where}的区划代码 ${featureCode} 不属于 ${code}。`);
    }
    if (seen.has(featureCode)) {
      throw new BoundaryFileError(file, `区划代码 ${featureCode} 出现了不止一次。`);
    }
    seen.add(featureCode);
    const geometry = feature.geometry;
    let normalised: BoundaryFeature['geometry'] | null = null;
    if (geometry?.type === 'Polygon') {
      const rings = polygon(geometry.coordinates);
      normalised = rings && { type: 'Polygon', coordinates: rings };
    } else if (geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
      const polygons = geometry.coordinates.map(polygon);
      normalised =
        polygons.length > 0 && polygons.every((p): p is Ring[] => p !== null)
          ? { type: 'MultiPolygon', coordinates: polygons }
          : null;
    }
    if (!normalised) {
      throw new BoundaryFileError(
        file,
        `${where}（${featureCode}）的几何须为 Polygon 或 MultiPolygon，坐标为经纬度（WGS 84 或 CGCS2000）。`,
      );
    }
    const name = feature.properties?.[config.nameProperty];
    return {
      type: 'Feature',
      properties: { code: featureCode, name: typeof name === 'string' ? name : null },
      geometry: normalised,
    };
  });
  return { type: 'FeatureCollection', code, features };
}

export type BoundaryLookup =
  | { status: 'found'; collection: BoundaryCollection; etag: string }
  | { status: 'absent' }
  | { status: 'invalid'; message: string };

/**
 * Reads `<code>.json` from the configured directory, validated once and kept in memory until
 * the file changes (size or modification time). No directory or no file: `absent`.
 */
export class BoundaryLoader {
  private readonly cache = new Map<string, { stamp: string; result: BoundaryLookup }>();

  constructor(private readonly config: BoundaryConfig) {}

  get enabled(): boolean {
    return this.config.dir !== null;
  }

  async load(code: string): Promise<BoundaryLookup> {
    if (!this.config.dir || !isDivisionCode(code)) return { status: 'absent' };
    const file = `${code}.json`;
    const fullPath = path.join(this.config.dir, file);
    let info;
    try {
      info = await stat(fullPath);
    } catch {
      return { status: 'absent' };
    }
    if (!info.isFile()) return { status: 'absent' };
    const stamp = `${info.size}-${info.mtimeMs}`;
    const cached = this.cache.get(code);
    if (cached?.stamp === stamp) return cached.result;
    let result: BoundaryLookup;
    if (info.size > MAX_BOUNDARY_FILE_BYTES) {
      result = {
        status: 'invalid',
        message: new BoundaryFileError(
          file,
          `文件超过 ${MAX_BOUNDARY_FILE_BYTES / 1024 / 1024} MB。`,
        ).message,
      };
    } else {
      try {
        const collection = parseBoundaryFile(
          file,
          code,
          await readFile(fullPath, 'utf8'),
          this.config,
        );
        result = { status: 'found', collection, etag: `W/"${code}-${stamp}"` };
      } catch (error) {
        if (!(error instanceof BoundaryFileError)) throw error;
        result = { status: 'invalid', message: error.message };
      }
    }
    this.cache.set(code, { stamp, result });
    return result;
  }
}
