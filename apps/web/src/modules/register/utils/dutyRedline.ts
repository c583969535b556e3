import { redline } from '@duty/regulation/parser';
import type { RedlineSegment } from '../graphql/types';

/**
 * Word-level redline of two duty statements, computed in the browser with the parser library's
 * `redline` (the same algorithm as the API's articleRedline), in the shape the redline view reads.
 */
export function dutyRedline(oldText: string, newText: string): RedlineSegment[] {
  return redline(oldText, newText).map((s) => ({
    __typename: 'RedlineSegment' as const,
    op: s.op === 'insert' ? 'INSERT' : s.op === 'delete' ? 'DELETE' : 'EQUAL',
    text: s.text,
  }));
}
