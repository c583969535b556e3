import { fileNameFromContentDisposition } from './contentDisposition';

describe('fileNameFromContentDisposition', () => {
  it('prefers the UTF-8 filename* over the ASCII fallback', () => {
    const name = '佐证材料包-422800-2026-03-01.zip';
    const header = `attachment; filename="_____-422800-2026-03-01.zip"; filename*=UTF-8''${encodeURIComponent(name)}`;
    expect(fileNameFromContentDisposition(header)).toBe(name);
  });

  it('decodes characters the API escapes beyond encodeURIComponent', () => {
    expect(
      fileNameFromContentDisposition(
        "attachment; filename*=utf-8''%E6%8A%A5%E5%91%8A%28%E7%BB%88%29.pdf",
      ),
    ).toBe('报告(终).pdf');
  });

  it('falls back to the quoted or bare filename', () => {
    expect(fileNameFromContentDisposition('attachment; filename="pack \\"a\\".zip"')).toBe(
      'pack "a".zip',
    );
    expect(fileNameFromContentDisposition('inline; filename=report.pdf')).toBe('report.pdf');
  });

  it('falls back when filename* is malformed', () => {
    expect(
      fileNameFromContentDisposition('attachment; filename="x.zip"; filename*=UTF-8\'\'%E4%ZZ'),
    ).toBe('x.zip');
  });

  it('never returns a path', () => {
    expect(
      fileNameFromContentDisposition("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd"),
    ).toBe('passwd');
  });

  it('returns undefined without a name', () => {
    expect(fileNameFromContentDisposition(null)).toBeUndefined();
    expect(fileNameFromContentDisposition('attachment')).toBeUndefined();
  });
});
