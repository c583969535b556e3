import { EntityManager } from 'typeorm';
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
  const metadata = manager.connection.getMetadata(TaskEvent);
  const { driver } = manager.connection;
  // One hand-written INSERT per 500 events (every task change writes one): the values are
  // prepared per column as TypeORM prepares them (jsonb as JSON text); an event without its own
  // time gets the column's default (now()).
  const columns = INSERTED.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`task_event has no column for ${property}.`);
    return column;
  });
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  for (let i = 0; i < events.length; i += 500) {
    const params = new PositionalParams();
    const tuples = events.slice(i, i + 500).map((e) => {
      const values: Record<(typeof INSERTED)[number], unknown> = {
        ...e,
        occurredAt: e.occurredAt,
        before: e.before ?? null,
        after: e.after ?? null,
        reason: e.reason ?? null,
        ip: e.ip ?? null,
      };
      const placeholders = columns.map((column, c) => {
        const value = values[INSERTED[c]];
        return value === undefined
          ? 'DEFAULT'
          : params.add(driver.preparePersistentValue(value, column));
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO task_event (${names}) VALUES ${tuples.join(', ')}`,
      params.values,
    );
  }
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
