import type { TaskStatus } from '../../../graphql/generated/graphql';

export const PACK_PATH = '/api/evidence/pack';

export interface PackSelection {
  cycleId: string;
  /** None: the whole jurisdiction. A prefecture includes its counties. */
  unitCode?: string;
  chapters?: readonly number[];
  articles?: readonly number[];
  statuses?: readonly TaskStatus[];
}

/** `/api/evidence/pack?cycleId=…` with only the given parts (lists comma-separated). */
export function packUrl({
  cycleId,
  unitCode,
  chapters,
  articles,
  statuses,
}: PackSelection): string {
  const params = new URLSearchParams({ cycleId });
  if (unitCode) params.set('unitCode', unitCode);
  if (chapters?.length) params.set('chapters', [...chapters].sort((a, b) => a - b).join(','));
  if (articles?.length) params.set('articles', [...articles].sort((a, b) => a - b).join(','));
  if (statuses?.length) params.set('statuses', statuses.join(','));
  return `${PACK_PATH}?${params.toString()}`;
}

/**
 * Numbers typed as tags (e.g. `12`, `第12条`, `3,5`): the whole numbers among them, each once;
 * anything else is left out (the form flags it).
 */
export function parseNumberTags(tags: readonly string[] | undefined): {
  numbers: number[];
  invalid: string[];
} {
  const numbers = new Set<number>();
  const invalid: string[] = [];
  for (const tag of tags ?? []) {
    for (const part of tag.split(/[,，、\s]+/).filter(Boolean)) {
      const digits = /^(?:第)?(\d{1,3})(?:[章条])?$/.exec(part)?.[1];
      if (digits) numbers.add(Number(digits));
      else invalid.push(part);
    }
  }
  return { numbers: [...numbers].sort((a, b) => a - b), invalid };
}
