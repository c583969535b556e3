import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { notFound, provinceOf } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { shanghaiDate } from '../common/iso-date';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { NotificationService } from '../notification/notification.service';
import { DEFAULT_THRESHOLD } from '../analytics/analytics-sql';
import {
  BulletinContent,
  BulletinGoodPractice,
  BulletinPeriod,
  BulletinUnitRow,
  BulletinUrgingRow,
  bulletinDocument,
  defaultAddressee,
  defaultIntro,
  defaultIssuingBody,
  defaultTitle,
  DEFAULT_REQUIREMENTS,
  elapsedShare,
  isBehind,
  parsePeriod,
  PeriodKind,
  rankUnits,
} from './bulletin-content';
import { Bulletin } from './bulletin.entity';
import {
  AsOfInput,
  goodPracticeSql,
  overdueTasksSql,
  unitFiguresSql,
  urgingSql,
} from './bulletin-sql';
import { buildBulletinDocx } from './docx/bulletin-docx';

type Row = Record<string, unknown>;

/** Overdue tasks listed in a bulletin (the total is always stated). */
export const OVERDUE_LIST_LIMIT = 30;
const CANDIDATE_LIMIT = 200;

export interface GoodPracticePick {
  taskId: string;
  comment: string;
}

interface Scope {
  code: string;
  name: string;
  level: 'province' | 'prefecture';
}

interface CycleRow {
  id: string;
  title: string;
  start_date: string;
  due_date: string;
  regulation_title: string;
}

const invalid = (field: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: 'invalid' } });

/**
 * 情况通报: generation (figures as of the period's end, from the task history), drafts the
 * supervisor edits and previews, publication (DOCX frozen with its SHA-256, units notified) and
 * reading within the jurisdiction.
 *
 * Who sees what: a provincial supervisor every bulletin; a prefecture supervisor the drafts and
 * bulletins of their prefecture and the published provincial ones; auditors and county operators
 * the published bulletins whose scope covers them. Only supervisors generate, edit, publish and
 * delete, each for their own scope (the province, or their prefecture).
 */
