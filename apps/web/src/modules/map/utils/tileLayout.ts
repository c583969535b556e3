import { HUBEI_BLOCKS, HUBEI_GRID, HUBEI_PROVINCE_CELL, type TileBlock } from './hubeiTileLayout';

export interface LayoutUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface Tile<U extends LayoutUnit = LayoutUnit> {
  unit: U;
  x: number;
  y: number;
  /** The block (prefecture-level unit or single unit) the tile belongs to. */
  blockCode: string;
}

export interface TileLayout<U extends LayoutUnit = LayoutUnit> {
  columns: number;
  rows: number;
  tiles: Tile<U>[];
  /** The blocks drawn, for their outlines. */
  blocks: TileBlock[];
  /** Units the layout has no place for (a division change the block list does not know). */
  unplaced: U[];
}

/** Tiles per row when one prefecture is shown on its own. */
export const DRILL_COLUMNS = 5;

const byCode = (a: LayoutUnit, b: LayoutUnit) => a.code.localeCompare(b.code);

/**
 * Places units on the grid: each block holds its unit first, then the units whose parent it
 * is, in code order, row by row. With `only` set to a prefecture's code, just that prefecture
 * and its units, in rows of DRILL_COLUMNS (the drill-down).
 */
export function tileLayout<U extends LayoutUnit>(
  units: readonly U[],
  options: {
    blocks?: readonly TileBlock[];
    provinceCell?: { code: string; x: number; y: number };
    grid?: { columns: number; rows: number };
    only?: string;
  } = {},
): TileLayout<U> {
  const allBlocks = options.blocks ?? HUBEI_BLOCKS;
  const provinceCell = options.provinceCell ?? HUBEI_PROVINCE_CELL;
  const grid = options.grid ?? HUBEI_GRID;
  const sorted = [...units].sort(byCode);
  const placed = new Set<string>();
  const tiles: Tile<U>[] = [];
  const membersOf = (code: string) =>
    sorted.filter((u) => u.code === code || u.parentCode === code);

  const only = options.only;
  if (only) {
    // One prefecture on its own: its units in rows of at most five (bigger tiles, no block).
    const members = membersOf(only);
    const columns = Math.max(1, Math.min(DRILL_COLUMNS, members.length));
    members.forEach((unit, i) => {
      tiles.push({ unit, x: i % columns, y: Math.floor(i / columns), blockCode: only });
    });
    return {
      columns,
      rows: Math.max(1, Math.ceil(members.length / columns)),
      tiles,
      blocks: [],
      unplaced: [],
    };
  }

  for (const block of allBlocks) {
    membersOf(block.code)
      .slice(0, block.width * block.height)
      .forEach((unit, i) => {
        placed.add(unit.code);
        tiles.push({
          unit,
          x: block.x + (i % block.width),
          y: block.y + Math.floor(i / block.width),
          blockCode: block.code,
        });
      });
  }
  const province = sorted.find((u) => u.code === provinceCell.code);
  if (province) {
    placed.add(province.code);
    tiles.push({ unit: province, x: provinceCell.x, y: provinceCell.y, blockCode: province.code });
  }
  return {
    columns: grid.columns,
    rows: grid.rows,
    tiles,
    blocks: [...allBlocks],
    unplaced: sorted.filter((u) => !placed.has(u.code)),
  };
}

/**
 * A tile's label: short enough for a cell (at most four characters where the name allows):
 * 恩施土家族苗族自治州 → 恩施州, 长阳土家族自治县 → 长阳县, 神农架林区 → 神农架.
 */
export function tileLabel(name: string): string {
  const autonomous = name.match(/^(.+?)(?:土家族|苗族|回族|蒙古族|藏族)+自治(州|县)$/);
  if (autonomous) return `${autonomous[1]}${autonomous[2]}`;
  if (name.length > 4 && name.endsWith('林区')) return name.slice(0, -2);
  return name;
}
