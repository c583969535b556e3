import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { restoreFormula } from '@duty/shared/spreadsheet-text';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../../auth/clock';
import { Principal } from '../../auth/principal';
import { AppError } from '../../graphql/app-error';
import {
  checkMapping,
  ColumnMapping,
  FIELD_ZH,
  ImportProblem,
  parseNumber,
  readHistorySheet,
  suggestMapping,
} from './history-workbook';
import { MatchableUnit, normaliseName, UnitMatcher } from './unit-matcher';

export interface HistoryImportRequest {
  year: number;
  fileName: string;
  /** Omitted: guessed from the headers (preview only; an import needs it stated). */
  mapping?: Partial<ColumnMapping>;
  /** Names as written → unit code, for names the matcher did not accept (the user's choice). */
  unitMatches?: Record<string, string>;
  sheetName?: string;
}

/** One row as it will be stored. */
export interface HistoryRow {
  row: number;
  unitText: string;
  unitCode: string;
  unitName: string;
  /** '' for the unit's total. */
  indicator: string;
  score: number;
  rank: number | null;
  grade: string | null;
  completion: number | null;
  ledger: string | null;
  /** A total summed from the unit's indicator rows (the sheet had none). */
  derived: boolean;
}

export interface HistoryPreview {
  year: number;
  fileName: string;
  sheetName: string | null;
  headerRow: number | null;
  headers: string[];
  mapping: Partial<ColumnMapping>;
  /** The mapping was guessed from the headers. */
  mappingSuggested: boolean;
  rows: HistoryRow[];
  rowCount: number;
  unitCount: number;
  indicatorCount: number;
  problems: ImportProblem[];
}

export interface HistoryImportSummary {
  id: string;
  year: number;
  sourceFileName: string;
  sourceSha256: string;
  rowCount: number;
  unitCount: number;
  importedBy: string;
  importedAt: Date;
}

const PREVIEW_ROWS = 200;
const MAX_TEXT = 10_000;
const MAX_INDICATOR = 200;
const MAX_GRADE = 20;

/**
 * Earlier years' results (历年考核结果) and ledger notes (台账) from an office's own workbook:
 * the user maps columns to fields, unit names are matched to codes (near misses come back with
 * suggestions, to be confirmed in `unitMatches`), every row is validated and every problem is
 * reported with a stable code; the import is all or nothing, one per year, and marked as
 * imported history with the file's name, hash and the importer.
 */
