import type { DutyKind, JurisdictionTier, Modality, TextKind } from '@duty/regulation/duties';
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
  /**
   * Accept a text whose title differs from the stored title of an existing regulation code
   * (e.g. a law renamed on amendment). Without it such an import is refused.
   */
  confirmTitleChange?: boolean;
  /**
   * The regulation's coordinating department (a DepartmentKind code, e.g. market_regulation),
   * suggested as lead where the text names none. Kept on the regulation for later versions;
   * undefined keeps the stored one, null clears it.
   */
  coordinatingDepartment?: string | null;
  /**
   * The province (XX0000) owning the regulation; null: national (全国通用). A new regulation gets
   * it (undefined: national); for an existing one it must be the stored owner when given (the
   * owner never changes by import). With an importing principal, see RegulationImportService.
   */
  ownerProvinceCode?: string | null;
}

export interface ImportRegulationResult {
  regulationId: string;
  versionId: string;
  versionNumber: number;
  /** True when the latest version already had exactly this text: nothing was imported. */
  alreadyImported: boolean;
  title: string;
  /** The kind of text detected from its title and front matter (法律, 地方性法规…). */
  textKind: TextKind;
  /** Whose governments it addresses, which decided how its level words were read. */
  tier: JurisdictionTier;
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
  duties: number;
  governmentDuties: number;
  trackedDuties: number;
  dutiesByModality: Record<Modality, number>;
  dutiesByKind: Record<DutyKind, number>;
  /** Duties whose actor was inferred from another article: a reviewer must confirm them. */
  needsReview: number;
  /** Duties whose review carried over from the previous version (unchanged paragraphs). */
  carriedOver: number;
  /** Suggested mappings stored for duties of changed, merged and split articles (pending). */
  mappingSuggestions: number;
  /** Article-level diff against the previous version; empty for the first version. */
  changes: ArticleChange[];
  warnings: Array<{ code: string; line: number; message: string }>;
}
