import type { Role } from '../../auth/graphql/types';
import type { GlossaryEntry, RoleGuide } from '../content/types';

/** The id of a role's guide on the help page (the header's ? links to it). */
export const guideAnchor = (role: string) => `guide-${role}`;

/** The help page's address for a role: its guide, or the top of the page. */
export const helpPath = (role: Role | null) => (role ? `/help#${guideAnchor(role)}` : '/help');

/** The signed-in user's guide first, the others in their given order. */
export function orderGuides(guides: readonly RoleGuide[], role: Role | null): RoleGuide[] {
  const own = guides.filter((g) => g.role === role);
  return [...own, ...guides.filter((g) => g.role !== role)];
}

/** Entries whose term, other name or definition contains the query (case-insensitive). */
export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  return entries.filter((e) =>
    [e.term, e.aka ?? '', e.definition].some((text) => text.toLowerCase().includes(q)),
  );
}
