import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { jurisdictionOf } from '../access/jurisdiction';
import type { Principal } from '../auth/principal';
import { regulationJurisdictionSql } from '../cycle/cycle-scope';
import { AppError } from '../graphql/app-error';
import { DutyExportRow, ExportFormat, toCsv, toJson, toXlsx } from './duty-export';
import { LATEST_VERSIONS_SQL } from './duty-query.service';

export interface DutyExport {
  filename: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** E.g. `湖北省质量促进条例-第1版-职责清单.csv`: what it is, of which regulation and version. */
export function dutyExportFilename(
  version: { title: string; code: string; version_number: number },
  format: ExportFormat,
): string {
  const name = (version.title || version.code).replace(/[\\/:*?"<>|\s]+/g, '');
  return `${name}-第${version.version_number}版-职责清单.${format}`;
}

/**
 * The duty register of the latest version of a regulation, as CSV, JSON or XLSX. With a
 * principal (a download), only among the regulations they see: another province's code is not
 * found, as a missing one, and is never named. Without one (the CLI), among every regulation.
 */
@Injectable()
export class DutyExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(
    format: ExportFormat,
    regulationCode?: string,
    principal?: Principal | null,
  ): Promise<DutyExport> {
    const version = await this.resolveVersion(regulationCode, principal);
    const rows = await this.rows(version.id);
    const body =
      format === 'csv'
        ? toCsv(rows)
        : format === 'json'
          ? toJson(rows)
          : await toXlsx(rows, version.title);
    return {
      filename: dutyExportFilename(version, format),
      contentType: CONTENT_TYPES[format],
      body,
      rows: rows.length,
    };
  }

  private async resolveVersion(code: string | undefined, principal: Principal | null | undefined) {
    const params: unknown[] = [code ?? null];
    const visible =
      principal === undefined
        ? 'TRUE'
        : regulationJurisdictionSql(jurisdictionOf(principal), 'r', (_name, value) => {
            params.push(value);
            return `$${params.length}`;
          });
    const versions: Array<{ id: string; code: string; title: string; version_number: number }> =
      await this.dataSource.query(
        `SELECT v.id, r.code, v.title, v.version_number FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
          WHERE v.id IN (${LATEST_VERSIONS_SQL}) AND ($1::text IS NULL OR r.code = $1) AND ${visible} ORDER BY r.code`,
        params,
      );
    if (versions.length === 0) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        code ? `未找到代码为“${code}”的法规。` : '尚未导入任何法规。',
      );
    }
    if (versions.length > 1) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `有多部法规，请用 --code 指定其一：${versions.map((v) => v.code).join('、')}。`,
      );
    }
    return versions[0];
  }

  /** One query: duties in regulation order with their structure and departments (lead first). */
  private rows(versionId: string): Promise<DutyExportRow[]> {
    return this.dataSource.query(
      `SELECT a.number AS article, p.number AS paragraph, i.number AS item, c.number AS chapter,
              d.actor_type, d.levels, d.modality,
              coalesce(array_agg(k.name ORDER BY dd.role DESC, k.sort_order) FILTER (WHERE k.code IS NOT NULL), '{}') AS departments,
              d.subject, d.text, d.actor_text,
              max(k.name) FILTER (WHERE dd.role = 'lead') AS lead_department,
              coalesce(array_agg(k.name ORDER BY k.sort_order) FILTER (WHERE dd.role = 'assist'), '{}') AS assisting_departments,
              d.tracked, d.review_state, a.title AS article_title, c.title AS chapter_title,
              d.id AS duty_id, d.lineage_id, d.kind, d.needs_review
         FROM duty d
         JOIN regulation_article a ON a.id = d.article_id
         JOIN regulation_chapter c ON c.id = a.chapter_id
         JOIN regulation_paragraph p ON p.id = d.paragraph_id
         LEFT JOIN regulation_item i ON i.id = d.item_id
         LEFT JOIN duty_department dd ON dd.duty_id = d.id
         LEFT JOIN department_kind k ON k.code = dd.department_code
        WHERE d.version_id = $1
        GROUP BY d.id, a.number, a.title, p.number, i.number, c.number, c.title
        ORDER BY a.number, p.number, d.item_number, d.sequence`,
      [versionId],
    );
  }
}
