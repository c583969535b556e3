import { neutraliseFormula, restoreFormula, spreadsheetCell } from './formula';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['@SUM(1)', "'@SUM(1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    // Already marked: one more apostrophe, so the rule can be undone exactly.
    ["'=1", "''=1"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(restoreFormula(neutraliseFormula(input))).toBe(input);
  });

  it.each(['普通文字', "'普通", 'a=b', ' =1', '', '1-2'])('leaves %j as it is', (input) => {
    expect(neutraliseFormula(input)).toBe(input);
    expect(restoreFormula(input)).toBe(input);
  });
});

describe('spreadsheetCell', () => {
  it('neutralises text but not real numbers, booleans, dates or empties', () => {
    expect(spreadsheetCell('-3')).toBe("'-3");
    expect(spreadsheetCell(-3)).toBe(-3);
    expect(spreadsheetCell(true)).toBe(true);
    const date = new Date(0);
    expect(spreadsheetCell(date)).toBe(date);
    expect(spreadsheetCell(null)).toBeNull();
    expect(spreadsheetCell(undefined)).toBeUndefined();
  });
});
