import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { tryChineseNumeralToInt } from '@duty/regulation/parser';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { currentCycleId } from '../cycle/cycle-scope';
import { AppError } from '../graphql/app-error';
import { TaskEvent } from './task-event.entity';
import { reviewableTasks, scopeTasks } from './task-scope';
import { Task } from './task.entity';
import { TaskStatus } from './task-workflow';
import { containsPattern } from '../common/query-helpers';
import { shanghaiDate } from '../common/iso-date';
import { ReadRouting } from '../read-replica/read-routing';

export type TaskSort = 'DUE_DATE' | 'UPDATED_AT' | 'UNIT' | 'ARTICLE' | 'STATUS' | 'SUBMITTED_AT';
export type SortDirection = 'ASC' | 'DESC';

/** Largest row offset of page-number paging (2,000 pages of 50). */
export const MAX_TASK_OFFSET = 100_000;

/** Longest search text, after trimming. */
export const MAX_SEARCH_LENGTH = 100;

/** Most search terms used (the text is at most 100 characters anyway). */
const MAX_SEARCH_TERMS = 10;

/** The keys of one sort, each with the SQL type its cursor value is read back as; the id ends every sort. */
interface SortKey {
  expression: string;
  type: 'date' | 'timestamptz' | 'int' | 'text';
}

/** 已退回 first: it needs the operator's action; 已核验 last. */
const STATUS_RANK = `(CASE t.status WHEN 'RETURNED' THEN 0 WHEN 'NOT_STARTED' THEN 1 WHEN 'IN_PROGRESS' THEN 2 WHEN 'SUBMITTED' THEN 3 ELSE 4 END)`;

