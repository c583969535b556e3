import {
  buildEvidenceFormData,
  evidenceUploadUrl,
  parseEvidenceUploadError,
  reasonsForFile,
} from './evidenceUpload';

describe('evidence upload', () => {
  it('builds the multipart body with the file as `files` and only the filled fields', () => {
    const file = new File(['%PDF-1.7'], '通知.pdf', { type: 'application/pdf' });
    const data = buildEvidenceFormData(file, {
      documentNumber: ' 鄂市监发〔2025〕12号 ',
      issuingAuthority: '',
      documentDate: '2025-03-01',
      supersedes: 'e-1',
    });
    expect([...data.keys()]).toEqual(['documentNumber', 'documentDate', 'supersedes', 'files']);
    expect(data.get('documentNumber')).toBe('鄂市监发〔2025〕12号');
    expect((data.get('files') as File).name).toBe('通知.pdf');
    expect(evidenceUploadUrl('a b')).toBe('/api/tasks/a%20b/evidence');
  });

  it('maps a 422 body to per-file reasons', () => {
    const failure = parseEvidenceUploadError(
      422,
      JSON.stringify({
        code: 'EVIDENCE_REJECTED',
        message: '文件“a.exe”的类型不允许；文件“b.pdf”超过上限。未保存任何文件。',
        files: [
          { name: 'a.exe', code: 'TYPE_NOT_ALLOWED', reason: '文件“a.exe”的类型不允许' },
          {
            name: 'b.pdf',
            code: 'FILE_TOO_LARGE',
            reason: '文件“b.pdf”超过单个文件大小上限 50 MB',
          },
        ],
      }),
    );
    expect(failure.code).toBe('EVIDENCE_REJECTED');
    expect(reasonsForFile(failure, 'b.pdf')).toEqual(['文件“b.pdf”超过单个文件大小上限 50 MB']);
    // A file the server did not name gets the request's message.
    expect(reasonsForFile(failure, 'c.pdf')).toEqual([failure.message]);
  });

  it('falls back to the HTTP status when the body is not the API’s JSON', () => {
    expect(parseEvidenceUploadError(413, '<html>too large</html>')).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: undefined,
      files: [],
      status: 413,
    });
    expect(parseEvidenceUploadError(0, '').code).toBe('SERVICE_UNAVAILABLE');
    const single = parseEvidenceUploadError(
      422,
      JSON.stringify({
        code: 'EVIDENCE_REJECTED',
        files: [{ name: 'x', code: 'C', reason: '原因' }],
      }),
    );
    expect(reasonsForFile(single, 'renamed.pdf')).toEqual(['原因']);
  });
});
