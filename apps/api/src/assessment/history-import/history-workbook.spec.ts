import ExcelJS from 'exceljs';
import { checkMapping, parseNumber, readHistorySheet, suggestMapping } from './history-workbook';

describe('history workbook', () => {
  it('finds the header row below a merged title and reads cells as text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('结果');
    sheet.addRow(['2022年度考核结果']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['单位名称', '总得分', '名次', '备注']);
    sheet.addRow([
      '江岸区',
      { formula: '40+45', result: 85 },
      2,
      { richText: [{ text: '台' }, { text: '账' }] },
    ]);
    sheet.addRow([]);
    sheet.addRow(['江汉区', 92, 1, null]);
    const { sheet: read, problems } = await readHistorySheet(
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(problems).toEqual([]);
    expect(read).toMatchObject({
      sheetName: '结果',
      headerRow: 2,
      headers: ['单位名称', '总得分', '名次', '备注'],
    });
    expect(read!.rows.map((r) => [r.row, ...r.cells.values()])).toEqual([
      [3, '江岸区', '85', '2', '台账'],
      [5, '江汉区', '92', '1', ''],
    ]);
  });

  it('reports an unreadable file with a stable code', async () => {
    const { sheet, problems } = await readHistorySheet(Buffer.from('not a workbook'));
    expect(sheet).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(['FILE_UNREADABLE']);
  });

  it('suggests a mapping from header words and checks one', () => {
    expect(
      suggestMapping([
        '序号',
        '单位名称',
        '指标得分',
        '考核指标',
        '名次',
        '等级',
        '完成率',
        '备注',
      ]),
    ).toEqual({
      unit: '单位名称',
      score: '指标得分',
      indicator: '考核指标',
      rank: '名次',
      grade: '等级',
      completion: '完成率',
      ledger: '备注',
    });
    expect(
      checkMapping({ unit: '单位', score: '单位', rank: '无此列' }, ['单位', '得分']).map(
        (p) => p.code,
      ),
    ).toEqual(['MAPPING_DUPLICATE_COLUMN', 'MAPPING_UNKNOWN_COLUMN']);
    expect(checkMapping({}, ['单位']).map((p) => p.code)).toEqual([
      'MAPPING_REQUIRED',
      'MAPPING_REQUIRED',
    ]);
  });

  it('parses numbers as written', () => {
    expect(parseNumber('85.5')).toEqual({ value: 85.5, percent: false });
    expect(parseNumber('９０％')).toEqual({ value: 90, percent: true });
    expect(parseNumber('1,234')).toEqual({ value: 1234, percent: false });
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});
