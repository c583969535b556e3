import { neutraliseFormula, restoreFormula } from '@duty/shared/spreadsheet-text';
import ExcelJS from 'exceljs';
import { TaskStatus, TASK_STATUS_ZH } from './task-workflow';

/** One task row of the workbook a unit downloads, fills in offline and uploads back. */
export interface TaskSheetRow {
  id: string;
  rowVersion: number;
  article: number;
  subject: string;
  unitName: string;
  leadDepartment: string;
  dueDate: string;
  status: TaskStatus;
  progressNote: string;
  measures: string;
}

export interface ParsedSheetRow {
  /** Row number in the sheet as Excel shows it. */
  row: number;
  taskId: string;
  expectedRowVersion: number;
  status: TaskStatus;
  progressNote: string;
  measures: string;
}

export interface SheetProblem {
  row: number;
  column?: string;
  message: string;
}

const COLUMNS = [
  { key: 'id', header: '任务编号（勿改）', width: 38, hidden: true },
  { key: 'rowVersion', header: '版本号（勿改）', width: 8, hidden: true },
  { key: 'article', header: '条', width: 6 },
  { key: 'subject', header: '职责事项', width: 50 },
  { key: 'unitName', header: '单位', width: 14 },
  { key: 'leadDepartment', header: '牵头部门', width: 24 },
  { key: 'dueDate', header: '截止日期', width: 12 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'progressNote', header: '进展情况', width: 60 },
  { key: 'measures', header: '工作举措', width: 60 },
] as const;

/** Workbooks downloaded before issue 17 named the hidden columns in English; still accepted. */
const LEGACY_HEADER = COLUMNS.map((c) =>
  c.key === 'id' ? 'id' : c.key === 'rowVersion' ? 'version' : c.header,
);

const STATUS_BY_NAME = new Map<string, TaskStatus>(
  Object.values(TaskStatus).flatMap((s) => [
    [TASK_STATUS_ZH[s], s],
    [s, s],
  ]),
);
const EDITABLE_STATUSES = [
  TaskStatus.NOT_STARTED,
  TaskStatus.IN_PROGRESS,
  TaskStatus.SUBMITTED,
].map((s) => TASK_STATUS_ZH[s]);
const SHEET = '任务清单';
/** How a problem with the hidden id/version columns names its column. */
const HIDDEN_ID_COLUMN = '任务编号（隐藏列）';
/** Longest 进展情况 / 工作举措 (as the task rules allow). */
const MAX_TEXT = 10_000;

/** The workbook: hidden id/version columns, a status drop-down, frozen header, editable columns unlocked. */
export async function writeTaskWorkbook(rows: TaskSheetRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duty-tracker';
  workbook.title = title;
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    hidden: 'hidden' in c,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Text typed by people goes through the export-wide formula rule (undone on upload, below).
    const added = sheet.addRow({
      ...row,
      subject: neutraliseFormula(row.subject),
      unitName: neutraliseFormula(row.unitName),
      leadDepartment: neutraliseFormula(row.leadDepartment),
      progressNote: neutraliseFormula(row.progressNote),
      measures: neutraliseFormula(row.measures),
      status: TASK_STATUS_ZH[row.status],
    });
    added.alignment = { vertical: 'top', wrapText: true };
  }
  const statusColumn = COLUMNS.findIndex((c) => c.key === 'status') + 1;
  for (let r = 2; r <= rows.length + 1; r++) {
    sheet.getCell(r, statusColumn).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${EDITABLE_STATUSES.join(',')}"`],
      showErrorMessage: true,
      error: `请选择：${EDITABLE_STATUSES.join('、')}`,
    };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads an uploaded workbook back; every problem is reported with its row number, nothing is guessed. */
export async function readTaskWorkbook(
  body: Buffer,
): Promise<{ rows: ParsedSheetRow[]; problems: SheetProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      problems: [{ row: 0, message: '无法读取该文件：请上传从本系统下载的 .xlsx 任务清单。' }],
    };
  }
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet)
    return {
      rows: [],
      problems: [{ row: 0, message: `未找到工作表“${SHEET}”：请上传从本系统下载的任务清单。` }],
    };
  const header = COLUMNS.map((_, i) => String(sheet.getRow(1).getCell(i + 1).value ?? ''));
  if (
    ![COLUMNS.map((c) => c.header), LEGACY_HEADER].some((h) => h.join('|') === header.join('|'))
  ) {
    return {
      rows: [],
      problems: [{ row: 1, message: '表头与下载的任务清单不一致，请勿增删或移动列。' }],
    };
  }
  const rows: ParsedSheetRow[] = [];
  const problems: SheetProblem[] = [];
  const seen = new Set<string>();
  sheet.eachRow((excelRow, number) => {
    if (number === 1) return;
    const cell = (key: (typeof COLUMNS)[number]['key']) => {
      const value = excelRow.getCell(COLUMNS.findIndex((c) => c.key === key) + 1).value;
      if (value === null || value === undefined) return '';
      if (typeof value === 'object' && 'richText' in value)
        return value.richText.map((t) => t.text).join('');
      if (typeof value === 'object' && 'text' in value) return String(value.text);
      return String(value);
    };
    const id = cell('id').trim();
    const version = Number(cell('rowVersion'));
    if (!/^[0-9a-f-]{36}$/i.test(id) || !Number.isInteger(version)) {
      problems.push({
        row: number,
        column: HIDDEN_ID_COLUMN,
        message: '隐藏的任务编号或版本被修改或删除。',
      });
      return;
    }
    if (seen.has(id)) {
      problems.push({ row: number, column: HIDDEN_ID_COLUMN, message: '同一任务出现了多次。' });
      return;
    }
    seen.add(id);
    // Every column of the row is checked, so that one upload names all that is wrong.
    const rowProblems: SheetProblem[] = [];
    const statusText = cell('status').trim();
    const status = STATUS_BY_NAME.get(statusText);
    if (!status) {
      rowProblems.push({
        row: number,
        column: '状态',
        message: statusText
          ? `无法识别的状态“${statusText}”，请从下拉列表中选择。`
          : '状态不能为空，请从下拉列表中选择。',
      });
    }
    const progressNote = restoreFormula(cell('progressNote'));
    const measures = restoreFormula(cell('measures'));
    for (const [column, text] of [
      ['进展情况', progressNote],
      ['工作举措', measures],
    ] as const) {
      if (text.length > MAX_TEXT) {
        rowProblems.push({
          row: number,
          column,
          message: `内容过长（${text.length} 字，最多 ${MAX_TEXT} 字）。`,
        });
      }
    }
    if (rowProblems.length || !status) {
      problems.push(...rowProblems);
      return;
    }
    rows.push({
      row: number,
      taskId: id,
      expectedRowVersion: version,
      status,
      progressNote,
      measures,
    });
  });
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: 0, message: '表格中没有任务。' });
  return { rows, problems };
}
