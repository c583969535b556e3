import { Buffer } from 'node:buffer';
import { deflateRawSync } from 'node:zlib';
import { detectFileType, DetectionResult } from './index';
import { TempFiles } from './test-support/fixtures';
import {
  docxEntries,
  ofdEntries,
  writeZip,
  xlsxEntries,
  ZipWriterEntry,
} from './test-support/zip-writer';
import { ZipLimits } from './types';

const files = new TempFiles();
afterAll(() => files.cleanup());

async function detect(
  content: Buffer,
  zipLimits?: Partial<ZipLimits>,
  declaredName?: string,
): Promise<DetectionResult> {
  return detectFileType(await files.write('upload.zip', content), { zipLimits, declaredName });
}

function code(result: DetectionResult): string {
  return result.ok ? result.detected.type : result.code;
}

function reason(result: DetectionResult): string {
  return result.ok ? '' : result.reason;
}

const MIB = 1024 * 1024;

/** Incompressible bytes (xorshift32). */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

describe('ZIP containers: classification', () => {
  it('accepts deflated and stored OOXML and OFD packages', async () => {
    const stored = (entries: ZipWriterEntry[]) =>
      entries.map((entry) => ({ ...entry, method: 'store' as const }));
    expect(code(await detect(writeZip(stored(docxEntries()))))).toBe('docx');
    expect(code(await detect(writeZip(stored(xlsxEntries()))))).toBe('xlsx');
    expect(code(await detect(writeZip(stored(ofdEntries()))))).toBe('ofd');
  });

  it('decides OFD by a root OFD.xml only, not one in a folder', async () => {
    const nested = writeZip([{ name: 'Doc_0/OFD.xml', data: '<ofd:OFD/>' }]);
    expect(reason(await detect(nested))).toContain('检测为 ZIP 压缩包');
  });

  it('needs both [Content_Types].xml and the main part for DOCX and XLSX', async () => {
    const noContentTypes = docxEntries().filter((entry) => entry.name !== '[Content_Types].xml');
    expect(reason(await detect(writeZip(noContentTypes)))).toContain('检测为 ZIP 压缩包');
    const noWorkbook = xlsxEntries().filter((entry) => entry.name !== 'xl/workbook.xml');
    expect(reason(await detect(writeZip(noWorkbook)))).toContain('Office Open XML');
  });

  it('refuses macro-enabled workbooks and encrypted archives', async () => {
    const xlsm = writeZip([...xlsxEntries(), { name: 'xl/vbaProject.bin', data: 'vba' }]);
    expect(reason(await detect(xlsm))).toContain('启用宏的 Excel 工作簿');
    const encrypted = writeZip(docxEntries().map((entry) => ({ ...entry, flags: 1 })));
    expect(reason(await detect(encrypted))).toContain('加密的 ZIP 压缩包');
  });

  it('reads UTF-8 names, a comment and a ZIP64 end record', async () => {
    const withChinese = writeZip([...ofdEntries(), { name: 'Doc_0/附件/说明.txt', data: '说明' }], {
      comment: '归档说明 PK\x05\x06 伪造的结尾记录',
    });
    expect(code(await detect(withChinese))).toBe('ofd');
    const zip64 = writeZip(
      docxEntries().map((entry) => ({ ...entry, zip64: true })),
      { zip64: true },
    );
    expect(code(await detect(zip64))).toBe('docx');
  });
});

describe('ZIP containers: zip bombs and limits', () => {
  it('refuses a DOCX-looking zip bomb whose entry declares a huge ratio', async () => {
    // 64 KiB of deflated zeros that claim to expand to 1 GiB: the sizes are only declared.
    const compressed = deflateRawSync(Buffer.alloc(64 * 1024));
    const bomb = writeZip([
      ...docxEntries(),
      {
        name: 'word/media/image1.png',
        data: Buffer.alloc(64 * 1024),
        declaredUncompressedSize: 1024 * MIB,
      },
    ]);
    const result = await detect(bomb, undefined, '工作总结.docx');
    expect(code(result)).toBe('ZIP_RATIO');
    expect(reason(result)).toMatch(
      /^文件“工作总结\.docx”：压缩包内条目“word\/media\/image1\.png”的压缩比异常/,
    );
    expect(compressed.length).toBeLessThan(1024);
  });

  it('refuses an archive declaring more than 500 MiB in total, even at a modest ratio', async () => {
    // 6 entries of 1 MiB of incompressible bytes, each declaring 100 MiB (ratio about 100).
    const bomb = writeZip([
      ...docxEntries(),
      ...Array.from({ length: 6 }, (_, i) => ({
        name: `word/media/video${i}.bin`,
        data: noise(MIB, i + 1),
        declaredUncompressedSize: 100 * MIB,
      })),
    ]);
    const result = await detect(bomb);
    expect(code(result)).toBe('ZIP_TOO_LARGE');
    expect(reason(result)).toBe('压缩包声明的解压后总大小超出上限 500 MiB，疑似压缩炸弹，已拒绝');
  });

  it('checks the total against a lowered limit', async () => {
    const result = await detect(writeZip(docxEntries()), { maxTotalUncompressed: 100 });
    expect(code(result)).toBe('ZIP_TOO_LARGE');
  });

  it('refuses ZIP64 sizes beyond 4 GiB declared in the extra field', async () => {
    const bomb = writeZip(
      [
        ...docxEntries(),
        {
          name: 'word/embeddings/a.bin',
          data: 'x',
          zip64: true,
          declaredUncompressedSize: 2 ** 40,
        },
      ],
      { zip64: true },
    );
    expect(code(await detect(bomb))).toBe('ZIP_RATIO');
    expect(code(await detect(bomb, { maxCompressionRatio: Infinity }))).toBe('ZIP_TOO_LARGE');
  });

  it('exempts small entries from the ratio limit (well-compressed XML is normal)', async () => {
    const xml = `<w:p>${'<w:r><w:t>重复</w:t></w:r>'.repeat(20_000)}</w:p>`;
    const docx = writeZip([...docxEntries().slice(0, 2), { name: 'word/document.xml', data: xml }]);
    expect(Buffer.byteLength(xml)).toBeLessThan(MIB);
    expect(code(await detect(docx))).toBe('docx');
  });

  it('refuses 101 entries when the limit is 100, and accepts 100', async () => {
    const padding = (count: number): ZipWriterEntry[] =>
      Array.from({ length: count }, (_, i) => ({ name: `word/media/${i}.txt`, data: `${i}` }));
    const over = await detect(writeZip([...docxEntries(), ...padding(98)]), { maxEntries: 100 });
    expect(code(over)).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(reason(over)).toContain('上限 100 个');
    const at = await detect(writeZip([...docxEntries(), ...padding(97)]), { maxEntries: 100 });
    expect(code(at)).toBe('docx');
  });

  it('refuses 20,000 entries with the default limit before reading the directory', async () => {
    const many = writeZip([
      ...docxEntries(),
      ...Array.from({ length: 20_000 }, (_, i) => ({ name: `x/${i}`, method: 'store' as const })),
    ]);
    expect(code(await detect(many))).toBe('ZIP_TOO_MANY_ENTRIES');
  });

  it('counts entries itself when the 16-bit count in the end record lies', async () => {
    const lying = writeZip(
      [...docxEntries(), ...Array.from({ length: 20 }, (_, i) => ({ name: `p/${i}` }))],
      { declaredEntryCount: 5 },
    );
    expect(code(await detect(lying, { maxEntries: 10 }))).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(code(await detect(lying))).toBe('ZIP_INVALID');
  });
});

