import {
  buildRegulationImportForm,
  importRegulationFile,
  parseRegulationImportFailure,
  REGULATION_IMPORT_URL,
} from './regulationUpload';

describe('regulation upload', () => {
  const file = new File(['第一条　正文。'], '条例.txt', { type: 'text/plain' });

  it('sends the file and only the fields that are set', () => {
    const form = buildRegulationImportForm(file, { code: ' demo-law ', status: 'enacted' });
    expect([...form.keys()]).toEqual(['code', 'status', 'file']);
    expect(form.get('code')).toBe('demo-law');
    const full = buildRegulationImportForm(file, {
      code: 'demo-law',
      status: 'draft',
      effectiveDate: '2027-01-01',
      coordinatingDepartment: 'market_regulation',
      confirmTitleChange: true,
    });
    expect(full.get('effectiveDate')).toBe('2027-01-01');
    expect(full.get('coordinatingDepartment')).toBe('market_regulation');
    expect(full.get('confirmTitleChange')).toBe('true');
    expect((full.get('file') as File).name).toBe('条例.txt');
  });

  it('keeps the server’s code, message and details, and names failures without a JSON body', () => {
    expect(
      parseRegulationImportFailure(
        400,
        JSON.stringify({
          code: 'VALIDATION_FAILED',
          message: '第3行：文件“a.txt”：…',
          details: { field: 'file', line: 3 },
        }),
      ),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      message: '第3行：文件“a.txt”：…',
      details: { field: 'file', line: 3 },
      status: 400,
    });
    expect(parseRegulationImportFailure(502, '<html>Bad gateway</html>')).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: {},
    });
    expect(parseRegulationImportFailure(413, '')).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('posts with the anti-CSRF header and turns a network failure into an outcome', async () => {
    const original = globalThis.fetch;
    const fetchMock = jest.fn(async () => {
      throw new TypeError('network');
    });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      const outcome = await importRegulationFile(file, { code: 'demo-law', status: 'draft' });
      expect(outcome).toEqual({
        ok: false,
        failure: { code: 'SERVICE_UNAVAILABLE', details: {}, status: 0, message: undefined },
      });
      const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe(REGULATION_IMPORT_URL);
      expect(init.headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest' });
      expect(init.method).toBe('POST');
    } finally {
      globalThis.fetch = original;
    }
  });
});
