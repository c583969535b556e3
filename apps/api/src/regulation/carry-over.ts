import type { ArticleChange } from '@duty/regulation/parser';
import { normalizeForComparison } from '@duty/regulation/parser';
import { EntityManager } from 'typeorm';
import { Duty } from '../duty/duty.entity';
import { DutyDepartment } from '../duty/duty-department.entity';
import { recordDutyEvents } from '../duty/duty-events';

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

/**
 * Carries duties across versions where the paragraph is unchanged: in every pair of matched
 * articles (unchanged, renumbered or changed), a paragraph of the new version with the same
 * wording (items included) as a paragraph of the old article takes over each old duty at the
 * same position (item, sequence) with the same wording — its lineage, tracked flag, review
 * state and reviewed fields and departments. Returns how many duties were carried.
 */
export async function carryOverReviews(
  manager: EntityManager,
  input: CarryOverInput,
): Promise<number> {
  const pairs = input.changes.filter(
    (c): c is ArticleChange & { from: number; to: number } =>
      c.from !== undefined && c.to !== undefined,
  );
  if (pairs.length === 0) return 0;
  const [previous, next] = await Promise.all([
    dutiesByParagraph(manager, input.previousVersionId),
    dutiesByParagraph(manager, input.nextVersionId),
  ]);
  const oldDepartments = await departmentsOf(manager, input.previousVersionId);
  let carried = 0;
  for (const { from, to } of pairs) {
    const oldParagraphs = previous.get(from) ?? new Map<number, ParagraphDuties>();
    const newParagraphs = next.get(to) ?? new Map<number, ParagraphDuties>();
    // Paragraphs may have moved inside the article: match by wording, not by number.
    const oldByFingerprint = new Map<string, ParagraphDuties[]>();
    for (const p of oldParagraphs.values()) {
      oldByFingerprint.set(p.fingerprint, [...(oldByFingerprint.get(p.fingerprint) ?? []), p]);
    }
    for (const paragraph of newParagraphs.values()) {
      const source = oldByFingerprint.get(paragraph.fingerprint)?.shift();
      if (!source) continue;
      for (const duty of paragraph.duties) {
        const old = source.duties.find(
          (d) =>
            d.itemNumber === duty.itemNumber &&
            d.sequence === duty.sequence &&
            normalizeForComparison(d.text) === normalizeForComparison(duty.text),
        );
        if (!old) continue;
        await carryOne(manager, old, duty, oldDepartments.get(old.id) ?? [], input.actor);
        carried++;
      }
    }
  }
  return carried;
}

async function carryOne(
  manager: EntityManager,
  old: Duty,
  duty: Duty,
  departments: DutyDepartment[],
  actor: string,
): Promise<void> {
  const carriedFields = {
    lineageId: old.lineageId,
    actorType: old.actorType,
    levels: old.levels,
    modality: old.modality,
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
      kind: 'carried_over',
      actor,
      before: {
        actorType: duty.actorType,
        levels: duty.levels,
        modality: duty.modality,
        tracked: duty.tracked,
        reviewState: duty.reviewState,
      },
      after: {
        ...carriedFields,
        departments: departments.map((d) => ({ code: d.departmentCode, role: d.role })),
      },
      note: `沿用上一版本的职责（${old.id}）：所在款文字未变。`,
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
