import type { AssessmentPlanDutiesQuery } from '../../../graphql/generated/graphql';
import type { PlanIndicatorDraft } from './planDraft';

/** A duty an indicator may cover (a tracked government duty of the cycle's regulation). */
export type PlanDuty = AssessmentPlanDutiesQuery['duties']['nodes'][number];

/** An article with tracked duties, which an indicator may cover whole. */
export interface PlanArticle {
  number: number;
  title: string | null;
  chapter: number;
  /** Lineage ids of its duties. */
  dutyIds: string[];
}

/** The articles of `duties` (listed in the order of the regulation), with their duties. */
export function articlesOf(duties: readonly PlanDuty[]): PlanArticle[] {
  const byNumber = new Map<number, PlanArticle>();
  for (const duty of duties) {
    const { number, title, chapter } = duty.article;
    const article = byNumber.get(number) ?? {
      number,
      title,
      chapter: chapter.number,
      dutyIds: [],
    };
    article.dutyIds.push(duty.lineageId);
    byNumber.set(number, article);
  }
  return [...byNumber.values()];
}

/**
 * The indicator each duty belongs to (lineage id → indicator), an indicator of whole articles
 * claiming every duty of them: the API rejects a duty in two indicators.
 */
export function dutyOwners(
  indicators: readonly PlanIndicatorDraft[],
  duties: readonly PlanDuty[],
): Map<string, PlanIndicatorDraft> {
  const owners = new Map<string, PlanIndicatorDraft>();
  for (const indicator of indicators) {
    for (const id of indicator.dutyIds) owners.set(id, indicator);
    if (indicator.articles.length === 0) continue;
    for (const duty of duties) {
      if (indicator.articles.includes(duty.article.number)) owners.set(duty.lineageId, indicator);
    }
  }
  return owners;
}

/** The chapter of the chosen duties, or undefined when none or more than one chapter is chosen. */
export function chapterOfDuties(
  dutyIds: readonly string[],
  duties: readonly PlanDuty[],
): number | undefined {
  const chapters = new Set(
    duties.filter((d) => dutyIds.includes(d.lineageId)).map((d) => d.article.chapter.number),
  );
  return chapters.size === 1 ? [...chapters][0] : undefined;
}

/** An id no indicator of the plan has: `indicator-1`, `indicator-2`, … */
export function newIndicatorId(indicators: readonly Pick<PlanIndicatorDraft, 'id'>[]): string {
  const taken = new Set(indicators.map((i) => i.id));
  let n = 1;
  while (taken.has(`indicator-${n}`)) n += 1;
  return `indicator-${n}`;
}

/**
 * The name offered for a new indicator, in the form the API names the default plan's
 * indicators (`第12条 subject`). Indicator names are data of the plan (they appear in the
 * Chinese assessment report), so they follow the regulation's language, not the UI's.
 */
export function suggestedIndicatorName(
  choice: { dutyIds: readonly string[] } | { article: number },
  duties: readonly PlanDuty[],
): string {
  if ('article' in choice) {
    const duty = duties.find((d) => d.article.number === choice.article);
    const title = duty?.article.title?.trim();
    return title ? `第${choice.article}条 ${title}` : `第${choice.article}条`;
  }
  const first = duties.find((d) => d.lineageId === choice.dutyIds[0]);
  return first ? `第${first.article.number}条 ${first.subject}` : '';
}

/**
 * Adds an indicator after the last one of its chapter (before the first of a later chapter
 * when its chapter has none), keeping the list in chapter order; returns the new list and the
 * indicator's position in it.
 */
export function insertIndicator(
  indicators: readonly PlanIndicatorDraft[],
  indicator: PlanIndicatorDraft,
): { indicators: PlanIndicatorDraft[]; index: number } {
  const later = indicators.findIndex((i) => i.chapter > indicator.chapter);
  const index = later === -1 ? indicators.length : later;
  return {
    indicators: [...indicators.slice(0, index), indicator, ...indicators.slice(index)],
    index,
  };
}
