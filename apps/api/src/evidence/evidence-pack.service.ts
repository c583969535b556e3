import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PackEntry, packSegment, uniquePackPaths } from '@duty/api/evidence-pack';
import { EvidenceStore, openVerified } from '@duty/api/evidence-store';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { jurisdictionOf, unitInJurisdiction } from '../access/jurisdiction';
import { Principal } from '../auth/principal';
import { AppError } from '../graphql/app-error';
import { scopeTasks } from '../task/task-scope';
import { TASK_STATUS_ZH, TaskStatus } from '../task/task-workflow';
import { personLabels } from '../user/person';
import { EVIDENCE_STORE } from './evidence.constants';
import { Detector, EvidenceCorruptionService, findingOf } from './evidence-corruption';

/** What an auditor selects for a pack (审计材料包). */
export interface PackSelection {
  cycleId: string;
  /** One unit, a prefecture (with its counties) or the province (everything); default: all in scope. */
  unitCode?: string;
  chapters?: number[];
  articles?: number[];
  statuses?: TaskStatus[];
}

interface PackRow {
  sha256: string;
  size: string;
  uploaded_at: Date;
  uploaded_by: string;
  original_name: string;
  version: number;
  document_number: string | null;
  integrity_status: string;
  corrupt_at: Date | null;
  task_id: string;
  task_status: string;
  unit_code: string;
  unit_name: string;
  unit_level: string;
  parent_name: string | null;
  parent_level: string | null;
  article: number;
  paragraph: number | null;
  subject: string;
}

/**
 * Builds the entries of a sealed evidence pack: the current evidence of the selected tasks in
 * the caller's jurisdiction, laid out `<prefecture>/<county>/第N条/<task>/<file>`, with the
 * metadata the manifest records. Reads metadata only; the bytes are opened one file at a time
 * while the ZIP streams, each through a hash check (a mismatch marks the content corrupt before
 * the pack fails). Files already marked corrupt, missing from storage or of the wrong size are
 * listed in the pack's problems.csv instead of failing the whole pack.
 */