@Injectable()
export class HistoryImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(body: Buffer, request: HistoryImportRequest): Promise<HistoryPreview> {
    return this.validate(body, request, true);
  }

  async import(
    principal: Principal,
    body: Buffer,
    request: HistoryImportRequest,
  ): Promise<HistoryImportSummary> {
    const checked = await this.validate(body, request, false, true);
    if (checked.problems.length) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `导入未生效（全部未保存）：${checked.problems.length} 处问题。`,
        { problems: checked.problems },
      );
    }
    const sha = createHash('sha256').update(body).digest('hex');
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // One import per year: a concurrent import of the same year waits here, then sees it.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('assessment_history_import'), $1)`,
        [request.year],
      );
      const clash = await this.yearProblems(request.year, manager);
      if (clash.length) {
        throw new AppError(ErrorCode.CONFLICT, clash[0].message, { problems: clash });
      }
      const [{ id }] = await manager.query(
        `INSERT INTO assessment_history_import
           (year, source_file_name, source_sha256, mapping, row_count, imported_by, imported_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          request.year,
          request.fileName.trim(),
          sha,
          JSON.stringify({
            sheet: checked.sheetName,
            headerRow: checked.headerRow,
            columns: checked.mapping,
            unitMatches: request.unitMatches ?? {},
          }),
          checked.rows.length,
          principal.username,
          at,
        ],
      );
      const rows = checked.rows;
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        await manager.query(
          `INSERT INTO assessment_history_row
             (import_id, unit_code, indicator, sheet_row, score, rank, grade, completion, ledger)
           SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::int[], $5::numeric[],
                                    $6::int[], $7::varchar[], $8::numeric[], $9::text[])`,
          [
            id,
            batch.map((r) => r.unitCode),
            batch.map((r) => r.indicator),
            batch.map((r) => r.row),
            batch.map((r) => r.score),
            batch.map((r) => r.rank),
            batch.map((r) => r.grade),
            batch.map((r) => r.completion),
            batch.map((r) => r.ledger),
          ],
        );
      }
      return {
        id,
        year: request.year,
        sourceFileName: request.fileName.trim(),
        sourceSha256: sha,
        rowCount: rows.length,
        unitCount: checked.unitCount,
        importedBy: principal.username,
        importedAt: at,
      };
    });
  }

  /** Imports so far, newest year first. */
  async imports(): Promise<HistoryImportSummary[]> {
    return this.dataSource.query(
      `SELECT i.id, i.year, i.source_file_name AS "sourceFileName", i.source_sha256 AS "sourceSha256",
              i.row_count AS "rowCount", i.imported_by AS "importedBy", i.imported_at AS "importedAt",
              (SELECT count(DISTINCT unit_code)::int FROM assessment_history_row h
                WHERE h.import_id = i.id) AS "unitCount"
         FROM assessment_history_import i ORDER BY i.year DESC`,
    );
  }

  private async validate(
    body: Buffer,
    request: HistoryImportRequest,
    mayGuessMapping: boolean,
    allRows = false,
  ): Promise<HistoryPreview> {
    const problems: ImportProblem[] = [];
    const fileName = (request.fileName ?? '').trim();
    if (!fileName || fileName.length > 255) {
      problems.push({
        row: 0,
        code: 'FILE_NAME_INVALID',
        message: '请提供文件名（最多 255 字）。',
      });
    }
    problems.push(...(await this.yearProblems(request.year)));
    const { sheet, problems: fileProblems } = await readHistorySheet(body, request.sheetName);
    problems.push(...fileProblems);
    const empty = (mapping: Partial<ColumnMapping>, suggested: boolean): HistoryPreview => ({
      year: request.year,
      fileName,
      sheetName: sheet?.sheetName ?? null,
      headerRow: sheet?.headerRow ?? null,
      headers: sheet?.headers ?? [],
      mapping,
      mappingSuggested: suggested,
      rows: [],
      rowCount: 0,
      unitCount: 0,
      indicatorCount: 0,
      problems,
    });
    if (!sheet) return empty(request.mapping ?? {}, false);
    const suggested = !request.mapping && mayGuessMapping;
    const mapping = request.mapping ?? (mayGuessMapping ? suggestMapping(sheet.headers) : {});
    const mappingProblems = checkMapping(mapping, sheet.headers);
    if (mappingProblems.length) {
      problems.push(...mappingProblems);
      return empty(mapping, suggested);
    }
    const units: MatchableUnit[] = await this.dataSource.query(
      `SELECT u.code, u.name, u.level, p.name AS "parentName"
         FROM admin_unit u LEFT JOIN admin_unit p ON p.code = u.parent_code ORDER BY u.code`,
    );
    const matcher = new UnitMatcher(units);
    const chosen = new Map<string, MatchableUnit>();
    for (const [text, code] of Object.entries(request.unitMatches ?? {})) {
      const unit = matcher.unit(code);
      if (unit) chosen.set(normaliseName(text), unit);
      else {
        problems.push({
          row: 0,
          column: FIELD_ZH.unit,
          code: 'UNIT_MATCH_INVALID',
          message: `为“${text}”指定的单位代码 ${code} 不存在。`,
          value: text,
        });
      }
    }
    const rows: HistoryRow[] = [];
    const seen = new Map<string, number>();
    for (const sheetRow of sheet.rows) {
      const cell = (field: keyof ColumnMapping) => {
        const header = mapping[field];
        return header ? restoreFormula(sheetRow.cells.get(header) ?? '') : '';
      };
      const row = sheetRow.row;
      const rowProblems: ImportProblem[] = [];
      const problem = (field: keyof ColumnMapping, code: string, message: string, value?: string) =>
        rowProblems.push({
          row,
          column: mapping[field],
          code,
          message,
          ...(value !== undefined ? { value } : {}),
        });

      const unitText = cell('unit');
      let unit: MatchableUnit | undefined;
      if (!unitText) problem('unit', 'UNIT_MISSING', '单位为空。');
      else {
        unit = chosen.get(normaliseName(unitText));
        if (!unit) {
          const m = matcher.match(unitText);
          if (m.kind === 'found') unit = m.unit;
          else if (m.kind === 'ambiguous') {
            rowProblems.push({
              row,
              column: mapping.unit,
              code: 'UNIT_AMBIGUOUS',
              message: `单位“${unitText}”有多个同名单位，请选择。`,
              value: unitText,
              suggestions: m.candidates.map(suggestionOf),
            });
          } else {
            rowProblems.push({
              row,
              column: mapping.unit,
              code: 'UNIT_UNKNOWN',
              message: m.suggestions.length
                ? `未找到单位“${unitText}”，是否为：${m.suggestions.map((s) => s.name).join('、')}？`
                : `未找到单位“${unitText}”。`,
              value: unitText,
              suggestions: m.suggestions.map(suggestionOf),
            });
          }
        }
      }
      const indicator = cell('indicator');
      if (indicator.length > MAX_INDICATOR) {
        problem('indicator', 'INDICATOR_TOO_LONG', `指标名称过长（最多 ${MAX_INDICATOR} 字）。`);
      }
      const scoreText = cell('score');
      const score = parseNumber(scoreText);
      if (!scoreText) problem('score', 'SCORE_MISSING', '得分为空。');
      else if (!score || score.percent) {
        problem('score', 'SCORE_INVALID', `得分“${scoreText}”不是数字。`, scoreText);
      } else if (score.value < 0 || score.value > 100) {
        problem('score', 'SCORE_OUT_OF_RANGE', `得分 ${scoreText} 不在 0 至 100 之间。`, scoreText);
      }
      const rankText = cell('rank');
      const rank = rankText ? parseNumber(rankText) : null;
      if (rankText && (!rank || rank.percent || !Number.isInteger(rank.value) || rank.value < 1)) {
        problem('rank', 'RANK_INVALID', `排名“${rankText}”须为正整数。`, rankText);
      }
      const grade = cell('grade');
      if (grade.length > MAX_GRADE) {
        problem('grade', 'GRADE_TOO_LONG', `等次过长（最多 ${MAX_GRADE} 字）。`, grade);
      }
      const completionText = cell('completion');
      const completion = completionText ? completionOf(completionText) : null;
      if (completionText && completion === null) {
        problem(
          'completion',
          'COMPLETION_INVALID',
          `完成率“${completionText}”须为 0 至 100% 之间的数（如 95%、0.95 或 95）。`,
          completionText,
        );
      }
      const ledger = cell('ledger');
      if (ledger.length > MAX_TEXT) {
        problem(
          'ledger',
          'LEDGER_TOO_LONG',
          `台账内容过长（${ledger.length} 字，最多 ${MAX_TEXT} 字）。`,
        );
      }
      if (unit) {
        const key = `${unit.code}\u0000${normaliseName(indicator)}`;
        const first = seen.get(key);
        if (first !== undefined) {
          rowProblems.push({
            row,
            column: mapping.indicator ?? mapping.unit,
            code: 'DUPLICATE_ROW',
            message: `与第 ${first} 行重复（同一单位${indicator ? `、同一指标“${indicator}”` : '的总分'}）。`,
          });
        } else seen.set(key, row);
      }
      if (rowProblems.length || !unit || !score) {
        problems.push(...rowProblems);
        continue;
      }
      rows.push({
        row,
        unitText,
        unitCode: unit.code,
        unitName: unit.name,
        indicator,
        score: Math.round(score.value * 100) / 100,
        rank: rank ? rank.value : null,
        grade: grade || null,
        completion,
        ledger: ledger || null,
        derived: false,
      });
    }
    // A unit with indicator rows but no total row: its total is the sum of its indicators.
    const totals = new Set(rows.filter((r) => r.indicator === '').map((r) => r.unitCode));
    const derived = new Map<string, HistoryRow>();
    for (const r of rows) {
      if (r.indicator === '' || totals.has(r.unitCode)) continue;
      const d = derived.get(r.unitCode);
      if (d) d.score = Math.round((d.score + r.score) * 100) / 100;
      else {
        derived.set(r.unitCode, {
          ...r,
          indicator: '',
          rank: null,
          grade: null,
          completion: null,
          ledger: null,
          derived: true,
        });
      }
    }
    for (const d of derived.values()) {
      if (d.score > 100) {
        problems.push({
          row: d.row,
          column: mapping.score,
          code: 'DERIVED_TOTAL_OUT_OF_RANGE',
          message: `单位“${d.unitName}”没有总分行，各指标得分合计 ${d.score} 超过 100。`,
        });
      } else rows.push(d);
    }
    if (!rows.length && !problems.length) {
      problems.push({ row: 0, code: 'NO_ROWS', message: '表中没有可导入的数据行。' });
    }
    problems.sort((a, b) => a.row - b.row);
    rows.sort((a, b) => a.row - b.row || Number(a.derived) - Number(b.derived));
    return {
      year: request.year,
      fileName,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      headers: sheet.headers,
      mapping,
      mappingSuggested: suggested,
      rows: allRows ? rows : rows.slice(0, PREVIEW_ROWS),
      rowCount: rows.length,
      unitCount: new Set(rows.map((r) => r.unitCode)).size,
      indicatorCount: new Set(
        rows.filter((r) => r.indicator).map((r) => normaliseName(r.indicator)),
      ).size,
      problems,
    };
  }

  /** The year must be valid, not imported yet, and not a year the system froze results for. */
  private async yearProblems(
    year: number,
    manager = this.dataSource.manager,
  ): Promise<ImportProblem[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      return [{ row: 0, code: 'YEAR_INVALID', message: '年度须为 2000 至 2100 之间的整数。' }];
    }
    const [state] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM assessment_history_import WHERE year = $1) AS imported,
              EXISTS (SELECT 1 FROM assessment_cycle y JOIN assessment_result_set s ON s.cycle_id = y.id
                       WHERE y.year = $1) AS frozen`,
      [year],
    );
    if (state.imported) {
      return [
        {
          row: 0,
          code: 'YEAR_ALREADY_IMPORTED',
          message: `${year} 年度的历史结果已导入过（导入记录不可更改）。`,
        },
      ];
    }
    if (state.frozen) {
      return [
        {
          row: 0,
          code: 'YEAR_HAS_RESULTS',
          message: `${year} 年度已在本系统中考核并固化结果，无需导入。`,
        },
      ];
    }
    return [];
  }
}

/** 95%, 0.95 and 95 all mean 95 %: a value up to 1 is a share, above 1 a percentage (≤ 100). */
function completionOf(text: string): number | null {
  const n = parseNumber(text);
  if (!n || n.value < 0) return null;
  const share = n.percent || n.value > 1 ? n.value / 100 : n.value;
  return share <= 1 ? Math.round(share * 10_000) / 10_000 : null;
}

function suggestionOf(u: MatchableUnit): { code: string; name: string } {
  return { code: u.code, name: u.parentName ? `${u.parentName}${u.name}` : u.name };
}
