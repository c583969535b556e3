import type { Modality } from '@duty/regulation/duties';
import type { ArticleChange } from '@duty/regulation/parser';
import type { RegulationVersionStatus } from './entities/regulation-version.entity';

export interface ImportRegulationInput {
  code: string;
  text: string;
  status: RegulationVersionStatus;
  /** YYYY-MM-DD or null (unknown). */
  effectiveDate: string | null;
  /** Who imports: a user id once sign-in exists, or e.g. `cli:<os user>` / `seed`. */
  importedBy: string;
}

export interface ImportRegulationResult {
  regulationId: string;
  versionId: string;
  versionNumber: number;
  /** True when the latest version already had exactly this text: nothing was imported. */
  alreadyImported: boolean;
  title: string;
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
  duties: number;
  governmentDuties: number;
  trackedDuties: number;
  dutiesByModality: Record<Modality, number>;
  /** Duties whose review carried over from the previous version (unchanged paragraphs). */
  carriedOver: number;
  /** Article-level diff against the previous version; empty for the first version. */
  changes: ArticleChange[];
  warnings: Array<{ code: string; line: number; message: string }>;
}
