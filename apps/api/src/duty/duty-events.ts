import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DutyEventKind, DutyReviewEvent } from './duty-review-event.entity';

export interface NewDutyEvent {
  dutyId: string;
  kind: DutyEventKind;
  actor: string;
  before: object | null;
  after: object | null;
  note?: string | null;
}

function row(event: NewDutyEvent) {
  // jsonb snapshots are plain data; TypeORM's deep-partial typing cannot express nullable fields in them.
  return {
    id: randomUUID(),
    ...event,
    note: event.note ?? null,
  } as QueryDeepPartialEntity<DutyReviewEvent>;
}

/** Appends entries to duty histories (one INSERT for many). */
export async function recordDutyEvents(
  manager: EntityManager,
  events: NewDutyEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    await manager.insert(DutyReviewEvent, events.slice(i, i + 500).map(row));
  }
}
