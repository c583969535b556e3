import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { AppError } from '../graphql/app-error';
import { TaskEvent } from './task-event.entity';
import { scopeTasks } from './task-scope';
import { Task } from './task.entity';
import { TaskStatus } from './task-workflow';
import { containsPattern } from '../common/query-helpers';
import { shanghaiDate } from '../common/iso-date';

export type TaskSort = 'DUE_DATE' | 'UPDATED_AT' | 'UNIT';

export interface TaskFilter {
  cycleId?: string;
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
}

const SORTS: Record<TaskSort, { column: string; direction: 'ASC' | 'DESC' }> = {
  DUE_DATE: { column: 't.due_date', direction: 'ASC' },
  UPDATED_AT: { column: 't.updated_at', direction: 'DESC' },
  UNIT: { column: 't.unit_code', direction: 'ASC' },
};

/** Tasks as the principal may see them, filtered, sorted, with keyset (cursor) pagination. */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today in China (UTC+8), as analytics and the assessment count it. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async page(
    principal: Principal,
    filter: TaskFilter,
    first: number,
    after: string | undefined,
    sort: TaskSort,
  ) {
    const { column, direction } = SORTS[sort];
    const base = this.filtered(principal, filter);
    const q = base
      .clone()
      .addSelect(`${column}::text`, 'sort_key')
      .orderBy(column, direction)
      .addOrderBy('t.id', direction);
    if (after) {
      const [key, id] = decodeCursor(after);
      const op = direction === 'ASC' ? '>' : '<';
      q.andWhere(`(${column}::text, t.id::text) ${op} (:cursorKey, :cursorId)`, {
        cursorKey: key,
        cursorId: id,
      });
    }
    // One more than asked tells whether another page follows.
    const { entities, raw } = await q.limit(first + 1).getRawAndEntities();
    const totalCount = await base.clone().orderBy().getCount();
    const hasNextPage = entities.length > first;
    const nodes = entities.slice(0, first);
    const last = nodes.length ? raw[nodes.length - 1] : undefined;
    return {
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage,
        endCursor: last ? encodeCursor(last.sort_key, nodes[nodes.length - 1].id) : null,
      },
    };
  }

  private filtered(principal: Principal, f: TaskFilter): SelectQueryBuilder<Task> {
    const q = this.dataSource
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
    if (f.search?.trim()) {
      const like = containsPattern(f.search);
      q.andWhere(
        new Brackets((b) =>
          b
            .where('t.progress_note ILIKE :like', { like })
            .orWhere('t.measures ILIKE :like')
            .orWhere('d.subject ILIKE :like')
            .orWhere('u.name ILIKE :like'),
        ),
      );
    }
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
      .innerJoin('task', 't', 't.id = e.task_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .orderBy('e.id', 'DESC');
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
    if (after) q.andWhere('e.id < :afterId', { afterId: decodeCursor(after)[1] });
    const rows = await q.limit(first + 1).getMany();
    const nodes = rows.slice(0, first);
    return {
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: nodes.length ? encodeCursor('', nodes[nodes.length - 1].id) : null,
      },
    };
  }
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  throw new AppError(ErrorCode.VALIDATION_FAILED, '分页游标无效。', {
    fields: { after: 'invalid' },
  });
}
