import ExcelJS from 'exceljs';

/** What each field of the import is read from: a column's header text as it stands in the sheet. */
export interface ColumnMapping {
  unit: string;
  score: string;
  indicator?: string;
  rank?: string;
  grade?: string;
  completion?: string;
  ledger?: string;
}

export const MAPPING_FIELDS = [
  'unit',
  'indicator',
  'score',
  'rank',
  'grade',
  'completion',
  'ledger',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/** Column names of the fields, as problems name them. */
export const FIELD_ZH: Record<MappingField, string> = {
  unit: '单位',
  indicator: '指标',
  score: '得分',
  rank: '排名',
  grade: '等次',
  completion: '完成率',
  ledger: '台账',
};

/** Header words that suggest a field (the first field whose words a header contains wins). */
const HEADER_HINTS: Array<[MappingField, RegExp]> = [
  ['completion', /完成率|完成情况|完成比例/],
  ['rank', /排名|名次|位次/],
  ['grade', /等次|等级|评定/],
  ['score', /得分|分数|总分|成绩|评分/],
  ['indicator', /指标|考核项目|考核内容|项目/],
  ['ledger', /台账|备注|说明|佐证/],
  ['unit', /单位|地区|县市区|市州|区县|被考核/],
];

/** A problem with the file or one of its rows; `code` is stable, `message` is for people. */
export interface ImportProblem {
  /** Sheet row as Excel shows it; 0: the file or the request as a whole. */
  row: number;
  column?: string;
  code: string;
  message: string;
  /** The cell as read (unit names, bad numbers). */
  value?: string;
  /** Near misses for an unknown unit, best first. */
  suggestions?: Array<{ code: string; name: string }>;
}

/** A data row of the sheet as text cells by header. */
export interface SheetRow {
  row: number;
  cells: Map<string, string>;
}

export interface ReadSheet {
  sheetName: string;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

/**
 * Reads the first worksheet (or the named one) of a workbook: the header row is the first of
 * the top 20 rows with at least two non-empty cells (a merged title above it is skipped); every
 * later row with any non-empty cell is a data row. Cells are read as text (formula results,
 * rich text and hyperlinks by their text).
 */
export async function readHistorySheet(
  body: Buffer,
  sheetName?: string,
): Promise<{ sheet: ReadSheet | null; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    return {
      sheet: null,
      problems: [
        { row: 0, code: 'FILE_UNREADABLE', message: '无法读取该文件：请上传 .xlsx 格式的工作簿。' },
      ],
    };
  }
  const worksheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!worksheet) {
    return {
      sheet: null,
      problems: [
        {
          row: 0,
          code: 'SHEET_NOT_FOUND',
          message: sheetName ? `未找到工作表“${sheetName}”。` : '工作簿中没有工作表。',
        },
      ],
    };
  }
  let headerRow = 0;
  for (let r = 1; r <= Math.min(20, worksheet.rowCount); r++) {
    const filled = rowTexts(worksheet.getRow(r)).filter((t) => t !== '').length;
    if (filled >= 2) {
      headerRow = r;
      break;
    }
  }
  if (!headerRow) {
    return {
      sheet: null,
      problems: [
        {
          row: 0,
          code: 'HEADER_NOT_FOUND',
          message: '前 20 行中未找到表头（至少两列有列名的一行）。',
        },
      ],
    };
  }
  const headerTexts = rowTexts(worksheet.getRow(headerRow));
  const headers: string[] = [];
  const columns: Array<{ index: number; header: string }> = [];
  const problems: ImportProblem[] = [];
  headerTexts.forEach((text, i) => {
    if (!text) return;
    if (headers.includes(text)) {
      problems.push({
        row: headerRow,
        column: text,
        code: 'HEADER_DUPLICATE',
        message: `表头“${text}”出现了多次，请改为不同的列名。`,
      });
      return;
    }
    headers.push(text);
    columns.push({ index: i + 1, header: text });
  });
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= worksheet.rowCount; r++) {
    const excelRow = worksheet.getRow(r);
    const cells = new Map<string, string>();
    for (const c of columns) cells.set(c.header, cellText(excelRow.getCell(c.index).value));
    if ([...cells.values()].some((v) => v !== '')) rows.push({ row: r, cells });
  }
  return { sheet: { sheetName: worksheet.name, headerRow, headers, rows }, problems };
}

/** A mapping guessed from the headers: each field takes the first header whose words match. */
export function suggestMapping(headers: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    for (const [field, hint] of HEADER_HINTS) {
      if (!mapping[field] && !taken.has(header) && hint.test(header)) {
        mapping[field] = header;
        taken.add(header);
      }
    }
  }
  return mapping;
}

/** Problems with a mapping against the sheet's headers (required fields, unknown or reused columns). */
export function checkMapping(mapping: Partial<ColumnMapping>, headers: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const used = new Map<string, MappingField>();
  for (const field of MAPPING_FIELDS) {
    const header = mapping[field];
    if (!header) {
      if (field === 'unit' || field === 'score') {
        problems.push({
          row: 0,
          column: FIELD_ZH[field],
          code: 'MAPPING_REQUIRED',
          message: `请指定哪一列是“${FIELD_ZH[field]}”。`,
        });
      }
      continue;
    }
    if (!headers.includes(header)) {
      problems.push({
        row: 0,
        column: FIELD_ZH[field],
        code: 'MAPPING_UNKNOWN_COLUMN',
        message: `“${FIELD_ZH[field]}”对应的列“${header}”不在表头中。`,
        value: header,
      });
    } else if (used.has(header)) {
      problems.push({
        row: 0,
        column: FIELD_ZH[field],
        code: 'MAPPING_DUPLICATE_COLUMN',
        message: `列“${header}”不能同时作为“${FIELD_ZH[used.get(header)!]}”和“${FIELD_ZH[field]}”。`,
        value: header,
      });
    } else used.set(header, field);
  }
  return problems;
}

/** A number as written in a cell: digits with an optional sign, decimals and a trailing %. */
export function parseNumber(text: string): { value: number; percent: boolean } | null {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '');
  const m = /^([+-]?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  return { value: Number(m[1]), percent: m[2] === '%' };
}

/** The row's cells as text; the cells a merge covers (not its first) count as empty. */
function rowTexts(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) {
    const cell = row.getCell(c);
    out.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell.value));
  }
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).trim();
}
