/**
 * An account as the administrator's dialogs name it: “张明辉（enshi-zhou）”, the name people know
 * with the username the administrator acts on; the username alone for an account without a name.
 */
export function accountText(
  user: { username: string; displayName?: string | null } | null | undefined,
): string {
  if (!user) return '';
  const name = user.displayName?.trim();
  return name && name !== user.username ? `${name}（${user.username}）` : user.username;
}
