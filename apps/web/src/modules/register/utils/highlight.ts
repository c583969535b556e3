/** A run of text: plain, or the statement of a duty. */
export interface Segment {
  text: string;
  dutyId?: string;
}

/**
 * Splits `text` into runs so each duty's statement (an exact substring, in order) can be
 * highlighted. Duties are placed left to right without overlapping; one whose text is not
 * found after the previous duty is left out (the text is shown as it is).
 */
export function segmentText(
  text: string,
  duties: ReadonlyArray<{ id: string; text: string }>,
): Segment[] {
  const placed: { start: number; end: number; id: string }[] = [];
  let cursor = 0;
  for (const duty of duties) {
    if (!duty.text) continue;
    let start = text.indexOf(duty.text, cursor);
    // Duties are usually in text order; look from the start when one is not.
    if (start < 0) start = text.indexOf(duty.text);
    if (start < 0) continue;
    const end = start + duty.text.length;
    if (placed.some((p) => start < p.end && end > p.start)) continue;
    placed.push({ start, end, id: duty.id });
    cursor = end;
  }
  placed.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const p of placed) {
    if (p.start > at) segments.push({ text: text.slice(at, p.start) });
    segments.push({ text: text.slice(p.start, p.end), dutyId: p.id });
    at = p.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
