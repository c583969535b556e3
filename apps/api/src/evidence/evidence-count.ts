import { EntityManager } from 'typeorm';

/** Current evidence files of a task (withdrawn and superseded versions do not count). */
export async function countCurrentEvidence(
  manager: EntityManager,
  taskId: string,
): Promise<number> {
  const [{ n }] = await manager.query(
    `SELECT count(*)::int AS n FROM evidence
      WHERE task_id = $1 AND withdrawn_at IS NULL AND superseded_by_id IS NULL`,
    [taskId],
  );
  return n;
}
