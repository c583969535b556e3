import { parseSpreadsheetAnswer, spreadsheetDownloadUrl } from './spreadsheet';

describe('spreadsheet answers', () => {
  it('reads the applied and unchanged counts', () => {
    expect(parseSpreadsheetAnswer(200, '{"applied":3,"unchanged":7,"problems":[]}')).toEqual({
      ok: true,
      applied: 3,
      unchanged: 7,
    });
  });

  it('reads the per-row problems of a refused sheet', () => {
    expect(
      parseSpreadsheetAnswer(
        422,
        JSON.stringify({
          code: 'VALIDATION_FAILED',
          message: '任务表有误',
          problems: [{ row: 4, message: '状态“完成”无效' }],
        }),
      ),
    ).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: '任务表有误',
      problems: [{ row: 4, message: '状态“完成”无效' }],
    });
    expect(parseSpreadsheetAnswer(502, 'Bad gateway')).toMatchObject({
      ok: false,
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(spreadsheetDownloadUrl('c 1')).toBe('/api/tasks/spreadsheet?cycleId=c%201');
  });
});
