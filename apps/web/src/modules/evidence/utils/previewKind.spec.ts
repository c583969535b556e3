import { inlineUrl, previewKind } from './previewKind';

describe('previewKind', () => {
  it.each([
    [{ previewable: true, fileType: 'pdf' }, 'pdf'],
    [{ previewable: true, fileType: 'png' }, 'image'],
    [{ previewable: true, fileType: 'jpeg' }, 'image'],
    [{ previewable: false, fileType: 'ofd' }, 'none'],
    [{ previewable: false, fileType: 'pdf' }, 'none'],
  ])('%o → %s', (file, kind) => {
    expect(previewKind(file)).toBe(kind);
  });

  it('adds inline=1 to the content URL', () => {
    expect(inlineUrl('/api/evidence/e1/content')).toBe('/api/evidence/e1/content?inline=1');
    expect(inlineUrl('/x?a=1')).toBe('/x?a=1&inline=1');
  });
});