describe('ZIP containers: malformed and malicious structure', () => {
  it.each([
    ['../evil', 'word/../../evil.sh'],
    ['a backslash traversal', 'word\\..\\..\\evil.bat'],
    ['an absolute path', '/etc/cron.d/evil'],
    ['a drive letter', 'C:\\Windows\\evil.dll'],
    ['a leading backslash', '\\evil'],
  ])('refuses an entry named with %s', async (_case, name) => {
    const result = await detect(writeZip([...docxEntries(), { name, data: 'x' }]));
    expect(code(result)).toBe('ZIP_INVALID');
  });

  it('refuses an entry named ../evil, quoting it', async () => {
    const result = await detect(writeZip([...ofdEntries(), { name: '../evil', data: 'x' }]));
    expect(result).toEqual({
      ok: false,
      code: 'ZIP_INVALID',
      reason: '文件结构不合法或已损坏（ZIP 容器：条目“../evil”的路径含有“..”）',
    });
  });

  it('refuses a traversal hidden in the Unicode Path extra field', async () => {
    const zip = writeZip([
      ...docxEntries(),
      { name: 'word/a.xml', data: 'x', unicodePath: '../a.xml' },
    ]);
    expect(code(await detect(zip))).toBe('ZIP_INVALID');
  });

  it('refuses duplicate names', async () => {
    const zip = writeZip([...docxEntries(), { name: 'word/document.xml', data: '<evil/>' }]);
    expect(reason(await detect(zip))).toContain('重复出现');
  });

  it('refuses truncated archives', async () => {
    const docx = writeZip(docxEntries());
    for (const length of [4, 30, Math.floor(docx.length / 2), docx.length - 1]) {
      expect(code(await detect(docx.subarray(0, length)))).toBe('ZIP_INVALID');
    }
  });

  it('refuses data appended after the end record', async () => {
    const zip = writeZip(docxEntries(), { suffix: Buffer.from('<script>') });
    expect(code(await detect(zip))).toBe('ZIP_INVALID');
  });

  it('refuses a local header whose name differs from the central directory', async () => {
    const entries = docxEntries().map((entry) =>
      entry.name === 'word/document.xml' ? { ...entry, localName: 'word/documenx.xml' } : entry,
    );
    expect(reason(await detect(writeZip(entries)))).toContain('本地文件头与中央目录不一致');
  });

  it('refuses overlapping entries (the non-recursive zip bomb construction)', async () => {
    const entries: ZipWriterEntry[] = [
      ...docxEntries(),
      { name: 'b', data: 'bbbb', centralOffset: 0 },
    ];
    expect(reason(await detect(writeZip(entries)))).toContain('与其他条目的数据重叠');
    const overlap = docxEntries().map((entry, i) =>
      i === 2 ? { ...entry, centralOffset: 10 } : entry,
    );
    expect(code(await detect(writeZip(overlap)))).toBe('ZIP_INVALID');
  });

  it('refuses entries whose data would extend past the central directory', async () => {
    const entries = docxEntries().map((entry) =>
      entry.name === '_rels/.rels' ? { ...entry, declaredCompressedSize: 100_000 } : entry,
    );
    expect(reason(await detect(writeZip(entries)))).toContain('超出了文件范围');
  });

  it('refuses a corrupted central directory signature', async () => {
    const zip = writeZip(docxEntries());
    const cdOffset = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt32LE(0x12345678, cdOffset);
    expect(code(await detect(zip))).toBe('ZIP_INVALID');
  });

  it('refuses a multi-disk archive', async () => {
    const zip = writeZip(docxEntries());
    zip.writeUInt16LE(1, zip.length - 22 + 4);
    expect(reason(await detect(zip))).toContain('分卷');
  });
});
