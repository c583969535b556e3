export { neutraliseFormula, restoreFormula, spreadsheetCell } from './formula';
export { EXPORT_TIME_ZONE, formatLocalDate, formatLocalTime, parseLocalTime } from './local-time';
