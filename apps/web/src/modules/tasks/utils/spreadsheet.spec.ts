import { parseSpreadsheetAnswer, spreadsheetDownloadUrl } from './spreadsheet';

describe('spreadsheet answers', () => {
  it('reads the applied and unchanged counts', () => {
    expect(parseSpreadsheetAnswer(200, '{"applied":3,"unchanged":7,"problems":[]}')).toEqual({
      ok: true,
      applied: 3,
      unchanged: 7,
    });
  });

  it('keeps every problem with its column, in the order sent', () => {
    const problems = [
      { row: 6, column: '状态', message: '无法识别的状态“差不多了”，请从下拉列表中选择。' },
      { row: 7, column: '状态', message: '状态不能为空，请从下拉列表中选择。' },
      { row: 8, column: '进展情况、状态', message: '提交前请填写进展情况。' },
      { row: 9, column: '状态', message: '不能将任务从“未开始”改为“已核验”。' },
      { row: 10, column: '进展情况', message: '内容过长（10001 字，最多 10000 字）。' },
      { row: 11, column: '任务编号（隐藏列）', message: '隐藏的任务编号或版本被修改或删除。' },
      { row: 12, message: '任务已被他人修改，请刷新后重试；您的修改未保存。' },
    ];
    const result = parseSpreadsheetAnswer(
      422,
      JSON.stringify({ code: 'VALIDATION_FAILED', applied: 0, problems }),
    );
    expect(result).toMatchObject({ ok: false, problems });
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
