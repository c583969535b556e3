/**
 * Draws boundary GeoJSON as SVG paths with an equirectangular projection whose x is scaled by
 * the cosine of the middle latitude (so a province at ~31° N keeps its shape), fitted into a
 * box with a margin. Good enough for a province-sized thematic map; no map library needed.
 */
export type Position = [number, number];
export type Ring = Position[];

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string | null };
  geometry:
    { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  code: string;
  features: BoundaryFeature[];
}

export interface ProjectedFeature {
  code: string;
  name: string | null;
  /** SVG path data. */
  d: string;
  /** Where to put the label: the centre of the feature's largest ring's bounding box. */
  labelAt: [number, number];
}

function polygonsOf(feature: BoundaryFeature): Ring[][] {
  return feature.geometry.type === 'Polygon'
    ? [feature.geometry.coordinates]
    : feature.geometry.coordinates;
}

export function projectFeatures(
  collection: BoundaryCollection,
  width: number,
  height: number,
  margin = 8,
): ProjectedFeature[] {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const feature of collection.features) {
    for (const polygon of polygonsOf(feature)) {
      for (const [lon, lat] of polygon[0] ?? []) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  if (!Number.isFinite(minLon)) return [];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = ([lon, lat]: Position): [number, number] => [
    offsetX + (lon - minLon) * k * scale,
    offsetY + (maxLat - lat) * scale,
  ];
  const fmt = (n: number) => Math.round(n * 10) / 10;

  return collection.features.map((feature) => {
    let d = '';
    let largest: { area: number; box: [number, number, number, number] } | null = null;
    for (const polygon of polygonsOf(feature)) {
      polygon.forEach((ring, ringIndex) => {
        const points = ring.map(project);
        d += `M${points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join('L')}Z`;
        if (ringIndex !== 0) return;
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const box: [number, number, number, number] = [
          Math.min(...xs),
          Math.min(...ys),
          Math.max(...xs),
          Math.max(...ys),
        ];
        const area = (box[2] - box[0]) * (box[3] - box[1]);
        if (!largest || area > largest.area) largest = { area, box };
      });
    }
    const box = (largest as { box: [number, number, number, number] } | null)?.box ?? [0, 0, 0, 0];
    return {
      code: feature.properties.code,
      name: feature.properties.name,
      d,
      labelAt: [fmt((box[0] + box[2]) / 2), fmt((box[1] + box[3]) / 2)],
    };
  });
}
