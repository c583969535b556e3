import { randomUUID } from 'node:crypto';
import type { ArticleChange } from '@duty/regulation/parser';
import { EntityManager } from 'typeorm';
import { recordDutyEvents } from '../duty/duty-events';
import { updateReturning } from '../common/query-helpers';
import { sourcesOfChange } from '../regulation/carry-over';
import { DutyMappingSuggestion } from './duty-mapping-suggestion.entity';
import { MappableDuty, ReworkedArticle, suggestDutyMappings } from './duty-mapping-suggestions';

const REWORKED = new Set(['changed', 'merged', 'split']);

/**
 * At import of a new version, after the automatic carry-over: stores the suggested mappings for
 * the duties of reworded articles that did not carry over (see {@link suggestDutyMappings}).
 * Returns how many were stored (all pending).
 */
export async function storeMappingSuggestions(
  manager: EntityManager,
  input: { previousVersionId: string; nextVersionId: string; changes: ArticleChange[] },
): Promise<number> {
  const articles: ReworkedArticle[] = input.changes
    .filter((c) => REWORKED.has(c.kind) && c.to !== undefined)
    .map((c) => ({
      kind: c.kind as ReworkedArticle['kind'],
      to: c.to as number,
      sources: sourcesOfChange(c),
    }));
  if (articles.length === 0) return 0;
  const next = await dutiesIn(
    manager,
    input.nextVersionId,
    articles.map((a) => a.to),
    `d.carried_from_id IS NULL`,
  );
  const previous = await dutiesIn(
    manager,
    input.previousVersionId,
    [...new Set(articles.flatMap((a) => a.sources))],
    // An old duty already continued by an unchanged paragraph is spoken for.
    `NOT EXISTS (SELECT 1 FROM duty n WHERE n.version_id = $3 AND n.carried_from_id = d.id)`,
    input.nextVersionId,
  );
  const suggestions = suggestDutyMappings({ articles, next, previous });
  for (let i = 0; i < suggestions.length; i += 500) {
    await manager.insert(
      DutyMappingSuggestion,
      suggestions.slice(i, i + 500).map((s) => ({
        id: randomUUID(),
        versionId: input.nextVersionId,
        dutyId: s.dutyId,
        previousDutyId: s.previousDutyId,
        articleChange: s.articleChange,
        similarity: s.similarity,
        primary: s.primary,
        status: 'pending' as const,
        rowVersion: 1,
      })),
    );
  }
  return suggestions.length;
}

async function dutiesIn(
  manager: EntityManager,
  versionId: string,
  articleNumbers: number[],
  condition: string,
  ...extra: string[]
): Promise<MappableDuty[]> {
  return manager.query(
    `SELECT d.id, a.number AS article, d.text
       FROM duty d
       JOIN regulation_article a ON a.id = d.article_id
       JOIN regulation_paragraph p ON p.id = d.paragraph_id
      WHERE d.version_id = $1 AND a.number = ANY ($2::int[]) AND ${condition}
      ORDER BY a.number, p.number, d.item_number, d.sequence`,
    [versionId, articleNumbers, ...extra],
  );
}

/**
 * Suggestions of an earlier version still pending when a newer version is imported can no
 * longer be decided (the newer version was carried over from the duties as they stood): they
 * are closed as rejected — the new duties stay new lineages, which is what pending meant — and
 * the closure is recorded on each duty. Returns how many were closed.
 */
export async function expirePendingMappings(
  manager: EntityManager,
  versionId: string,
  actor: string,
): Promise<number> {
  const reason = '导入了更新的法规版本，未处理的映射建议自动失效（职责按新沿革处理）。';
  const closed = await updateReturning<{ duty_id: string; previous_duty_id: string }>(
    manager,
    `UPDATE duty_mapping_suggestion
        SET status = 'rejected', decided_by = $2, decided_at = now(), reason = $3,
            row_version = row_version + 1
      WHERE version_id = $1 AND status = 'pending'
     RETURNING duty_id, previous_duty_id`,
    [versionId, actor, reason],
  );
  await recordDutyEvents(
    manager,
    closed.map((s) => ({
      dutyId: s.duty_id,
      kind: 'mapping_rejected',
      actor,
      before: { previousDutyId: s.previous_duty_id, status: 'pending' },
      after: { previousDutyId: s.previous_duty_id, status: 'rejected' },
      note: reason,
    })),
  );
  return closed.length;
}
