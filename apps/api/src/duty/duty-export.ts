import { formatCsvField } from '@duty/api/evidence-pack';
import type { ActorType, AdminLevel, DutyKind, Modality } from '@duty/regulation/duties';
import { neutraliseFormula } from '@duty/shared/spreadsheet-text';
import ExcelJS from 'exceljs';
import type { ReviewState } from './duty.types';

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
 * Chinese names of the coded values, for the files people open (CSV, XLSX; issue 17): the
 * reviewer's words from the register page, not the database's. Every code has its own name, so
 * nothing is lost; the JSON export keeps the codes for scripts. No import reads these files
 * back (regulations are imported from their text, reviews are made on the register page).
 */
export const VALUE_LABELS_ZH = {
  actor_type: {
    government: '人民政府',
    department: '政府部门',
    congress: '人大及其常委会',
    judicial: '司法、监察机关',
    enterprise: '企业',
    association: '行业协会、社会团体',
    third_party: '第三方机构',
    media: '新闻媒体',
    public: '公民、法人和其他组织',
    none: '无履职主体',
  } satisfies Record<ActorType, string>,
  levels: {
    national: '国家',
    province: '省级',
    prefecture: '市州',
    county: '县级',
  } satisfies Record<AdminLevel, string>,
  modality: {
    mandatory: '义务性',
    declarative: '宣示性',
    encouraged: '倡导性',
    discretionary: '授权性',
  } satisfies Record<Modality, string>,
  review_state: { extracted: '待审核', reviewed: '已审核' } satisfies Record<ReviewState, string>,
  kind: {
    implementation: '履职事项',
    enforcement: '执法处罚',
    prohibition: '禁止性规定',
    definition: '用语定义',
    purpose: '立法目的',
    scope: '适用范围',
    effective_date: '施行日期',
    liability: '法律责任',
    other: '其他',
  } satisfies Record<DutyKind, string>,
} satisfies Partial<Record<(typeof EXPORT_COLUMNS)[number], Record<string, string>>>;

/** A code in its Chinese name; an unknown code (a newer extractor) is shown as it is. */
function label(column: (typeof EXPORT_COLUMNS)[number], code: string): string {
  const names = (VALUE_LABELS_ZH as Partial<Record<string, Record<string, string>>>)[column];
  return names?.[code] ?? code;
}

/**
 * One cell of a file for people (CSV, XLSX): coded values in Chinese, lists joined with `;`,
 * yes/no as 是/否. Text comes from the regulation and from reviewers, and a spreadsheet runs a
 * cell starting with `= + - @`, TAB or CR as a formula: every text cell is neutralised with the
 * rule all exports share (a leading apostrophe); numbers are written as they are.
 */
function cellValue(row: DutyExportRow, column: (typeof EXPORT_COLUMNS)[number]): string | number {
  const value = row[column];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = Array.isArray(value)
    ? value.map((v) => label(column, v)).join(';')
    : label(column, value);
  return neutraliseFormula(text);
}

/**
 * UTF-8 with BOM (so Excel opens Chinese correctly), CRLF line ends, the Chinese column names
 * and values (issue 17; the JSON export keeps the machine names of EXPORT_COLUMNS, in the same
 * order, and the codes).
 */
export function toCsv(rows: DutyExportRow[]): Buffer {
  const lines = [EXPORT_COLUMNS.map((c) => HEADERS_ZH[c]).join(',')];
  for (const row of rows) {
    lines.push(EXPORT_COLUMNS.map((c) => formatCsvField(String(cellValue(row, c)))).join(','));
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
 * A workbook for people: one filterable sheet with the Chinese column names and values, a
 * frozen header row, sensible widths, wrapped long text.
 */
export async function toXlsx(rows: DutyExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duty-tracker';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('职责清单', {
    views: [{ state: 'frozen', ySplit: 1 }],
    properties: { defaultRowHeight: 18 },
  });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] ?? 10 }));
  const header = sheet.addRow(EXPORT_COLUMNS.map((c) => HEADERS_ZH[c]));
  header.font = { bold: true };
  for (const row of rows) {
    // Text cells get the same formula rule as the CSV: a person re-entering one would run it.
    const added = sheet.addRow(EXPORT_COLUMNS.map((c) => cellValue(row, c)));
    added.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