@Injectable()
export class BulletinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  // -------------------------------------------------------------------------------------------
  // Reading
  // -------------------------------------------------------------------------------------------

  /**
   * The SQL condition (on alias b) for the bulletins the principal may read. A province's
   * bulletins (scope: the province's root unit) reach every unit of that province, never
   * another province's; a prefecture's reach its units.
   */
  private async visibility(principal: Principal): Promise<{ sql: string; params: unknown[] }> {
    const provinceRootOf = (param: string) => `(left(${param}, 2) || '0000')`;
    const published = `b.status = 'PUBLISHED'`;
    const inProvinces = (codes: readonly string[] | null | undefined) =>
      codes?.length
        ? {
            sql: `(${published} AND left(b.scope_unit_code, 2) = ANY($1::text[]))`,
            params: [codes.map((c) => c.slice(0, 2))],
          }
        : { sql: published, params: [] };
    switch (principal.role) {
      case Role.PROVINCIAL_SUPERVISOR:
        return principal.unitCode
          ? { sql: `left(b.scope_unit_code, 2) = left($1, 2)`, params: [principal.unitCode] }
          : { sql: 'FALSE', params: [] };
      case Role.NATIONAL_SUPERVISOR:
        return inProvinces(principal.scopeProvinceCodes);
      case Role.PREFECTURE_SUPERVISOR:
        return {
          sql: `(b.scope_unit_code = $1 OR (${published} AND b.scope_unit_code = ${provinceRootOf('$1')}))`,
          params: [principal.unitCode],
        };
      case Role.AUDITOR:
        if (!principal.unitCode) return inProvinces(principal.scopeProvinceCodes);
        return /0000$/.test(principal.unitCode)
          ? {
              sql: `(${published} AND left(b.scope_unit_code, 2) = left($1, 2))`,
              params: [principal.unitCode],
            }
          : {
              sql: `(${published} AND (b.scope_unit_code = $1 OR b.scope_unit_code = ${provinceRootOf('$1')}))`,
              params: [principal.unitCode],
            };
      case Role.COUNTY_OPERATOR:
        return {
          sql: `(${published} AND (b.scope_unit_code = ${provinceRootOf('$1')}
                 OR b.scope_unit_code = (SELECT x.parent_code FROM admin_unit x WHERE x.code = $1)))`,
          params: [principal.unitCode],
        };
      default:
        return { sql: 'FALSE', params: [] };
    }
  }

  async list(
    principal: Principal,
    filter: { cycleId?: string; scopeUnitCode?: string; status?: string; periodKind?: string },
  ): Promise<Bulletin[]> {
    const v = await this.visibility(principal);
    const params = [...v.params];
    const conds = [v.sql];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conds.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.cycleId) add('b.cycle_id = ?', filter.cycleId);
    if (filter.scopeUnitCode) add('b.scope_unit_code = ?', filter.scopeUnitCode);
    if (filter.status) add('b.status = ?', filter.status);
    if (filter.periodKind) add('b.period_kind = ?', filter.periodKind);
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT b.id FROM bulletin b WHERE ${conds.join(' AND ')}
        ORDER BY b.period_start DESC, b.period_kind, b.scope_unit_code LIMIT 200`,
      params,
    );
    if (!ids.length) return [];
    const rows = await this.dataSource
      .getRepository(Bulletin)
      .findBy(ids.map((r) => ({ id: r.id })));
    const order = new Map(ids.map((r, i) => [r.id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** One bulletin the principal may read; NOT_FOUND otherwise (outside is like missing). */
  async get(principal: Principal, id: string, manager?: EntityManager): Promise<Bulletin> {
    if (!isUuid(id)) throw notFound('情况通报');
    const v = await this.visibility(principal);
    const m = manager ?? this.dataSource.manager;
    const [hit] = await m.query(
      `SELECT b.id FROM bulletin b WHERE b.id = $${v.params.length + 1} AND ${v.sql}`,
      [...v.params, id],
    );
    if (!hit) throw notFound('情况通报');
    return m.findOneOrFail(Bulletin, {
      where: { id },
      ...(manager ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The DOCX to download: the frozen bytes of a published bulletin, or a draft rendered now. */
  async docx(
    principal: Principal,
    id: string,
  ): Promise<{ bulletin: Bulletin; bytes: Buffer; sha256: string }> {
    const bulletin = await this.get(principal, id);
    if (bulletin.status === 'PUBLISHED') {
      const [row] = await this.dataSource.query(`SELECT docx FROM bulletin WHERE id = $1`, [id]);
      const bytes = row.docx as Buffer;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== bulletin.sha256) {
        throw new AppError(
          ErrorCode.EVIDENCE_INTEGRITY,
          '该情况通报文件与发布时记录的哈希不一致，请联系系统管理员。',
        );
      }
      return { bulletin, bytes, sha256 };
    }
    const bytes = await buildBulletinDocx(bulletinDocument(bulletin.content), {
      creator: bulletin.content.issuingBody,
      created: this.clock.now(),
      draft: true,
    });
    return { bulletin, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  // -------------------------------------------------------------------------------------------
  // Scope and cycle
  // -------------------------------------------------------------------------------------------

  /** The scope a supervisor reports on: the province, or a prefecture in their jurisdiction. */
  private async scopeFor(principal: Principal, requested?: string | null): Promise<Scope> {
    let code = requested?.trim() || null;
    if (principal.role === Role.PREFECTURE_SUPERVISOR) {
      code = code ?? principal.unitCode;
      if (code !== principal.unitCode) throw notFound('单位');
    } else if (principal.role === Role.PROVINCIAL_SUPERVISOR) {
      // Their own province, or a prefecture of it; never another province's units.
      if (!principal.unitCode) throw notFound('单位');
      code = code ?? principal.unitCode;
      if (provinceOf(code) !== principal.unitCode) throw notFound('单位');
    } else {
      throw new AppError(ErrorCode.FORBIDDEN, '只有省级和市州督导可以编制情况通报。');
    }
    const [unit]: Array<{ code: string; name: string; level: string; parent_code: string | null }> =
      code
        ? await this.dataSource.query(
            `SELECT code, name, level, parent_code FROM admin_unit WHERE code = $1`,
            [code],
          )
        : await this.dataSource.query(
            `SELECT code, name, level, parent_code FROM admin_unit WHERE parent_code IS NULL ORDER BY code LIMIT 1`,
          );
    if (!unit) throw notFound('单位');
    if (unit.level !== 'province' && unit.level !== 'prefecture') {
      throw invalid('scopeUnitCode', '情况通报的范围须为全省或一个市州。');
    }
    return { code: unit.code, name: unit.name, level: unit.level };
  }

  private async cycle(cycleId: string): Promise<CycleRow> {
    if (!isUuid(cycleId)) throw notFound('考核年度');
    const [cycle]: CycleRow[] = await this.dataSource.query(
      `SELECT c.id, c.title, c.start_date::text AS start_date, c.due_date::text AS due_date,
              r.title AS regulation_title
         FROM assessment_cycle c
         JOIN regulation_version v ON v.id = c.regulation_version_id
         JOIN regulation r ON r.id = v.regulation_id
        WHERE c.id = $1`,
      [cycleId],
    );
    if (!cycle) throw notFound('考核年度');
    return cycle;
  }

  private assertManages(principal: Principal, bulletin: Bulletin): void {
    const manages =
      principal.role === Role.PROVINCIAL_SUPERVISOR ||
      (principal.role === Role.PREFECTURE_SUPERVISOR &&
        bulletin.scopeUnitCode === principal.unitCode);
    if (!manages) throw new AppError(ErrorCode.FORBIDDEN, '您不能修改该情况通报。');
  }

  private assertDraft(bulletin: Bulletin, expectedRowVersion?: number): void {
    if (bulletin.status !== 'DRAFT') {
      throw new AppError(ErrorCode.CONFLICT, '该情况通报已发布，不能再修改或删除。', {
        status: bulletin.status,
      });
    }
    if (expectedRowVersion !== undefined && bulletin.rowVersion !== expectedRowVersion) {
      throw new AppError(ErrorCode.CONFLICT, '该草稿已被他人修改，请刷新后重试。', {
        rowVersion: bulletin.rowVersion,
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Figures
  // -------------------------------------------------------------------------------------------

  private async hasColumn(table: string, column: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2) AS ok`,
      [table, column],
    );
    return Boolean(row.ok);
  }

  private async hasTable(table: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [table]);
    return Boolean(row.ok);
  }

  /** Good practice picks resolved against the scope and cycle (verified tasks only). */
  private async goodPractices(
    manager: EntityManager,
    cycleId: string,
    scope: Scope,
    picks: GoodPracticePick[],
  ): Promise<BulletinGoodPractice[]> {
    if (!picks.length) return [];
    const ids = picks.map((p) => p.taskId);
    if (new Set(ids).size !== ids.length) {
      throw invalid('goodPractices', '典型做法中有重复的任务。');
    }
    for (const p of picks) {
      if (!isUuid(p.taskId)) throw invalid('goodPractices', '典型做法的任务编号无效。');
      if (!p.comment.trim()) throw invalid('goodPractices', '请为每项典型做法填写点评。');
    }
    const statement = goodPracticeSql({
      cycleId,
      scopeUnitCode: scope.code,
      taskIds: ids,
      limit: ids.length,
    });
    const rows: Row[] = await manager.query(statement.sql, statement.params);
    const byId = new Map(rows.map((r) => [String(r.task_id), r]));
    return picks.map((p) => {
      const r = byId.get(p.taskId);
      if (!r) {
        throw invalid(
          'goodPractices',
          '典型做法只能选取本辖区、本考核年度已核验办结的任务；所选任务不符合，请重新选择。',
        );
      }
      return {
        taskId: p.taskId,
        unitName: String(r.unit_name),
        article: Number(r.article),
        subject: String(r.subject),
        department: String(r.department),
        verifiedOn: (r.verified_on as string | null) ?? null,
        comment: p.comment.trim(),
      };
    });
  }

  /** The figures part of the content model, as of `asOf`. */
  private async figures(
    manager: EntityManager,
    cycle: CycleRow,
    scope: Scope,
    period: BulletinPeriod,
    asOf: string,
  ): Promise<Pick<BulletinContent, 'summary' | 'units' | 'urging' | 'overdue'>> {
    const input: AsOfInput = {
      cycleId: cycle.id,
      scopeUnitCode: scope.code,
      asOf,
      notApplicable: await this.hasColumn('task', 'not_applicable_status'),
    };
    const share = elapsedShare({ startDate: cycle.start_date, dueDate: cycle.due_date }, asOf);
    const threshold = DEFAULT_THRESHOLD;
    const unitStatement = unitFiguresSql(input);
    const unitRows: Row[] = await manager.query(unitStatement.sql, unitStatement.params);
    const units = rankUnits(
      unitRows.map((r): BulletinUnitRow => {
        const tasks = Number(r.tasks);
        const verified = Number(r.verified);
        const self = r.self === true;
        return {
          code: String(r.code),
          name: self ? `${String(r.name)}本级` : String(r.name),
          self,
          tasks,
          verified,
          submitted: Number(r.submitted),
          inProgress: Number(r.in_progress),
          notStarted: Number(r.not_started),
          returned: Number(r.returned),
          overdue: Number(r.overdue),
          completionRate: tasks ? round4(verified / tasks) : 0,
          rank: null,
          behind: !self && isBehind(verified, tasks, threshold, share),
          expected: round4((threshold * share.num) / share.den),
        };
      }),
    );
    const overdueStatement = overdueTasksSql(input, OVERDUE_LIST_LIMIT);
    const overdueRows: Row[] = await manager.query(overdueStatement.sql, overdueStatement.params);
    let urging: BulletinContent['urging'] = null;
    if (await this.hasTable('public.urging_notice')) {
      const statement = urgingSql({ ...input, periodStart: period.start });
      const rows: BulletinUrgingRow[] = (
        (await manager.query(statement.sql, statement.params)) as Row[]
      ).map((r) => ({
        code: String(r.code),
        name: String(r.name),
        blue: Number(r.blue),
        orange: Number(r.orange),
        red: Number(r.red),
        unanswered: Number(r.unanswered),
      }));
      const sum = (k: 'blue' | 'orange' | 'red') => rows.reduce((s, r) => s + r[k], 0);
      urging = { rows, blue: sum('blue'), orange: sum('orange'), red: sum('red') };
    }
    const total = (k: 'tasks' | 'verified' | 'submitted' | 'overdue') =>
      units.reduce((s, u) => s + u[k], 0);
    return {
      summary: {
        tasks: total('tasks'),
        verified: total('verified'),
        submitted: total('submitted'),
        overdue: total('overdue'),
        completionRate: total('tasks') ? round4(total('verified') / total('tasks')) : 0,
        elapsedFraction: round4(share.num / share.den),
        threshold,
        unitsBehind: units.filter((u) => u.behind).length,
      },
      units,
      urging,
      overdue: {
        total: overdueRows.length ? Number(overdueRows[0].total) : 0,
        limit: OVERDUE_LIST_LIMIT,
        tasks: overdueRows.map((r) => ({
          taskId: String(r.task_id),
          unitName: String(r.unit_name),
          article: Number(r.article),
          subject: String(r.subject),
          department: String(r.department),
          dueDate: String(r.due_date),
          daysOverdue: Number(r.days_overdue),
          status: String(r.status),
        })),
      },
    };
  }

  /** The number the next bulletin of the scope published in `year` gets: 2026年第N期. */
  private async nextNumber(
    manager: EntityManager,
    scopeCode: string,
    year: number,
  ): Promise<{ seq: number; number: string }> {
    const [row] = await manager.query(
      `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM bulletin
        WHERE scope_unit_code = $1 AND year = $2 AND status = 'PUBLISHED'`,
      [scopeCode, year],
    );
    const seq = Number(row.seq);
    return { seq, number: `${year}年第${seq}期` };
  }

  // -------------------------------------------------------------------------------------------
  // Changes
  // -------------------------------------------------------------------------------------------

  /**
   * Generates the bulletin of a period as a draft, or regenerates the existing draft (new
   * figures; the supervisor's texts are kept). A published bulletin of the period is final.
   */
  async generate(
    principal: Principal,
    input: {
      cycleId: string;
      periodKind: PeriodKind;
      period: string;
      scopeUnitCode?: string | null;
      goodPractices?: GoodPracticePick[] | null;
    },
  ): Promise<Bulletin> {
    const period = parsePeriod(input.periodKind, input.period);
    if (!period) {
      throw invalid(
        'period',
        input.periodKind === 'MONTH'
          ? '月度通报的期间应写作“2026-11”。'
          : '季度通报的期间应写作“2026-Q4”。',
      );
    }
    const scope = await this.scopeFor(principal, input.scopeUnitCode);
    const cycle = await this.cycle(input.cycleId);
    const today = this.today();
    if (period.start > today) {
      throw invalid('period', `${period.label}尚未开始，不能生成情况通报。`);
    }
    const asOf = period.end < today ? period.end : today;
    if (asOf < cycle.start_date) {
      throw invalid(
        'period',
        `${period.label}早于考核年度“${cycle.title}”的开始日期（${cycle.start_date}），没有可通报的数据。`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // Serialise generation of one period and scope (two supervisors clicking at once).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `bulletin:${scope.code}:${cycle.id}:${period.kind}:${period.start}`,
      ]);
      const existing = await manager.findOne(Bulletin, {
        where: {
          scopeUnitCode: scope.code,
          cycleId: cycle.id,
          periodKind: period.kind,
          periodStart: period.start,
        },
      });
      if (existing?.status === 'PUBLISHED') {
        throw new AppError(
          ErrorCode.CONFLICT,
          `${period.label}的情况通报已发布（${existing.number}），不能重新生成。`,
          { id: existing.id },
        );
      }
      const picks =
        input.goodPractices ??
        existing?.content.goodPractices.map((g) => ({ taskId: g.taskId, comment: g.comment })) ??
        [];
      const old = existing?.content;
      const provisional = await this.nextNumber(manager, scope.code, Number(today.slice(0, 4)));
      const content: BulletinContent = {
        version: 1,
        scope,
        period,
        asOf,
        regulationTitle: cycle.regulation_title,
        cycle: {
          id: cycle.id,
          title: cycle.title,
          startDate: cycle.start_date,
          dueDate: cycle.due_date,
        },
        title: old?.title ?? defaultTitle(period, cycle.regulation_title),
        issuingBody: old?.issuingBody ?? defaultIssuingBody(scope.name),
        addressee: old?.addressee ?? defaultAddressee(scope.level),
        intro: old?.intro ?? defaultIntro(period, cycle.regulation_title, scope.level),
        requirements: old?.requirements ?? DEFAULT_REQUIREMENTS,
        number: provisional.number,
        issueDate: today,
        ...(await this.figures(manager, cycle, scope, period, asOf)),
        goodPractices: await this.goodPractices(manager, cycle.id, scope, picks),
      };
      const now = this.clock.now();
      if (existing) {
        await manager.update(
          Bulletin,
          { id: existing.id },
          {
            content,
            title: content.title,
            periodEnd: period.end,
            asOf,
            generatedBy: principal.username,
            generatedAt: now,
            updatedBy: principal.username,
            updatedAt: now,
            rowVersion: existing.rowVersion + 1,
          },
        );
        return manager.findOneOrFail(Bulletin, { where: { id: existing.id } });
      }
      const created = manager.create(Bulletin, {
        scopeUnitCode: scope.code,
        cycleId: cycle.id,
        periodKind: period.kind,
        periodStart: period.start,
        periodEnd: period.end,
        asOf,
        title: content.title,
        status: 'DRAFT',
        content,
        generatedBy: principal.username,
        generatedAt: now,
        updatedBy: principal.username,
        updatedAt: now,
        rowVersion: 1,
      });
      return manager.save(created);
    });
  }

  /** Edits the texts and the good practice picks of a draft (the figures stay as generated). */
  async updateDraft(
    principal: Principal,
    input: {
      id: string;
      expectedRowVersion: number;
      title?: string | null;
      issuingBody?: string | null;
      addressee?: string | null;
      intro?: string | null;
      requirements?: string | null;
      goodPractices?: GoodPracticePick[] | null;
    },
  ): Promise<Bulletin> {
    return this.dataSource.transaction(async (manager) => {
      const bulletin = await this.get(principal, input.id, manager);
      this.assertManages(principal, bulletin);
      this.assertDraft(bulletin, input.expectedRowVersion);
      const content = { ...bulletin.content };
      const text = (field: string, value: string | null | undefined, required: boolean) => {
        if (value === undefined || value === null) return undefined;
        const trimmed = value.trim();
        if (required && !trimmed) throw invalid(field, '该项不能为空。');
        return trimmed;
      };
      content.title = text('title', input.title, true) ?? content.title;
      content.issuingBody = text('issuingBody', input.issuingBody, true) ?? content.issuingBody;
      content.addressee = text('addressee', input.addressee, false) ?? content.addressee;
      content.intro = text('intro', input.intro, false) ?? content.intro;
      content.requirements =
        text('requirements', input.requirements, false) ?? content.requirements;
      if (input.goodPractices) {
        const scope = content.scope;
        content.goodPractices = await this.goodPractices(
          manager,
          bulletin.cycleId,
          scope,
          input.goodPractices,
        );
      }
      await manager.update(
        Bulletin,
        { id: bulletin.id },
        {
          content,
          title: content.title,
          updatedBy: principal.username,
          updatedAt: this.clock.now(),
          rowVersion: bulletin.rowVersion + 1,
        },
      );
      return manager.findOneOrFail(Bulletin, { where: { id: bulletin.id } });
    });
  }

  /**
   * Publishes a draft: fixes its number and date, writes the DOCX once, records its SHA-256 and
   * notifies the operators of every unit in the scope, all in one transaction.
   */
  async publish(principal: Principal, id: string, expectedRowVersion: number): Promise<Bulletin> {
    return this.dataSource.transaction(async (manager) => {
      const bulletin = await this.get(principal, id, manager);
      this.assertManages(principal, bulletin);
      this.assertDraft(bulletin, expectedRowVersion);
      const now = this.clock.now();
      const today = shanghaiDate(now);
      const year = Number(today.slice(0, 4));
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `bulletin-number:${bulletin.scopeUnitCode}:${year}`,
      ]);
      const { seq, number } = await this.nextNumber(manager, bulletin.scopeUnitCode, year);
      const content: BulletinContent = { ...bulletin.content, number, issueDate: today };
      const bytes = await buildBulletinDocx(bulletinDocument(content), {
        creator: content.issuingBody,
        created: now,
      });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await manager.update(
        Bulletin,
        { id: bulletin.id },
        {
          status: 'PUBLISHED',
          content,
          number,
          year,
          seq,
          docx: bytes,
          sha256,
          size: bytes.length,
          publishedBy: principal.username,
          publishedAt: now,
          updatedBy: principal.username,
          updatedAt: now,
          rowVersion: bulletin.rowVersion + 1,
        },
      );
      const units: Array<{ code: string }> = await manager.query(
        `SELECT a.code FROM admin_unit a
          WHERE a.code = $1 OR a.parent_code = $1
             OR a.parent_code IN (SELECT p.code FROM admin_unit p WHERE p.parent_code = $1)
          ORDER BY a.code`,
        [bulletin.scopeUnitCode],
      );
      await this.notifications.notify(manager, [
        {
          kind: 'BULLETIN_PUBLISHED',
          recipients: { unitOperators: units.map((u) => ({ unitCode: u.code })) },
          title: `情况通报 ${number}：${content.title}`,
          body: `${content.issuingBody}发布了${content.period.label}情况通报（${number}），请登录系统查看并对照落实。`,
          link: `/bulletins/${bulletin.id}`,
          unitCode: bulletin.scopeUnitCode,
          dedupeKey: `bulletin-published:${bulletin.id}`,
        },
      ]);
      return manager.findOneOrFail(Bulletin, { where: { id: bulletin.id } });
    });
  }

  async deleteDraft(
    principal: Principal,
    id: string,
    expectedRowVersion: number,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const bulletin = await this.get(principal, id, manager);
      this.assertManages(principal, bulletin);
      this.assertDraft(bulletin, expectedRowVersion);
      await manager.delete(Bulletin, { id: bulletin.id });
      return true;
    });
  }

  /** Verified tasks of the scope a supervisor may pick as good practice (newest first). */
  async candidates(
    principal: Principal,
    cycleId: string,
    scopeUnitCode?: string | null,
  ): Promise<Array<BulletinGoodPractice & { progressNote: string; evidenceCount: number }>> {
    const scope = await this.scopeFor(principal, scopeUnitCode);
    const cycle = await this.cycle(cycleId);
    const statement = goodPracticeSql({
      cycleId: cycle.id,
      scopeUnitCode: scope.code,
      limit: CANDIDATE_LIMIT,
    });
    const rows: Row[] = await this.dataSource.query(statement.sql, statement.params);
    return rows.map((r) => ({
      taskId: String(r.task_id),
      unitName: String(r.unit_name),
      article: Number(r.article),
      subject: String(r.subject),
      department: String(r.department),
      verifiedOn: (r.verified_on as string | null) ?? null,
      comment: '',
      progressNote: String(r.progress_note ?? '').slice(0, 200),
      evidenceCount: Number(r.evidence_count),
    }));
  }
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
