export { neutraliseFormula, restoreFormula, spreadsheetCell } from './formula';
