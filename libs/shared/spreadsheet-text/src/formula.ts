/**
 * Spreadsheet formula injection: Excel, WPS and LibreOffice run a CSV cell (and a cell a person
 * re-enters) starting with `= + - @`, TAB or CR as a formula, so `=HYPERLINK(…)` typed by a user
 * would become a live link in an auditor's copy. Every text cell of every export goes through
 * this one rule: a leading apostrophe, which spreadsheets show as a text marker.
 *
 * A value that already starts with apostrophes followed by one of those characters gets one
 * more, so removing exactly one apostrophe from any value matching `^'+[=+\-@\t\r]` restores
 * the original: the rule is a bijection and an import can undo it (`restoreFormula`).
 *
 * Only text is touched: a number written as a number (a real numeric cell, `-1` included) is
 * not text a person typed and must stay a number.
 */
const NEEDS_NEUTRALISING = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return NEEDS_NEUTRALISING.test(value) ? `'${value}` : value;
}

export function restoreFormula(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** A cell value for an export: text neutralised; numbers, booleans, dates and empties as they are. */
export function spreadsheetCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}
