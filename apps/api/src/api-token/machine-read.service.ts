import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { Jurisdiction, notFound, unitJurisdictionSql } from '../access/jurisdiction';
import { SqlParams } from '../analytics/analytics-sql';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';

export interface MachineCycle {
  id: string;
  year: number;
  title: string;
  startDate: string;
  dueDate: string;
  state: string;
}

export interface MachineUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** One evidence version's metadata, as the machine endpoint returns it (no content, no uploader). */
export interface MachineEvidence {
  id: string;
  lineageId: string;
  version: number;
  current: boolean;
  taskId: string;
  cycleId: string;
  unitCode: string;
  unitName: string;
  articleNumber: number | null;
  fileName: string;
  fileType: string;
  mimeType: string;
  size: number;
  sha256: string;
  documentNumber: string | null;
  issuingAuthority: string | null;
  documentDate: string | null;
  uploadedAt: string;
  withdrawnAt: string | null;
  integrityStatus: string;
}

export const MAX_EVIDENCE_PAGE = 200;

/**
 * What the machine endpoints read beside the analytics service: the cycle to report on, the
 * bound unit, and evidence metadata, always inside the token's jurisdiction.
 */
@Injectable()
export class MachineReadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `cycleId`, or the current cycle: the newest open one, else the newest — among the national
   * cycles and those of the province of the token's unit (`unitCode`); another province's cycle
   * is not found.
   */
  async cycle(cycleId: string | undefined, unitCode: string): Promise<MachineCycle> {
    if (cycleId !== undefined && !isUuid(cycleId)) throw notFound('考核年度');
    const [row] = await this.dataSource.query<MachineCycle[]>(
      `SELECT id, year, title, to_char(start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(due_date, 'YYYY-MM-DD') AS "dueDate", state
         FROM assessment_cycle
        WHERE ($1::uuid IS NULL OR id = $1::uuid)
          AND left(province_code, 2) = left($2, 2)
        ORDER BY (state = 'open') DESC, year DESC, created_at DESC LIMIT 1`,
      [cycleId ?? null, unitCode],
    );
    if (!row) throw notFound('考核年度');
    return row;
  }

  async unit(code: string): Promise<MachineUnit> {
    const [row] = await this.dataSource.query<MachineUnit[]>(
      `SELECT code, name, level, parent_code AS "parentCode" FROM admin_unit WHERE code = $1`,
      [code],
    );
    if (!row) throw notFound('单位');
    return row;
  }

  /** Evidence of the jurisdiction, newest first; current versions unless `includeHistory`. */
  async evidence(
    jurisdiction: Jurisdiction,
    filter: {
      cycleId?: string;
      unitCode?: string;
      includeHistory: boolean;
      first: number;
      offset: number;
    },
  ): Promise<{ totalCount: number; nodes: MachineEvidence[] }> {
    const p = new SqlParams();
    const where = [unitJurisdictionSql(jurisdiction, 'u', p.bind)];
    if (filter.cycleId) {
      if (!isUuid(filter.cycleId)) throw notFound('考核年度');
      where.push(`e.cycle_id = ${p.add(filter.cycleId)}`);
    }
    if (filter.unitCode) {
      const code = p.add(filter.unitCode);
      where.push(`(u.code = ${code} OR u.parent_code = ${code})`);
    }
    if (!filter.includeHistory) where.push('e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL');
    const from = `FROM evidence e JOIN task t ON t.id = e.task_id JOIN admin_unit u ON u.code = t.unit_code
      WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const limit = p.add(filter.first);
    const offset = p.add(filter.offset);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT e.id, e.lineage_id, e.version, (e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL) AS current,
                e.task_id, e.cycle_id, u.code AS unit_code, u.name AS unit_name,
                (SELECT a.number FROM duty d JOIN regulation_article a ON a.id = d.article_id WHERE d.id = t.duty_id) AS article_number,
                e.original_name, e.file_type, e.mime_type, e.size, e.sha256, e.document_number,
                e.issuing_authority, to_char(e.document_date, 'YYYY-MM-DD') AS document_date,
                e.uploaded_at, e.withdrawn_at, e.integrity_status
           ${from} ORDER BY e.uploaded_at DESC, e.id LIMIT ${limit} OFFSET ${offset}`,
        p.values,
      ),
      this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n ${from}`, countParams),
    ]);
    return {
      totalCount: count.n,
      nodes: rows.map((r) => ({
        id: String(r.id),
        lineageId: String(r.lineage_id),
        version: Number(r.version),
        current: Boolean(r.current),
        taskId: String(r.task_id),
        cycleId: String(r.cycle_id),
        unitCode: String(r.unit_code),
        unitName: String(r.unit_name),
        articleNumber: r.article_number === null ? null : Number(r.article_number),
        fileName: String(r.original_name),
        fileType: String(r.file_type),
        mimeType: String(r.mime_type),
        size: Number(r.size),
        sha256: String(r.sha256),
        documentNumber: (r.document_number as string | null) ?? null,
        issuingAuthority: (r.issuing_authority as string | null) ?? null,
        documentDate: (r.document_date as string | null) ?? null,
        uploadedAt: (r.uploaded_at as Date).toISOString(),
        withdrawnAt: r.withdrawn_at ? (r.withdrawn_at as Date).toISOString() : null,
        integrityStatus: String(r.integrity_status),
      })),
    };
  }
}

/** A query parameter as a bounded integer, or VALIDATION_FAILED naming it. */
export function intParam(
  value: unknown,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `参数 ${name} 须为 ${min} 至 ${max} 之间的整数。`,
      {
        fields: { [name]: 'invalid' },
      },
    );
  }
  return n;
}

/** A single string query parameter (repeated or nested parameters are refused). */
export function stringParam(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 100) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `参数 ${name} 无效。`, {
      fields: { [name]: 'invalid' },
    });
  }
  return value;
}
