import { formatCsvField } from '@duty/api/evidence-pack';
import { neutraliseFormula } from '@duty/shared/spreadsheet-text';
import ExcelJS from 'exceljs';

/**
 * One row of the duty register export. The first ten columns are a fixed contract; new columns
 * are only ever appended.
 */
export interface DutyExportRow {
  article: number;
  paragraph: number;
  item: number | null;
  chapter: number;
  actor_type: string;
  levels: string[];
  modality: string;
  departments: string[];
  subject: string;
  text: string;
  actor_text: string;
  lead_department: string | null;
  assisting_departments: string[];
  tracked: boolean;
  review_state: string;
  article_title: string | null;
  chapter_title: string;
  duty_id: string;
  lineage_id: string;
  /** implementation, enforcement, prohibition, definition, purpose, scope, effective_date, liability, other. */
  kind: string;
  /** The actor was inferred from another article and awaits a reviewer's confirmation. */
  needs_review: boolean;
}

export const EXPORT_COLUMNS = [
  'article',
  'paragraph',
  'item',
  'chapter',
  'actor_type',
  'levels',
  'modality',
  'departments',
  'subject',
  'text',
  'actor_text',
  'lead_department',
  'assisting_departments',
  'tracked',
  'review_state',
  'article_title',
  'chapter_title',
  'duty_id',
  'lineage_id',
  'kind',
  'needs_review',
] as const satisfies ReadonlyArray<keyof DutyExportRow>;

export type ExportFormat = 'csv' | 'json' | 'xlsx';

/**
 * One CSV cell. Text comes from the regulation and from reviewers, and a spreadsheet runs a
 * cell starting with `= + - @`, TAB or CR as a formula: every text cell is neutralised with the
 * rule all exports share (a leading apostrophe); numbers and booleans are written as they are.
 */
function cell(row: DutyExportRow, column: (typeof EXPORT_COLUMNS)[number]): string {
  const value = row[column];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return neutraliseFormula(Array.isArray(value) ? value.join(';') : value);
}

/**
 * UTF-8 with BOM (so Excel opens Chinese correctly), CRLF line ends, the Chinese column names
 * (issue 17; the JSON export keeps the machine names of EXPORT_COLUMNS, in the same order).
 */
export function toCsv(rows: DutyExportRow[]): Buffer {
  const lines = [EXPORT_COLUMNS.map((c) => HEADERS_ZH[c]).join(',')];
  for (const row of rows) {
    lines.push(EXPORT_COLUMNS.map((c) => formatCsvField(cell(row, c))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function toJson(rows: DutyExportRow[]): Buffer {
  return Buffer.from(`${JSON.stringify(rows, null, 2)}\n`, 'utf8');
}

export const HEADERS_ZH: Record<(typeof EXPORT_COLUMNS)[number], string> = {
  article: '条',
  paragraph: '款',
  item: '项',
  chapter: '章',
  actor_type: '主体类型',
  levels: '适用层级',
  modality: '规范性质',
  departments: '责任部门',
  subject: '职责事项',
  text: '条文原文',
  actor_text: '履职主体',
  lead_department: '牵头部门',
  assisting_departments: '配合部门',
  tracked: '纳入跟踪',
  review_state: '审核状态',
  article_title: '条文主旨',
  chapter_title: '章名',
  duty_id: '职责ID',
  lineage_id: '职责谱系ID',
  kind: '条文性质',
  needs_review: '待确认主体',
};

const WIDTHS: Partial<Record<(typeof EXPORT_COLUMNS)[number], number>> = {
  subject: 50,
  text: 80,
  actor_text: 30,
  departments: 24,
  assisting_departments: 24,
  levels: 22,
  article_title: 18,
  chapter_title: 12,
  duty_id: 38,
  lineage_id: 38,
};

/**
 * A workbook for people: one filterable sheet with Chinese headers over the machine column
 * names, frozen header rows, sensible widths, wrapped long text.
 */
export async function toXlsx(rows: DutyExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duty-tracker';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('职责清单', {
    views: [{ state: 'frozen', ySplit: 2 }],
    properties: { defaultRowHeight: 18 },
  });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] ?? 10 }));
  const zh = sheet.addRow(EXPORT_COLUMNS.map((c) => HEADERS_ZH[c]));
  const machine = sheet.addRow([...EXPORT_COLUMNS]);
  zh.font = { bold: true };
  machine.font = { italic: true, color: { argb: 'FF666666' } };
  for (const row of rows) {
    const added = sheet.addRow(
      EXPORT_COLUMNS.map((c) => {
        const value = row[c];
        // Text cells get the same formula rule as the CSV: a person re-entering one would run it.
        if (Array.isArray(value)) return neutraliseFormula(value.join(';'));
        if (typeof value === 'boolean') return value ? '是' : '否';
        return typeof value === 'string' ? neutraliseFormula(value) : (value ?? '');
      }),
    );
    added.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: EXPORT_COLUMNS.length } };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
