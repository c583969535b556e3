import { listArticles, parseRegulation, RegulationSourceError } from '@duty/regulation/parser';
import { ZipFile } from 'yazl';
import { documentXmlToText, readRegulationSource } from '../source-file';
import { SEED_TEXT } from './regulation-text-builder';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const escapeXml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** A document.xml whose body is the given paragraphs' inner XML, as Word writes it. */
function documentXml(paragraphs: string[], prefix = 'w'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${prefix}:document xmlns:${prefix}="${W}" xmlns:mc="${MC}"><${prefix}:body>` +
    paragraphs.map((p) => `<${prefix}:p>${p}</${prefix}:p>`).join('') +
    `<${prefix}:sectPr/></${prefix}:body></${prefix}:document>`
  );
}

/** Paragraph XML for one line, split into several runs the way Word splits on formatting. */
function paragraphOf(line: string): string {
  const chars = [...line];
  const runs: string[] = [];
  for (let i = 0; i < chars.length; i += 7) {
    runs.push(
      `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(chars.slice(i, i + 7).join(''))}</w:t></w:r>`,
    );
  }
  return `<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join('')}`;
}

async function zip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const file = new ZipFile();
  for (const [name, data] of Object.entries(entries)) {
    file.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), name);
  }
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const docx = (document: string, extra: Record<string, string | Buffer> = {}) =>
  zip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': document,
    ...extra,
  });

async function refusal(promise: Promise<unknown>): Promise<RegulationSourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegulationSourceError) return error;
    throw error;
  }
  throw new Error('expected a RegulationSourceError');
}

describe('readRegulationSource', () => {
  describe('DOCX', () => {
    it('reads the seed regulation, one paragraph per line, and parses it like the text', async () => {
      const seedLines = SEED_TEXT.split('\n');
      const bytes = await docx(documentXml(seedLines.map(paragraphOf)));
      const source = await readRegulationSource(bytes, '湖北省质量促进条例.docx');
      expect(source.format).toBe('docx');
      expect(source.text).toBe(seedLines.join('\n'));
      expect(listArticles(parseRegulation(source.text))).toHaveLength(42);
    });

    it('finds the main part through [Content_Types].xml, not by its usual name', async () => {
      const bytes = await zip({
        '[Content_Types].xml': CONTENT_TYPES.replace('/word/document.xml', '/word/main.xml'),
        'word/main.xml': documentXml(['<w:r><w:t>第一条 正文。</w:t></w:r>']),
      });
      expect(await readRegulationSource(bytes)).toEqual({ format: 'docx', text: '第一条 正文。' });
    });

    it('refuses an Excel workbook, naming it', async () => {
      const bytes = await zip({
        '[Content_Types].xml': CONTENT_TYPES.replace(
          /\/word\/document\.xml" ContentType="[^"]+"/u,
          '/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"',
        ),
        'xl/workbook.xml': '<workbook/>',
      });
      const error = await refusal(readRegulationSource(bytes, '条例.xlsx'));
      expect(error.code).toBe('UNSUPPORTED_FORMAT');
      expect(error.message).toMatch(/^文件“条例\.xlsx”：文件是 Excel 工作簿，不是 Word 文档/u);
    });

    it('refuses a plain ZIP archive without [Content_Types].xml', async () => {
      const error = await refusal(readRegulationSource(await zip({ 'a.txt': '第一条 正文。' })));
      expect(error.code).toBe('UNSUPPORTED_FORMAT');
      expect(error.reason).toContain('不是 Word（.docx）文档');
    });

    it('refuses a truncated DOCX as damaged', async () => {
      const bytes = await docx(documentXml(['<w:r><w:t>第一条 正文。</w:t></w:r>']));
      const error = await refusal(readRegulationSource(bytes.subarray(0, bytes.length - 30)));
      expect(error.code).toBe('UNSUPPORTED_FORMAT');
      expect(error.reason).toContain('已损坏');
    });

    it('refuses a DOCX without any text (a scanned document)', async () => {
      const error = await refusal(
        readRegulationSource(await docx(documentXml(['<w:r><w:drawing/></w:r>']))),
      );
      expect(error.reason).toContain('没有文字');
    });

    describe('zip bombs', () => {
      it('refuses a document part whose size exceeds the limit, before decompressing it', async () => {
        // 4 MB of one repeated paragraph compresses to a few kilobytes.
        const huge = documentXml(
          Array.from({ length: 40_000 }, () =>
            paragraphOf('第一条 正文正文正文正文正文正文正文正文。'),
          ),
        );
        const bytes = await docx(huge);
        expect(bytes.length).toBeLessThan(huge.length / 50);
        const error = await refusal(
          readRegulationSource(bytes, undefined, {
            maxEntries: 100,
            maxDocumentBytes: 1024 * 1024,
            maxContentTypesBytes: 1024 * 1024,
          }),
        );
        expect(error.code).toBe('SOURCE_TOO_LARGE');
        expect(error.reason).toContain('word/document.xml');
      });

      it('refuses an archive with too many entries', async () => {
        const many = Object.fromEntries(
          Array.from({ length: 20 }, (_, i) => [`media/${i}.bin`, 'x']),
        );
        const bytes = await docx(documentXml(['<w:r><w:t>第一条 正文。</w:t></w:r>']), many);
        const error = await refusal(
          readRegulationSource(bytes, undefined, {
            maxEntries: 10,
            maxDocumentBytes: 1024 * 1024,
            maxContentTypesBytes: 1024 * 1024,
          }),
        );
        expect(error.code).toBe('SOURCE_TOO_LARGE');
      });
    });
  });

  describe('plain text', () => {
    it('hands other bytes to the decoder and reports the encoding', async () => {
      // 第一条 正文。 in GBK (iconv -t GBK).
      const gbk = Buffer.from('b5dad2bbccf520d5fdcec4a1a30a', 'hex');
      expect(await readRegulationSource(gbk)).toEqual({
        format: 'text',
        text: '第一条 正文。\n',
        encoding: 'gb18030',
        bom: false,
      });
      expect(await readRegulationSource(Buffer.from('\ufeff第一条 正文。'))).toEqual({
        format: 'text',
        text: '第一条 正文。',
        encoding: 'utf-8',
        bom: true,
      });
    });

    it('names the file in a decoder refusal', async () => {
      const error = await refusal(readRegulationSource(Buffer.from('%PDF-1.7\n'), '条例.pdf'));
      expect(error.code).toBe('UNSUPPORTED_FORMAT');
      expect(error.message).toMatch(/^文件“条例\.pdf”：文件是 PDF 文件/u);
    });
  });
});

describe('documentXmlToText', () => {
  const text = (paragraphs: string[], prefix?: string) =>
    documentXmlToText(documentXml(paragraphs, prefix));

  it('turns run tabs and line breaks into text, but not tab stops in paragraph properties', () => {
    expect(
      text([
        '<w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr>' +
          '<w:r><w:t>第一条</w:t></w:r><w:r><w:tab/><w:t>甲。</w:t><w:br/><w:t>乙。</w:t><w:cr/><w:t>丙。</w:t></w:r>',
      ]),
    ).toBe('第一条\t甲。\n乙。\n丙。');
  });

  it('decodes entities and keeps the spaces of xml:space="preserve" runs', () => {
    expect(
      text([
        '<w:r><w:t xml:space="preserve">第一条  </w:t></w:r><w:r><w:t>A&amp;B &lt;C&gt; &#x4E00;&#20108;</w:t></w:r>',
      ]),
    ).toBe('第一条  A&B <C> 一二');
  });

  it('keeps inserted text and drops deleted text and field codes (tracked changes, fields)', () => {
    expect(
      text([
        '<w:r><w:t>第一条 </w:t></w:r>' +
          '<w:del w:id="1" w:author="x"><w:r><w:delText>旧文字</w:delText></w:r></w:del>' +
          '<w:ins w:id="2" w:author="x"><w:r><w:t>新文字</w:t></w:r></w:ins>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>。</w:t></w:r>' +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ]),
    ).toBe('第一条 新文字。');
  });

  it('includes hyperlinks, empty paragraphs and table cells, one line each', () => {
    expect(
      documentXmlToText(
        `<w:document xmlns:w="${W}"><w:body>` +
          '<w:p><w:hyperlink r:id="rId5"><w:r><w:t>湖北省质量促进条例</w:t></w:r></w:hyperlink></w:p>' +
          '<w:p/>' +
          '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>' +
          '<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
          '</w:body></w:document>',
      ),
    ).toBe('湖北省质量促进条例\n\n甲\n乙');
  });

  it('reads a text box once (mc:Choice), not again from its mc:Fallback copy', () => {
    const box = (t: string) =>
      `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    expect(
      text([
        '<w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>' +
          `<mc:Choice Requires="wps"><w:drawing>${box('框内文字')}</w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict>${box('框内文字')}</w:pict></mc:Fallback>` +
          '</mc:AlternateContent></w:r>',
      ]),
    ).toBe('框内文字\n正文');
  });

  it('resolves the WordprocessingML namespace whatever its prefix, and ignores other t/p elements', () => {
    expect(text(['<x:r><x:t>第一条 正文。</x:t></x:r>'], 'x')).toBe('第一条 正文。');
    expect(
      documentXmlToText(
        `<w:document xmlns:w="${W}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
          '<w:body><w:p><w:r><w:t>甲</w:t></w:r><w:r><a:p><a:r><a:t>图中文字</a:t></a:r></a:p></w:r></w:p></w:body></w:document>',
      ),
    ).toBe('甲');
  });
});
