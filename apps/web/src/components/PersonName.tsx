/** A person as the API resolves them (name and office); the username only in the tooltip. */
export interface PersonLike {
  username: string;
  label: string;
}

/**
 * “张明辉（恩施州市场监督管理局质量发展科）” with the username on hover (issue 17: people by
 * name and office everywhere). Falls back to `fallback` (a stored username) when the person
 * was not loaded.
 */
export function PersonName({
  person,
  fallback,
}: {
  person: PersonLike | null | undefined;
  fallback?: string | null;
}) {
  if (!person) return <>{fallback ?? ''}</>;
  return <span title={person.username}>{person.label}</span>;
}

/** The plain-text form, for i18n interpolation and CSV cells. */
export function personText(person: PersonLike | null | undefined, fallback?: string | null) {
  return person?.label ?? fallback ?? '';
}
