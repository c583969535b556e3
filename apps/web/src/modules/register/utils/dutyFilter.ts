import type { Chapter, Duty, DutyKind, Modality, ReviewState } from '../graphql/types';

export interface DutyFilter {
  search: string;
  /** What the statements do (default: every kind). */
  kinds?: DutyKind[];
  /** true: tracked duties only; false: untracked only. */
  tracked?: boolean;
  /** Only duties whose inferred actor awaits confirmation. */
  needsReview?: boolean;
  modality?: Modality;
  /** Department kind code (lead or assisting). */
  departmentCode?: string;
  reviewState?: ReviewState;
}

export const EMPTY_FILTER: DutyFilter = { search: '' };

export const isFilterActive = (f: DutyFilter) =>
  f.search.trim() !== '' ||
  !!f.kinds?.length ||
  f.tracked !== undefined ||
  !!f.needsReview ||
  !!f.modality ||
  !!f.departmentCode ||
  !!f.reviewState;

/** Whether a duty passes every given filter (search: text, subject, actor or department). */
export function dutyMatches(duty: Duty, filter: DutyFilter): boolean {
  if (filter.kinds?.length && !filter.kinds.includes(duty.kind)) return false;
  if (filter.tracked !== undefined && duty.tracked !== filter.tracked) return false;
  if (filter.needsReview && !duty.needsReview) return false;
  if (filter.modality && duty.modality !== filter.modality) return false;
  if (filter.reviewState && duty.reviewState !== filter.reviewState) return false;
  if (
    filter.departmentCode &&
    !duty.departments.some((d) => d.department.code === filter.departmentCode)
  ) {
    return false;
  }
  const needle = filter.search.trim().toLowerCase();
  if (!needle) return true;
  return [
    duty.text,
    duty.subject,
    duty.actorText,
    ...duty.departments.map((d) => d.department.name),
  ].some((s) => s.toLowerCase().includes(needle));
}

/** Every duty of a chapter. */
export function dutiesOfChapter(chapter: Chapter): Duty[] {
  return chapter.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.duties));
}

/** Per chapter number: how many duties pass the filter. */
export function matchCounts(chapters: readonly Chapter[], filter: DutyFilter): Map<number, number> {
  return new Map(
    chapters.map((c) => [
      c.number,
      dutiesOfChapter(c).filter((d) => dutyMatches(d, filter)).length,
    ]),
  );
}
