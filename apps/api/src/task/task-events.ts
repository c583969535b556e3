import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
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
  for (let i = 0; i < events.length; i += 500) {
    await manager.insert(
      TaskEvent,
      events.slice(i, i + 500).map(
        (e) =>
          ({
            ...e,
            before: e.before ?? null,
            after: e.after ?? null,
            reason: e.reason ?? null,
            ip: e.ip ?? null,
          }) as QueryDeepPartialEntity<TaskEvent>,
      ),
    );
  }
}
