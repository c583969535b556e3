import { EntityManager, EntityMetadata } from 'typeorm';
import { PositionalParams } from '../common/entity-rows';
import { TaskEvent } from './task-event.entity';

export interface NewTaskEvent {
  taskId: string;
  unitCode: string;
  cycleId: string;
  actorUsername: string;
  kind: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
  ip?: string | null;
  /** Defaults to now(); the demo seed dates its history through the year. */
  occurredAt?: Date;
}

/** Appends to task histories (the table is append-only). */
export async function recordTaskEvents(
  manager: EntityManager,
  events: NewTaskEvent[],
): Promise<void> {
  // One hand-written INSERT per 500 events (every task change writes one).
  for (let i = 0; i < events.length; i += 500) {
    const params = new PositionalParams();
    const { columns, tuples } = taskEventValuesSql(manager, events.slice(i, i + 500), params);
    await manager.query(
      `INSERT INTO task_event (${columns}) VALUES ${tuples.join(', ')}`,
      params.values,
    );
  }
}

/** The column list and one `(…)` tuple per event of an INSERT INTO task_event. */
function taskEventValuesSql(
  manager: EntityManager,
  events: NewTaskEvent[],
  params: PositionalParams,
): { columns: string; tuples: string[] } {
  const columns = insertedColumns(manager);
  const tuples = events.map((e) => {
    const placeholders = columns.map(({ property, column }) => {
      const value = eventValue(e, property);
      return value === undefined
        ? 'DEFAULT'
        : params.add(manager.connection.driver.preparePersistentValue(value, column));
    });
    return `(${placeholders.join(', ')})`;
  });
  return { columns: columnList(manager, columns), tuples };
}

/**
 * `INSERT INTO task_event (…) SELECT … FROM <source>`: the event written once for each row of
 * `source` (a CTE of the statement making the change it records: no row, no event), its values
 * bound in `params` and cast to their columns' types; without its own time, the column's
 * default (now(), the statement's transaction time).
 */
export function taskEventInsertFromSql(
  manager: EntityManager,
  event: NewTaskEvent,
  params: PositionalParams,
  source: string,
): string {
  const { driver } = manager.connection;
  const columns = insertedColumns(manager).filter(
    ({ property }) => eventValue(event, property) !== undefined,
  );
  const values = columns.map(
    ({ property, column }) =>
      `${params.add(driver.preparePersistentValue(eventValue(event, property), column))}::${driver.normalizeType(column)}`,
  );
  return `INSERT INTO task_event (${columnList(manager, columns)}) SELECT ${values.join(', ')} FROM ${source}`;
}

/** An event's value for a column; undefined: the column's default. */
function eventValue(e: NewTaskEvent, property: (typeof INSERTED)[number]): unknown {
  switch (property) {
    case 'occurredAt':
      return e.occurredAt;
    case 'before':
    case 'after':
    case 'reason':
    case 'ip':
      return e[property] ?? null;
    default:
      return e[property];
  }
}

type InsertedColumn = {
  property: (typeof INSERTED)[number];
  column: EntityMetadata['columns'][number];
};

const insertedColumnsOf = new WeakMap<EntityMetadata, InsertedColumn[]>();

function insertedColumns(manager: EntityManager): InsertedColumn[] {
  const metadata = manager.connection.getMetadata(TaskEvent);
  let columns = insertedColumnsOf.get(metadata);
  if (!columns) {
    columns = INSERTED.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`task_event has no column for ${property}.`);
      return { property, column };
    });
    insertedColumnsOf.set(metadata, columns);
  }
  return columns;
}

function columnList(manager: EntityManager, columns: InsertedColumn[]): string {
  return columns
    .map(({ column }) => manager.connection.driver.escape(column.databaseName))
    .join(', ');
}

const INSERTED = [
  'taskId',
  'unitCode',
  'cycleId',
  'occurredAt',
  'actorUsername',
  'kind',
  'before',
  'after',
  'reason',
  'ip',
] as const satisfies ReadonlyArray<keyof NewTaskEvent>;
