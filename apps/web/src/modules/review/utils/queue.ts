/**
 * The task to show once `doneId` has left the queue: the one after it, else the one before
 * it (it was the last), else none.
 */
export function nextAfter(ids: readonly string[], doneId: string): string | undefined {
  const index = ids.indexOf(doneId);
  if (index < 0) return ids[0];
  return ids[index + 1] ?? ids[index - 1];
}

/** The id `step` places from `currentId` (clamped to the list); the first when none is chosen. */
export function moveSelection(
  ids: readonly string[],
  currentId: string | undefined,
  step: number,
): string | undefined {
  if (ids.length === 0) return undefined;
  const index = currentId ? ids.indexOf(currentId) : -1;
  if (index < 0) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}

/** Whether a key press comes from a place that takes text (shortcuts must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type))
  );
}
