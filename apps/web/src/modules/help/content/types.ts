import type { Role } from '../../auth/graphql/types';

export interface GlossaryEntry {
  term: string;
  /** Other names or the English term, shown beside the term. */
  aka?: string;
  definition: string;
}

export interface RoleGuide {
  role: Role;
  /** One sentence: what the role is for. */
  summary: string;
  firstSteps: string[];
  where: string[];
}

/** The help page's content in one language (loaded with the page, not in the main bundle). */
export interface HelpContent {
  glossary: GlossaryEntry[];
  guides: RoleGuide[];
}
