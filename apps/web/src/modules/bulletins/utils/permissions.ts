/** Who compiles bulletins (the API checks again): the supervisors, each for their own scope. */
export function canGenerate(role: string | null | undefined): boolean {
  return role === 'PROVINCIAL_SUPERVISOR' || role === 'PREFECTURE_SUPERVISOR';
}

/** Whether the user may edit, publish or delete a draft of `scopeUnitCode`. */
export function canManage(
  user: { role?: string | null; unit?: { code: string } | null },
  scopeUnitCode: string,
): boolean {
  return (
    user.role === 'PROVINCIAL_SUPERVISOR' ||
    (user.role === 'PREFECTURE_SUPERVISOR' && user.unit?.code === scopeUnitCode)
  );
}
