import DataLoader from 'dataloader';
import type { Principal, RequestMeta } from '../auth/principal';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Department } from '../admin-unit/department.entity';
import { DepartmentKindEntity } from '../department/department-kind.entity';
import { Evidence } from '../evidence/evidence.entity';
import { Task } from '../task/task.entity';
import { TaskAssist } from '../task/task-assist.entity';
import { TaskEvent } from '../task/task-event.entity';
import { TaskExtensionRequest } from '../task/task-extension.entity';
import { Duty } from '../duty/duty.entity';
import { DutyDepartment } from '../duty/duty-department.entity';
import { DutyReviewEvent } from '../duty/duty-review-event.entity';
import { RegulationArticle } from '../regulation/entities/regulation-article.entity';
import { RegulationChapter } from '../regulation/entities/regulation-chapter.entity';
import { RegulationItem } from '../regulation/entities/regulation-item.entity';
import { RegulationParagraph } from '../regulation/entities/regulation-paragraph.entity';
import { RegulationSection } from '../regulation/entities/regulation-section.entity';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { Regulation } from '../regulation/entities/regulation.entity';
import { regulationSummaries, RegulationSummary } from '../regulation/regulation-summary.query';
import { scopeTasks } from '../task/task-scope';
import { createPersonLoader } from '../user/person';

/** Rows of `entity` whose `key` column is one of the requested values, grouped by that value. */
function groupLoader<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: K,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>,
): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).find({
      where: { [key]: In([...ids]) } as never,
      order: order as never,
    });
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const id = String(row[key]);
      const group = groups.get(id);
      if (group) group.push(row);
      else groups.set(id, [row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

function byIdLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  idColumn: keyof T & string,
): DataLoader<string, T | undefined> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource
      .getRepository(entity)
      .find({ where: { [idColumn]: In([...ids]) } as never });
    const byId = new Map(rows.map((row) => [String(row[idColumn]), row]));
    return ids.map((id) => byId.get(id));
  });
}

/**
 * A task as its history is looked up: the history is partitioned by cycle (migration
 * PartitionTaskHistoryByCycle), and naming the cycles lets PostgreSQL read only theirs.
 */
export interface TaskRef {
  id: string;
  cycleId: string;
}

const byTaskId = { cacheKeyFn: (task: TaskRef) => task.id };

/** Each task's history, oldest first, one statement for a whole page of tasks. */
function historyLoader(dataSource: DataSource): DataLoader<TaskRef, TaskEvent[]> {
  return new DataLoader(async (tasks) => {
    const rows = await dataSource.getRepository(TaskEvent).find({
      where: {
        cycleId: In([...new Set(tasks.map((t) => t.cycleId))]),
        taskId: In(tasks.map((t) => t.id)),
      },
      order: { id: 'ASC' },
    });
    const groups = new Map<string, TaskEvent[]>();
    for (const row of rows) {
      const group = groups.get(row.taskId);
      if (group) group.push(row);
      else groups.set(row.taskId, [row]);
    }
    return tasks.map((t) => groups.get(t.id) ?? []);
  }, byTaskId);
}

/** Each task's latest return (a `status` event to RETURNED), one statement for a whole page. */
function latestReturnLoader(dataSource: DataSource): DataLoader<TaskRef, TaskEvent | undefined> {
  return new DataLoader(async (tasks) => {
    const rows = await dataSource
      .getRepository(TaskEvent)
      .createQueryBuilder('e')
      .distinctOn(['e.task_id'])
      .where('e.cycle_id IN (:...cycleIds)', {
        cycleIds: [...new Set(tasks.map((t) => t.cycleId))],
      })
      .andWhere('e.task_id IN (:...taskIds)', { taskIds: tasks.map((t) => t.id) })
      .andWhere(`e.kind = 'status'`)
      .andWhere(`e.after ->> 'status' = 'RETURNED'`)
      .orderBy('e.task_id')
      .addOrderBy('e.id', 'DESC')
      .getMany();
    const byTask = new Map(rows.map((row) => [row.taskId, row]));
    return tasks.map((t) => byTask.get(t.id));
  }, byTaskId);
}

export interface LevelTaskCount {
  level: 'province' | 'prefecture' | 'county';
  count: number;
}

const LEVEL_ORDER = ['province', 'prefecture', 'county'];

/**
 * Active (not retired) tasks of each cycle by unit level, counted within the principal's
 * jurisdiction (a prefecture's supervisor counts the prefecture and its counties, an operator
 * their own work): one grouped statement for every cycle of the request.
 */
