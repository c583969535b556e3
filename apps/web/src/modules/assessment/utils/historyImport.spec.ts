import { historyImportUrl, parseImportAnswer, parsePreviewAnswer, trendOf } from './historyImport';

describe('history import requests and answers', () => {
  it('puts the year, file name, mapping and unit choices in the URL', () => {
    const url = new URL(
      historyImportUrl('preview', {
        year: 2023,
        fileName: '2023 结果.xlsx',
        mapping: { unit: '地区', score: '得分', rank: '' },
        unitMatches: { 江案区: '420102' },
      }),
      'http://x',
    );
    expect(url.pathname).toBe('/api/assessment/history-import/preview');
    expect(url.searchParams.get('fileName')).toBe('2023 结果.xlsx');
    expect(JSON.parse(url.searchParams.get('mapping')!)).toEqual({ unit: '地区', score: '得分' });
    expect(JSON.parse(url.searchParams.get('unitMatches')!)).toEqual({ 江案区: '420102' });
    expect(historyImportUrl('import', { year: 2023, fileName: 'a.xlsx' })).toBe(
      '/api/assessment/history-import?year=2023&fileName=a.xlsx',
    );
  });

  it('reads an import, a refusal with every problem, and a failure without a body', () => {
    expect(
      parseImportAnswer(200, JSON.stringify({ import: { year: 2023, rowCount: 5, unitCount: 3 } })),
    ).toEqual({
      ok: true,
      year: 2023,
      rowCount: 5,
      unitCount: 3,
    });
    const refused = parseImportAnswer(
      422,
      JSON.stringify({
        code: 'VALIDATION_FAILED',
        message: '导入未生效',
        problems: [{ row: 3, code: 'UNIT_UNKNOWN', message: '未找到单位' }, { bad: true }],
      }),
    );
    expect(refused).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: '导入未生效',
      problems: [{ row: 3, code: 'UNIT_UNKNOWN', message: '未找到单位' }],
    });
    expect(parsePreviewAnswer(502, 'Bad gateway')).toMatchObject({
      ok: false,
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(parsePreviewAnswer(403, JSON.stringify({ code: 'FORBIDDEN' }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('tells the direction of a change', () => {
    expect([trendOf(2), trendOf(-0.5), trendOf(0), trendOf(null)]).toEqual([
      'up',
      'down',
      'same',
      null,
    ]);
  });
});
