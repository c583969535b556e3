import { Buffer } from 'node:buffer';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { detectFileType, EVIDENCE_TYPES, EvidenceFileType } from './index';
import { detectWithReader } from './detect';
import { FileHandleReader } from './random-access';
import { docNodes, writeCfb, xlsNodes } from './test-support/cfb-writer';
import { JPEG_1X1, minimalPdf, PNG_1X1, TempFiles } from './test-support/fixtures';
import {
  docxEntries,
  ofdEntries,
  pptxEntries,
  writeZip,
  xlsxEntries,
} from './test-support/zip-writer';

const files = new TempFiles();
afterAll(() => files.cleanup());

async function detect(content: Buffer | string, options?: Parameters<typeof detectFileType>[1]) {
  return detectFileType(await files.write('upload.bin', content), options);
}

function refusedReason(result: Awaited<ReturnType<typeof detectFileType>>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${result.detected.type}`);
  return result.reason;
}

const ELF_HEADER = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(56),
]);
const MZ_HEADER = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(120),
]);

describe('detectFileType: accepted evidence types', () => {
  const accepted: [EvidenceFileType, () => Buffer][] = [
    ['pdf', minimalPdf],
    ['png', () => PNG_1X1],
    ['jpeg', () => JPEG_1X1],
    ['docx', () => writeZip(docxEntries())],
    ['xlsx', () => writeZip(xlsxEntries())],
    ['ofd', () => writeZip(ofdEntries())],
    ['doc', () => writeCfb(docNodes()).bytes],
    ['xls', () => writeCfb(xlsNodes()).bytes],
  ];

  it.each(accepted)('recognises %s by its content', async (type, build) => {
    const result = await detect(build());
    expect(result).toEqual({ ok: true, detected: EVIDENCE_TYPES[type] });
  });

  it('describes every type with a MIME type, an extension and a Chinese label', () => {
    expect(EVIDENCE_TYPES.pdf).toEqual({
      type: 'pdf',
      mime: 'application/pdf',
      extension: '.pdf',
      label: 'PDF 文档',
    });
    for (const [type, detected] of Object.entries(EVIDENCE_TYPES)) {
      expect(detected.type).toBe(type);
      expect(detected.mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(detected.extension).toMatch(/^\.[a-z]+$/);
      expect(detected.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('accepts PDF versions 1.x and 2.0, and rejects a bare %PDF- prefix', async () => {
    expect((await detect('%PDF-2.0\n%%EOF\n')).ok).toBe(true);
    expect((await detect('%PDF-1.7\n')).ok).toBe(true);
    expect((await detect('%PDF-x')).ok).toBe(false);
    expect((await detect(' %PDF-1.4\n')).ok).toBe(false);
  });

  it('requires the IHDR chunk after the PNG signature', async () => {
    const reason = refusedReason(await detect(PNG_1X1.subarray(0, 10)));
    expect(reason).toContain('PNG');
  });

  it('ignores the declared name: content wins, even when the extension contradicts it', async () => {
    const result = await detect(PNG_1X1, { declaredName: '会议纪要.pdf' });
    expect(result).toEqual({ ok: true, detected: EVIDENCE_TYPES.png });
    const docx = await detect(writeZip(docxEntries()), { declaredName: 'scan.jpg' });
    expect(docx).toEqual({ ok: true, detected: EVIDENCE_TYPES.docx });
  });
});

describe('detectFileType: refused content', () => {
  it('refuses a Windows executable named report.pdf, naming both', async () => {
    const result = await detect(MZ_HEADER, { declaredName: 'report.pdf' });
    expect(result).toEqual({
      ok: false,
      code: 'UNSUPPORTED_TYPE',
      reason:
        '文件“report.pdf”的内容不是允许的类型（检测为 Windows 可执行程序），与扩展名“.pdf”不符',
    });
  });

  it('uses the documented sentence without a declared name', async () => {
    expect(await detect(MZ_HEADER)).toEqual({
      ok: false,
      code: 'UNSUPPORTED_TYPE',
      reason: '文件内容不是允许的类型（检测为 Windows 可执行程序）',
    });
  });

  it('refuses a self-extracting archive (MZ stub followed by a DOCX)', async () => {
    const sfx = Buffer.concat([MZ_HEADER, writeZip(docxEntries())]);
    expect(refusedReason(await detect(sfx))).toContain('Windows 可执行程序');
  });

  const refused: [string, Buffer | string, string][] = [
    ['ELF', ELF_HEADER, 'ELF'],
    ['Mach-O', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'Mach-O'],
    ['shell script', '#!/bin/sh\nrm -rf /\n', 'Shell 脚本'],
    ['HTML', '<!DOCTYPE html>\n<html><body>报告</body></html>', 'HTML 网页'],
    ['HTML with a BOM and a script', '\ufeff  <script>alert(1)</script>', 'HTML 网页'],
    [
      'SVG',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'SVG 图像',
    ],
    ['XML', '<?xml version="1.0"?><root/>', 'XML 文本'],
    ['plain text', '关于落实安全生产责任的通知\n一、……\n', '纯文本'],
    ['GBK text', Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0x0a]), '纯文本'],
    ['UTF-16 HTML', Buffer.from('\ufeff<html></html>', 'utf16le'), 'HTML 网页'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'GIF 图片'],
    ['RAR', Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), 'RAR 压缩包'],
    ['7z', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), '7z 压缩包'],
    ['gzip', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), 'gzip'],
    ['RTF', '{\\rtf1\\ansi 报告}', 'RTF 文档'],
    ['WebP', Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L', 'latin1'), 'WebP 图片'],
    ['TIFF', Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'TIFF 图片'],
    ['plain ZIP', writeZip([{ name: 'a.txt', data: 'hello' }]), 'ZIP 压缩包'],
    ['empty ZIP', writeZip([]), '空的 ZIP 压缩包'],
    ['PPTX', writeZip(pptxEntries()), 'PowerPoint 演示文稿（PPTX）'],
    [
      'JAR',
      writeZip([
        { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' },
        { name: 'Main.class', data: Buffer.from([0xca, 0xfe, 0xba, 0xbe]) },
      ]),
      'Java 归档（JAR）',
    ],
    [
      'APK',
      writeZip([
        { name: 'AndroidManifest.xml', data: Buffer.alloc(8) },
        { name: 'classes.dex', data: 'dex\n035\0' },
      ]),
      'Android 安装包（APK）',
    ],
    [
      'DOCM (macro-enabled)',
      writeZip([...docxEntries(), { name: 'word/vbaProject.bin', data: Buffer.alloc(16) }]),
      '启用宏的 Word 文档',
    ],
    ['random bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff]), '无法识别文件格式'],
  ];

  it.each(refused)('refuses %s and names it', async (_kind, content, label) => {
    const result = await detect(content);
    expect(result).toMatchObject({ ok: false, code: 'UNSUPPORTED_TYPE' });
    const reason = refusedReason(result);
    expect(reason).toContain(label);
    expect(reason.startsWith('文件内容不是允许的类型（')).toBe(true);
  });

  it('refuses an empty file', async () => {
    expect(await detect(Buffer.alloc(0))).toEqual({
      ok: false,
      code: 'EMPTY_FILE',
      reason: '文件为空（0 字节）',
    });
    const named = refusedReason(await detect('', { declaredName: '照片.jpg' }));
    expect(named).toBe('文件“照片.jpg”：文件为空（0 字节）');
  });

  it('mentions the declared name, sanitised, without contradicting a matching extension', async () => {
    const reason = refusedReason(
      await detect(ELF_HEADER, { declaredName: '../../tmp/\u202Egpj.exe' }),
    );
    expect(reason).toBe('文件“gpj.exe”的内容不是允许的类型（检测为 Linux 可执行程序（ELF））');
  });

  it('restricts to the allowed types, listing them', async () => {
    const result = await detect(PNG_1X1, { allowed: ['pdf', 'ofd'] });
    expect(result).toEqual({
      ok: false,
      code: 'UNSUPPORTED_TYPE',
      reason: '文件内容不是允许的类型（检测为 PNG 图片；此处只接受：PDF 文档、OFD 版式文档）',
    });
    expect(await detect(minimalPdf(), { allowed: ['pdf'] })).toEqual({
      ok: true,
      detected: EVIDENCE_TYPES.pdf,
    });
  });

  it('rejects invalid options and I/O errors instead of resolving', async () => {
    const path = await files.write('x.pdf', minimalPdf());
    await expect(detectFileType(path, { zipLimits: { maxEntries: 0 } })).rejects.toThrow(
      RangeError,
    );
    await expect(detectFileType(path, { allowed: ['exe' as EvidenceFileType] })).rejects.toThrow(
      TypeError,
    );
    await expect(detectFileType(`${path}.missing`)).rejects.toThrow(/ENOENT/);
    await expect(detectFileType(tmpdir())).rejects.toThrow(/not a regular file/);
  });
});

describe('detectFileType: reads only what it needs', () => {
  async function bytesRead(content: Buffer): Promise<{ read: number; type: string }> {
    const path = await files.write('big.bin', content);
    const handle = await open(path, 'r');
    try {
      const reader = new FileHandleReader(handle, content.length);
      const result = await detectWithReader(reader);
      return { read: reader.bytesRead, type: result.ok ? result.detected.type : result.code };
    } finally {
      await handle.close();
    }
  }

  it('classifies a 16 MiB DOCX reading the head, the tail and the central directory only', async () => {
    const big = writeZip([
      ...docxEntries(),
      { name: 'word/media/scan.png', data: Buffer.alloc(16 * 1024 * 1024, 7), method: 'store' },
    ]);
    const { read, type } = await bytesRead(big);
    expect(type).toBe('docx');
    expect(read).toBeLessThan(200 * 1024);
  });

  it('classifies a 16 MiB PDF from its first bytes', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(16 * 1024 * 1024, 0x20)]);
    const { read, type } = await bytesRead(big);
    expect(type).toBe('pdf');
    expect(read).toBeLessThanOrEqual(8 * 1024);
  });

  it('classifies a 16 MiB DOC reading the header and directory sectors only', async () => {
    const big = writeCfb([{ name: 'WordDocument', size: 16 * 1024 * 1024 }, { name: '1Table' }]);
    const { read, type } = await bytesRead(big.bytes);
    expect(type).toBe('doc');
    expect(read).toBeLessThan(32 * 1024);
  });
});