const SORTS: Record<TaskSort, SortKey[]> = {
  DUE_DATE: [{ expression: 't.due_date', type: 'date' }],
  UPDATED_AT: [{ expression: 't.updated_at', type: 'timestamptz' }],
  UNIT: [{ expression: 't.unit_code', type: 'text' }],
  ARTICLE: [
    { expression: 'a.number', type: 'int' },
    { expression: 'p.number', type: 'int' },
    { expression: 'd.item_number', type: 'int' },
    { expression: 'd.sequence', type: 'int' },
    { expression: 't.unit_code', type: 'text' },
  ],
  STATUS: [
    { expression: STATUS_RANK, type: 'int' },
    { expression: 't.due_date', type: 'date' },
  ],
  // Never-submitted tasks have no time: they sort as the earliest (a cursor needs a value).
  SUBMITTED_AT: [
    { expression: `coalesce(t.submitted_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
  ],
};

export interface TaskPageRequest {
  first: number;
  after?: string;
  offset?: number;
  sort: TaskSort;
  direction: SortDirection;
}

export interface TaskFilter {
  cycleId?: string;
  /** Without cycleId: the current cycle (see {@link TaskQueryService.currentCycleId}). */
  currentCycle?: boolean;
  unitCode?: string;
  prefectureCode?: string;
  chapterNumber?: number;
  articleNumber?: number;
  dutyId?: string;
  departmentKindCode?: string;
  statuses?: TaskStatus[];
  overdue?: boolean;
  /** true: 已签收; false: 待签收. */
  acknowledged?: boolean;
  dueBefore?: string;
  dueAfter?: string;
  search?: string;
  includeRetired?: boolean;
  /** Only the tasks the caller may verify or return (see {@link reviewableTasks}). */
  reviewable?: boolean;
}

/** Tasks as the principal may see them, filtered, sorted, with keyset (cursor) pagination. */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: ReadRouting,
  ) {}

  /** Today in China (UTC+8), as analytics and the assessment count it. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /**
   * One page of the task list (search included), on the read replica when it may serve this
   * user (read-replica/read-routing.ts): the same query, only the connection differs.
   */
  async page(principal: Principal, filter: TaskFilter, request: TaskPageRequest) {
    return this.reads.read(principal.userId, (db) => this.pageOn(db, principal, filter, request));
  }

  private async pageOn(
    db: DataSource,
    principal: Principal,
    filter: TaskFilter,
    request: TaskPageRequest,
  ) {
    const { first, after, offset, sort, direction } = request;
    if (offset !== undefined) {
      if (after) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, '按页码翻页时不能同时使用分页游标。', {
          fields: { offset: '不能与 after 同时使用' },
        });
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > MAX_TASK_OFFSET) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `页码超出范围：偏移量应在 0 到 ${MAX_TASK_OFFSET} 之间。`,
          { fields: { offset: `0–${MAX_TASK_OFFSET}` } },
        );
      }
    }
    const keys = SORTS[sort];
    let cycleId = filter.cycleId ?? null;
    if (!cycleId && filter.currentCycle) {
      cycleId = await this.currentCycleId(db, principal);
      // No cycle at all: an empty page rather than every cycle's tasks.
      if (!cycleId) {
        return {
          cycleId: null,
          nodes: [],
          totalCount: 0,
          pageInfo: { hasNextPage: false, endCursor: null },
        };
      }
    }
    const base = this.filtered(db, principal, { ...filter, cycleId: cycleId ?? undefined });
    const q = base.clone();
    if (sort === 'ARTICLE') q.innerJoin('regulation_paragraph', 'p', 'p.id = d.paragraph_id');
    keys.forEach((key, i) => {
      q.addSelect(`${key.expression}::text`, `sort_key_${i}`);
      if (i === 0) q.orderBy(key.expression, direction);
      else q.addOrderBy(key.expression, direction);
    });
    q.addOrderBy('t.id', direction);
    if (after) {
      const values = decodeCursor(after, keys.length + 1);
      const op = direction === 'ASC' ? '>' : '<';
      const params: Record<string, string> = {};
      const left = [...keys.map((k) => k.expression), 't.id'];
      const right = values.map((value, i) => {
        params[`cursor${i}`] = value;
        const type = i < keys.length ? keys[i].type : 'uuid';
        return `CAST(:cursor${i} AS ${type})`;
      });
      q.andWhere(`(${left.join(', ')}) ${op} (${right.join(', ')})`, params);
    }
    if (offset) q.offset(offset);
    // One more than asked tells whether another page follows.
    const [{ entities, raw }, totalCount] = await Promise.all([
      q.limit(first + 1).getRawAndEntities(),
      base.clone().orderBy().getCount(),
    ]);
    const hasNextPage = entities.length > first;
    const nodes = entities.slice(0, first);
    const last = nodes.length ? (raw[nodes.length - 1] as Record<string, string>) : undefined;
    return {
      cycleId,
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage,
        endCursor: last
          ? encodeCursor([...keys.map((_, i) => last[`sort_key_${i}`]), nodes[nodes.length - 1].id])
          : null,
      },
    };
  }

  /**
   * The cycle a page shows when none is asked for: the newest open one, else the newest (the
   * rule of the web app's cycle selector, utils/cycles.ts, over the same newest-first order as
   * the `cycles` query), among the cycles of the caller's provinces (cycle/cycle-scope.ts).
   */
  currentCycleId(db: DataSource = this.dataSource, principal: Principal | null = null) {
    return currentCycleId(db.manager, principal);
  }

  private filtered(db: DataSource, principal: Principal, f: TaskFilter): SelectQueryBuilder<Task> {
    const q = db
      .getRepository(Task)
      .createQueryBuilder('t')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .innerJoin('duty', 'd', 'd.id = t.duty_id')
      .innerJoin('regulation_article', 'a', 'a.id = d.article_id')
      .innerJoin('regulation_chapter', 'ch', 'ch.id = a.chapter_id');
    scopeTasks(q, principal);
    if (!f.includeRetired) q.andWhere('t.retired_at IS NULL');
    if (f.cycleId) q.andWhere('t.cycle_id = :cycleId', { cycleId: f.cycleId });
    if (f.unitCode) q.andWhere('t.unit_code = :unitCode', { unitCode: f.unitCode });
    if (f.prefectureCode) {
      q.andWhere('(u.code = :pref OR u.parent_code = :pref)', { pref: f.prefectureCode });
    }
    if (f.chapterNumber !== undefined)
      q.andWhere('ch.number = :chapter', { chapter: f.chapterNumber });
    if (f.articleNumber !== undefined)
      q.andWhere('a.number = :article', { article: f.articleNumber });
    if (f.dutyId) q.andWhere('t.duty_id = :dutyId', { dutyId: f.dutyId });
    if (f.departmentKindCode) {
      q.andWhere(
        `EXISTS (SELECT 1 FROM department dk WHERE dk.kind_code = :kind AND (dk.id = t.lead_department_id
           OR dk.id IN (SELECT ta.department_id FROM task_assist ta WHERE ta.task_id = t.id)))`,
        { kind: f.departmentKindCode },
      );
    }
    if (f.statuses?.length) q.andWhere('t.status IN (:...statuses)', { statuses: f.statuses });
    if (f.overdue !== undefined && f.overdue !== null) {
      // Approved 不适用 tasks are out of every completion figure, the overdue count included.
      const overdue = `(t.due_date < :today AND t.status NOT IN ('SUBMITTED', 'VERIFIED') AND t.not_applicable_status IS DISTINCT FROM 'APPROVED')`;
      q.andWhere(f.overdue ? overdue : `NOT ${overdue}`, { today: this.today() });
    }
    if (f.acknowledged !== undefined && f.acknowledged !== null) {
      q.andWhere(`t.acknowledged_at IS ${f.acknowledged ? 'NOT ' : ''}NULL`);
    }
    if (f.dueBefore) q.andWhere('t.due_date < :dueBefore', { dueBefore: f.dueBefore });
    if (f.dueAfter) q.andWhere('t.due_date > :dueAfter', { dueAfter: f.dueAfter });
    if (f.search?.trim()) applySearch(q, f.search);
    if (f.reviewable) reviewableTasks(q, principal);
    return q;
  }

  /** Task history events in the principal's jurisdiction (auditors, supervisors). */
  async events(
    principal: Principal,
    filter: {
      taskId?: string;
      cycleId?: string;
      kind?: string;
      actorUsername?: string;
      unitCode?: string;
      from?: Date;
      to?: Date;
    },
    first: number,
    after?: string,
  ) {
    const q = this.dataSource
      .getRepository(TaskEvent)
      .createQueryBuilder('e')
      .innerJoin('task', 't', 't.id = e.task_id AND t.cycle_id = e.cycle_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .addSelect('e.occurred_at::text', 'cursor_at')
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    scopeTasks(q, principal);
    if (filter.taskId) q.andWhere('e.task_id = :taskId', { taskId: filter.taskId });
    if (filter.cycleId) q.andWhere('e.cycle_id = :cycleId', { cycleId: filter.cycleId });
    if (filter.kind) q.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.actorUsername) q.andWhere('e.actor_username = :who', { who: filter.actorUsername });
    if (filter.unitCode) {
      q.andWhere('(u.code = :unit OR u.parent_code = :unit)', { unit: filter.unitCode });
    }
    if (filter.from) q.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('e.occurred_at < :to', { to: filter.to });
    const totalCount = await q.clone().orderBy().getCount();
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      if (!/^\d+$/.test(id)) throw invalidCursor();
      q.andWhere(
        '(e.occurred_at, e.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS bigint))',
        {
          afterAt: at,
          afterId: id,
        },
      );
    }
    const { entities: rows, raw } = await q.limit(first + 1).getRawAndEntities();
    const nodes = rows.slice(0, first);
    const last = nodes.length ? (raw[nodes.length - 1] as { cursor_at: string }) : undefined;
    return {
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor([last.cursor_at, nodes[nodes.length - 1].id]) : null,
      },
    };
  }
}

export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function invalidCursor(): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, '分页游标无效，请从第一页重新查询。', {
    fields: { after: 'invalid' },
  });
}

/** The values of a cursor made by {@link encodeCursor} for a sort with `length` keys (id included). */
export function decodeCursor(cursor: string, length: number): string[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    Array.isArray(value) &&
    value.length === length &&
    value.every((v) => typeof v === 'string' && v.length <= 200)
  ) {
    const id = value[length - 1] as string;
    if (length === 2 && /^\d+$/.test(id)) return value as string[];
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      return value as string[];
    }
  }
  throw invalidCursor();
}

/** The search terms of a search text: whitespace-separated, duplicates dropped. */
export function searchTerms(search: string): string[] {
  const terms = search.trim().split(/\s+/u).filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_SEARCH_TERMS);
}

/**
 * The article number a term names: 第十二条, 第12条, 十二条, 第十二, or bare digits (12). Bare
 * Chinese numerals (十二) are ordinary words and name no article.
 */
export function articleNumberOf(term: string): number | undefined {
  const m = /^(第)?([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)(条)?$/u.exec(term);
  if (!m) return undefined;
  const [, prefix, numeral, suffix] = m;
  const digits = /^[0-9０-９]+$/u.test(numeral);
  if (!digits && !prefix && !suffix) return undefined;
  const value = tryChineseNumeralToInt(numeral);
  return value !== undefined && value > 0 && value < 100_000 ? value : undefined;
}

/**
 * Every term must occur in the duty text (or its subject), the unit name, the lead department's
 * name or kind code, or name the article. The dimension tables carry GIN indexes over the
 * character unigrams and bigrams of these texts (search_grams, migration
 * 1796720000000-AddTaskSearchIndexes): the index finds the candidates, ILIKE confirms the
 * substring. pg_trgm is not used: under the C locale of the embedded database it sees no
 * Chinese characters, and a trigram index cannot serve two-character terms.
 */
function applySearch<T extends object>(q: SelectQueryBuilder<T>, search: string): void {
  searchTerms(search).forEach((term, i) => {
    const like = `search_like_${i}`;
    const term_ = `search_term_${i}`;
    const params: Record<string, unknown> = { [like]: containsPattern(term), [term_]: term };
    const alternatives = [
      `t.duty_id IN (SELECT sd.id FROM duty sd WHERE search_grams(sd.text || ' ' || sd.subject) @> search_query_grams(:${term_}) AND (sd.text || ' ' || sd.subject) ILIKE :${like})`,
      `t.unit_code IN (SELECT su.code FROM admin_unit su WHERE search_grams(su.name) @> search_query_grams(:${term_}) AND su.name ILIKE :${like})`,
      `t.lead_department_id IN (SELECT sp.id FROM department sp WHERE search_grams(sp.name || ' ' || sp.kind_code) @> search_query_grams(:${term_}) AND (sp.name || ' ' || sp.kind_code) ILIKE :${like})`,
    ];
    const article = articleNumberOf(term);
    if (article !== undefined) {
      alternatives.push(`a.number = :search_article_${i}`);
      params[`search_article_${i}`] = article;
    }
    q.andWhere(`(${alternatives.join(' OR ')})`, params);
  });
}