@Injectable()
export class EvidencePackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly corruption: EvidenceCorruptionService,
  ) {}

  async entries(
    principal: Principal,
    selection: PackSelection,
    detector: Detector,
  ): Promise<PackEntry[]> {
    const q = this.dataSource
      .createQueryBuilder()
      .from('evidence', 'e')
      .innerJoin('task', 't', 't.id = e.task_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .leftJoin('admin_unit', 'p', 'p.code = u.parent_code')
      .innerJoin('duty', 'd', 'd.id = t.duty_id')
      .innerJoin('regulation_article', 'a', 'a.id = d.article_id')
      .innerJoin('regulation_chapter', 'c', 'c.id = a.chapter_id')
      .leftJoin('regulation_paragraph', 'par', 'par.id = d.paragraph_id')
      .select([
        'e.sha256 AS sha256',
        'e.size AS size',
        'e.uploaded_at AS uploaded_at',
        'e.uploaded_by AS uploaded_by',
        'e.original_name AS original_name',
        'e.version AS version',
        'e.document_number AS document_number',
        'e.integrity_status AS integrity_status',
        'e.corrupt_at AS corrupt_at',
        't.id AS task_id',
        't.status AS task_status',
        'u.code AS unit_code',
        'u.name AS unit_name',
        'u.level AS unit_level',
        'p.name AS parent_name',
        'p.level AS parent_level',
        'a.number AS article',
        'par.number AS paragraph',
        'd.subject AS subject',
      ])
      .where('e.cycle_id = :cycleId', { cycleId: selection.cycleId })
      .andWhere('e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL');
    scopeTasks(q, principal);
    if (selection.unitCode) {
      const unit = await this.dataSource.query(
        `SELECT level, code, parent_code FROM admin_unit WHERE code = $1`,
        [selection.unitCode],
      );
      const j = jurisdictionOf(principal);
      const outside =
        !unit[0] ||
        (j.kind !== 'unit' &&
          !unitInJurisdiction(j, { code: unit[0].code, parentCode: unit[0].parent_code }));
      // A unit outside the jurisdiction answers like one that does not exist.
      if (outside) throw new AppError(ErrorCode.NOT_FOUND, '未找到该行政单位，或不在您的辖区内。');
      if (unit[0].level === 'prefecture') {
        q.andWhere('(u.code = :unit OR u.parent_code = :unit)', { unit: selection.unitCode });
      } else if (unit[0].level === 'province') {
        // A province: its units (one deployment may hold several provinces).
        q.andWhere('left(u.code, 2) = left(:unit, 2)', { unit: selection.unitCode });
      } else {
        q.andWhere('u.code = :unit', { unit: selection.unitCode });
      }
    }
    if (selection.chapters?.length) q.andWhere('c.number IN (:...chapters)', selection);
    if (selection.articles?.length) q.andWhere('a.number IN (:...articles)', selection);
    if (selection.statuses?.length) q.andWhere('t.status IN (:...statuses)', selection);
    q.orderBy('coalesce(p.code, u.code)')
      .addOrderBy('u.code')
      .addOrderBy('a.number')
      .addOrderBy('t.id')
      .addOrderBy('e.uploaded_at')
      .addOrderBy('e.id');
    const rows: PackRow[] = await q.getRawMany();

    const paths = uniquePackPaths(rows.map(packPath));
    const context = { ...detector, via: 'pack' as const };
    // The manifest names people by name and office, and statuses in Chinese (issue 17).
    const uploaders = await personLabels(
      this.dataSource,
      rows.map((row) => row.uploaded_by),
    );
    return rows.map((row, i) => ({
      path: paths[i],
      sha256: row.sha256,
      size: Number(row.size),
      uploadedAt: row.uploaded_at,
      uploader: uploaders.get(row.uploaded_by) ?? row.uploaded_by,
      unitCode: row.unit_code,
      article: row.article,
      paragraph: row.paragraph,
      taskStatus: TASK_STATUS_ZH[row.task_status as TaskStatus] ?? row.task_status,
      documentNumber: row.document_number,
      unavailable: row.corrupt_at ? corrupt(row.corrupt_at) : undefined,
      open: () =>
        openVerified(this.store, row.sha256, Number(row.size), {
          onMismatch: (error) =>
            this.corruption.markCorrupt(findingOf(error), context).then(() => undefined),
        }),
    }));
  }

  /**
   * The download's name: what it is, for whom and when, e.g.
   * `恩施市-2026年度佐证材料包-2026-12-06.zip` (the whole jurisdiction when no unit is chosen).
   */
  async packName(principal: Principal, selection: PackSelection, today: string): Promise<string> {
    const j = jurisdictionOf(principal);
    const scopeCode =
      selection.unitCode ??
      (j.kind === 'prefecture' ? j.prefectureCode : j.kind === 'unit' ? j.unitCode : undefined);
    const [row] = await this.dataSource.query(
      `SELECT (SELECT year FROM assessment_cycle WHERE id = $1) AS year,
              (SELECT name FROM admin_unit WHERE code = $2) AS unit_name`,
      [selection.cycleId, scopeCode ?? null],
    );
    const scope = row?.unit_name ?? (scopeCode ? scopeCode : '湖北省');
    const year = row?.year ? `${row.year}年度` : '';
    return `${scope}-${year}佐证材料包-${today}.zip`;
  }

  /**
   * Checks, before streaming, that each entry's stored content exists with the recorded size;
   * an entry that fails is marked unavailable (and content of the wrong size is marked corrupt
   * in the database). Returns the entries, changed in place.
   */
  async checkStored(entries: PackEntry[], detector: Detector): Promise<PackEntry[]> {
    for (const entry of entries) {
      if (entry.unavailable) continue;
      const size = await this.store.size(entry.sha256);
      if (size === null) {
        entry.unavailable = { kind: 'missing', detail: '存储中缺少该文件，未收录。' };
      } else if (size !== entry.size) {
        await this.corruption.markCorrupt(
          {
            sha256: entry.sha256,
            kind: 'size',
            expectedSize: entry.size,
            actualSize: size,
            actualSha256: null,
          },
          { ...detector, via: 'pack' },
        );
        entry.unavailable = {
          kind: 'corrupt',
          detail: `存储文件大小不符（登记 ${entry.size} 字节，实际 ${size} 字节），已标记为损坏，未收录。`,
        };
      }
    }
    return entries;
  }
}

function corrupt(at: Date): PackEntry['unavailable'] {
  return {
    kind: 'corrupt',
    detail: `存储文件已于 ${at.toISOString()} 被发现损坏（内容与登记的哈希或大小不符），未收录。`,
  };
}

/** `<prefecture>/<county>/第N条/<task>/<file>`; prefecture- and province-level work under 本级. */
function packPath(row: PackRow): string {
  const [upper, lower] =
    row.unit_level === 'county'
      ? [
          row.parent_level === 'province' ? '省直管县级单位' : (row.parent_name ?? '未知'),
          row.unit_name,
        ]
      : [row.unit_name, '本级'];
  return [
    packSegment(upper),
    packSegment(lower),
    `第${row.article}条`,
    packSegment(`${row.subject}-${row.task_id.slice(0, 8)}`, 60),
    packSegment(`v${row.version}-${row.original_name}`, 100),
  ].join('/');
}
