import type { ArticleChange } from '@duty/regulation/parser';
import { normalizeForComparison } from '@duty/regulation/parser';
import { EntityManager } from 'typeorm';
import { Duty } from '../duty/duty.entity';
import { DutyDepartment } from '../duty/duty-department.entity';
import { recordDutyEvents } from '../duty/duty-events';
import type { DutyEventKind } from '../duty/duty-review-event.entity';

interface CarryOverInput {
  previousVersionId: string;
  nextVersionId: string;
  changes: ArticleChange[];
  actor: string;
}

interface ParagraphDuties {
  fingerprint: string;
  duties: Duty[];
}

/** The old article(s) a change of the alignment draws on: all sources of a merge, not only the main one. */
export function sourcesOfChange(change: ArticleChange): number[] {
  if (change.sources?.length) return [...change.sources];
  return change.from !== undefined ? [change.from] : [];
}

/**
 * Carries duties across versions where the paragraph is unchanged: for every article of the new
 * version aligned with old article(s) (unchanged, renumbered, changed, merged — every source —
 * or split), a paragraph with the same wording (items included) as a paragraph of its source
 * article(s) takes over each old duty at the same position (item, sequence) with the same wording
 * — its lineage, kind, tracked flag, review state and reviewed fields (a confirmed actor stays
 * confirmed) and departments. An old paragraph is carried into one new paragraph at most (a
 * lineage continues in one duty), so the parts of a split that repeat a sentence do not share it.
 * Returns how many duties were carried.
 */
export async function carryOverReviews(
  manager: EntityManager,
  input: CarryOverInput,
): Promise<number> {
  const pairs = input.changes
    .filter((c): c is ArticleChange & { to: number } => c.to !== undefined)
    .map((c) => ({ to: c.to, sources: sourcesOfChange(c) }))
    .filter((c) => c.sources.length > 0);
  if (pairs.length === 0) return 0;
  const [previous, next] = await Promise.all([
    dutiesByParagraph(manager, input.previousVersionId),
    dutiesByParagraph(manager, input.nextVersionId),
  ]);
  const oldDepartments = await departmentsOf(manager, input.previousVersionId);
  const usedParagraphs = new Set<ParagraphDuties>();
  let carried = 0;
  for (const { to, sources } of pairs) {
    const newParagraphs = next.get(to) ?? new Map<number, ParagraphDuties>();
    // Paragraphs may have moved inside the article (or come from another source of a merge):
    // match by wording, not by number.
    const oldByFingerprint = new Map<string, ParagraphDuties[]>();
    for (const source of sources) {
      for (const p of (previous.get(source) ?? new Map<number, ParagraphDuties>()).values()) {
        if (usedParagraphs.has(p)) continue;
        oldByFingerprint.set(p.fingerprint, [...(oldByFingerprint.get(p.fingerprint) ?? []), p]);
      }
    }
    for (const paragraph of newParagraphs.values()) {
      const source = oldByFingerprint.get(paragraph.fingerprint)?.shift();
      if (!source) continue;
      usedParagraphs.add(source);
      for (const duty of paragraph.duties) {
        const old = source.duties.find(
          (d) =>
            d.itemNumber === duty.itemNumber &&
            d.sequence === duty.sequence &&
            normalizeForComparison(d.text) === normalizeForComparison(duty.text),
        );
        if (!old) continue;
        await takeOverDuty(manager, {
          old,
          duty,
          departments: oldDepartments.get(old.id) ?? [],
          actor: input.actor,
          kind: 'carried_over',
          note: `沿用上一版本的职责（${old.id}）：所在款文字未变。`,
        });
        carried++;
      }
    }
  }
  return carried;
}

/**
 * A duty of the new version takes over an old one: its lineage (so tasks and evidence follow),
 * kind, actor, levels, modality, tracked flag, review state and departments; recorded in the new
 * duty's history with the before and after. Used for automatic carry-over and for a confirmed
 * mapping.
 */
export async function takeOverDuty(
  manager: EntityManager,
  input: {
    old: Duty;
    duty: Duty;
    departments: DutyDepartment[];
    actor: string;
    kind: Extract<DutyEventKind, 'carried_over' | 'mapping_confirmed'>;
    note: string;
  },
): Promise<void> {
  const { old, duty, departments } = input;
  const carriedFields = {
    lineageId: old.lineageId,
    actorType: old.actorType,
    levels: old.levels,
    modality: old.modality,
    kind: old.kind,
    needsReview: old.needsReview,
    governmentDuty: old.governmentDuty,
    tracked: old.tracked,
    reviewState: old.reviewState,
    reviewedBy: old.reviewedBy,
    reviewedAt: old.reviewedAt,
    carriedFromId: old.id,
  };
  await manager.update(Duty, { id: duty.id }, carriedFields);
  await manager.delete(DutyDepartment, { dutyId: duty.id });
  if (departments.length) {
    await manager.insert(
      DutyDepartment,
      departments.map((d) => ({ ...d, dutyId: duty.id })),
    );
  }
  await recordDutyEvents(manager, [
    {
      dutyId: duty.id,
      kind: input.kind,
      actor: input.actor,
      before: {
        lineageId: duty.lineageId,
        actorType: duty.actorType,
        levels: duty.levels,
        modality: duty.modality,
        kind: duty.kind,
        needsReview: duty.needsReview,
        tracked: duty.tracked,
        reviewState: duty.reviewState,
      },
      after: {
        ...carriedFields,
        departments: departments.map((d) => ({ code: d.departmentCode, role: d.role })),
      },
      note: input.note,
    },
  ]);
}

/** article number → paragraph number → fingerprint and duties */
async function dutiesByParagraph(
  manager: EntityManager,
  versionId: string,
): Promise<Map<number, Map<number, ParagraphDuties>>> {
  const rows: Array<{
    article: number;
    paragraph: number;
    fingerprint: string;
    duty_id: string | null;
  }> = await manager.query(
    `SELECT a.number AS article, p.number AS paragraph, p.fingerprint, d.id AS duty_id
         FROM regulation_paragraph p
         JOIN regulation_article a ON a.id = p.article_id
         LEFT JOIN duty d ON d.paragraph_id = p.id
        WHERE a.version_id = $1
        ORDER BY a.number, p.number, d.item_number, d.sequence`,
    [versionId],
  );
  const duties = await manager.find(Duty, { where: { versionId } });
  const byId = new Map(duties.map((d) => [d.id, d]));
  const result = new Map<number, Map<number, ParagraphDuties>>();
  for (const row of rows) {
    const article = result.get(row.article) ?? new Map<number, ParagraphDuties>();
    result.set(row.article, article);
    const paragraph = article.get(row.paragraph) ?? { fingerprint: row.fingerprint, duties: [] };
    article.set(row.paragraph, paragraph);
    const duty = row.duty_id ? byId.get(row.duty_id) : undefined;
    if (duty) paragraph.duties.push(duty);
  }
  return result;
}

async function departmentsOf(manager: EntityManager, versionId: string) {
  const rows = await manager
    .createQueryBuilder(DutyDepartment, 'dd')
    .innerJoin(Duty, 'd', 'd.id = dd.duty_id')
    .where('d.version_id = :versionId', { versionId })
    .getMany();
  const map = new Map<string, DutyDepartment[]>();
  for (const row of rows) map.set(row.dutyId, [...(map.get(row.dutyId) ?? []), row]);
  return map;
}