function taskCountsLoader(
  dataSource: DataSource,
  principal: Principal | null,
): DataLoader<string, LevelTaskCount[]> {
  return new DataLoader(async (cycleIds) => {
    if (!principal) return cycleIds.map(() => []);
    const query = dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .innerJoin(AdminUnit, 'u', 'u.code = t.unit_code')
      .select('t.cycle_id', 'cycleId')
      .addSelect('u.level', 'level')
      .addSelect('count(*)::int', 'count')
      .where('t.cycle_id IN (:...cycleIds)', { cycleIds: [...cycleIds] })
      .andWhere('t.retired_at IS NULL')
      .groupBy('t.cycle_id')
      .addGroupBy('u.level');
    const rows = await scopeTasks(query, principal).getRawMany<
      LevelTaskCount & { cycleId: string }
    >();
    const byCycle = new Map<string, LevelTaskCount[]>();
    for (const { cycleId, level, count } of rows) {
      byCycle.set(cycleId, [...(byCycle.get(cycleId) ?? []), { level, count }]);
    }
    return cycleIds.map((id) =>
      (byCycle.get(id) ?? []).sort(
        (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level),
      ),
    );
  });
}

/**
 * DataLoaders for one GraphQL request (created in the context factory, never shared between
 * requests, so one user's cache never serves another). Every list field resolver goes
 * through one: a page of 500 duties costs a handful of queries, not thousands.
 */
export function createLoaders(dataSource: DataSource, principal: Principal | null = null) {
  return {
    versionsByRegulation: groupLoader(dataSource, RegulationVersion, 'regulationId', {
      versionNumber: 'ASC',
    }),
    versionById: byIdLoader(dataSource, RegulationVersion, 'id'),
    regulationById: byIdLoader(dataSource, Regulation, 'id'),
    summaryByRegulation: new DataLoader<string, RegulationSummary | undefined>(async (ids) => {
      const rows = await regulationSummaries(dataSource, ids, principal);
      const byId = new Map(rows.map((row) => [row.regulationId, row]));
      return ids.map((id) => byId.get(id));
    }),
    chaptersByVersion: groupLoader(dataSource, RegulationChapter, 'versionId', { number: 'ASC' }),
    chapterById: byIdLoader(dataSource, RegulationChapter, 'id'),
    sectionsByChapter: groupLoader(dataSource, RegulationSection, 'chapterId', { number: 'ASC' }),
    articlesByChapter: groupLoader(dataSource, RegulationArticle, 'chapterId', { number: 'ASC' }),
    articleById: byIdLoader(dataSource, RegulationArticle, 'id'),
    paragraphsByArticle: groupLoader(dataSource, RegulationParagraph, 'articleId', {
      number: 'ASC',
    }),
    paragraphById: byIdLoader(dataSource, RegulationParagraph, 'id'),
    itemsByParagraph: groupLoader(dataSource, RegulationItem, 'paragraphId', { number: 'ASC' }),
    itemById: byIdLoader(dataSource, RegulationItem, 'id'),
    dutiesByParagraph: groupLoader(dataSource, Duty, 'paragraphId', {
      itemNumber: 'ASC',
      sequence: 'ASC',
    }),
    departmentsByDuty: groupLoader(dataSource, DutyDepartment, 'dutyId', {
      role: 'DESC',
      departmentCode: 'ASC',
    }),
    departmentKindByCode: byIdLoader(dataSource, DepartmentKindEntity, 'code'),
    eventsByDuty: groupLoader(dataSource, DutyReviewEvent, 'dutyId', { createdAt: 'ASC' }),
    unitByCode: byIdLoader(dataSource, AdminUnit, 'code'),
    dutyById: byIdLoader(dataSource, Duty, 'id'),
    assistsByTask: groupLoader(dataSource, TaskAssist, 'taskId', { departmentId: 'ASC' }),
    taskById: byIdLoader(dataSource, Task, 'id'),
    eventsByTask: historyLoader(dataSource),
    latestReturnByTask: latestReturnLoader(dataSource),
    extensionsByTask: groupLoader(dataSource, TaskExtensionRequest, 'taskId', {
      requestedAt: 'ASC',
    }),
    departmentById: byIdLoader(dataSource, Department, 'id'),
    evidenceByTask: groupLoader(dataSource, Evidence, 'taskId', { uploadedAt: 'ASC', id: 'ASC' }),
    taskCountsByCycle: taskCountsLoader(dataSource, principal),
    personByUsername: createPersonLoader(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GraphQLContext {
  req: unknown;
  res: unknown;
  loaders: Loaders;
  /** The signed-in user, or null. */
  principal: Principal | null;
  meta: RequestMeta;
}
