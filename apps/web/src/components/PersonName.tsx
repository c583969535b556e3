import { Typography } from 'antd';

/** A person as the API resolves them (name and office); the username only in the tooltip. */
export interface PersonLike {
  username: string;
  label: string;
  /** False for the system (scheduled jobs, the demo seed): it has no username worth showing. */
  human?: boolean;
}

/**
 * “张明辉（恩施州市场监督管理局质量发展科）” with the username on hover (issue 17: people by
 * name and office everywhere). Falls back to `fallback` (a stored username) when the person
 * was not loaded. `showUsername` adds the username as a second, quieter line: for the
 * administrators' views (audit log, users, deliveries), where the account is what they act on.
 */
export function PersonName({
  person,
  fallback,
  showUsername = false,
}: {
  person: PersonLike | null | undefined;
  fallback?: string | null;
  showUsername?: boolean;
}) {
  if (!person) return <>{fallback ?? ''}</>;
  if (showUsername && person.human !== false && person.username !== person.label) {
    return (
      <span title={person.username}>
        {person.label}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {person.username}
        </Typography.Text>
      </span>
    );
  }
  return <span title={person.username}>{person.label}</span>;
}

/** The plain-text form, for i18n interpolation and CSV cells. */
export function personText(person: PersonLike | null | undefined, fallback?: string | null) {
  return person?.label ?? fallback ?? '';
}
