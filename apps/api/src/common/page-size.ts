/**
 * Page sizes the API serves. The GraphQL query cost reads the same limits, so that a cost
 * counts the rows the server will really fetch, whatever the client asked for.
 */

/** Most rows a `first` argument returns (tasks, taskEvents, evidenceFiles); larger is clamped. */
export const MAX_FIRST = 100;

/** Most rows a PageInput may ask for; larger is refused by validation. */
export const MAX_PAGE_INPUT_FIRST = 500;

/** The number of rows served for a requested `first`: at least 1, at most MAX_FIRST. */
export function clampFirst(first: number): number {
  return Math.max(1, Math.min(MAX_FIRST, Math.trunc(first)));
}
