import { Buffer } from 'node:buffer';
import { detectFileType, DetectionResult } from './index';
import { readCfbRoot } from './cfb';
import { BufferReader } from './random-access';
import { CfbNode, docNodes, ENDOFCHAIN, writeCfb, xlsNodes } from './test-support/cfb-writer';
import { TempFiles } from './test-support/fixtures';

const files = new TempFiles();
afterAll(() => files.cleanup());

async function detect(content: Buffer): Promise<DetectionResult> {
  return detectFileType(await files.write('upload.doc', content));
}

function outcome(result: DetectionResult): string {
  return result.ok ? result.detected.type : `${result.code}: ${result.reason}`;
}

describe('OLE2 compound files: classification', () => {
  it('tells Word from Excel by the root stream names', async () => {
    expect(outcome(await detect(writeCfb(docNodes()).bytes))).toBe('doc');
    expect(outcome(await detect(writeCfb(xlsNodes()).bytes))).toBe('xls');
    expect(outcome(await detect(writeCfb([{ name: 'Book' }]).bytes))).toBe('xls'); // Excel 5/95
    expect(outcome(await detect(writeCfb([{ name: 'WORKBOOK' }]).bytes))).toBe('xls');
  });

  it('lists the root children through a multi-sector directory and several FAT sectors', async () => {
    // 300 KiB of stream data pushes the directory past sector 128 (the second FAT sector), and
    // 40 siblings need 11 directory sectors of 4 entries.
    const nodes: CfbNode[] = [
      { name: 'Data', size: 300 * 1024 },
      ...Array.from({ length: 39 }, (_, i) => ({ name: `Stream${i}` })),
      { name: 'Workbook' },
    ];
    const file = writeCfb(nodes);
    expect(file.fatSectors.length).toBeGreaterThan(1);
    expect(file.directorySectors[0]).toBeGreaterThan(128);
    const root = await readCfbRoot(new BufferReader(file.bytes));
    expect(root.entries.map((entry) => entry.name).sort()).toEqual(
      nodes.map((node) => node.name).sort(),
    );
    expect(outcome(await detect(file.bytes))).toBe('xls');
  });

  it('follows the DIFAT when there are more than 109 FAT sectors', async () => {
    // 7.5 MiB of 512-byte sectors need about 120 FAT sectors.
    const file = writeCfb([{ name: 'WordDocument', size: 7.5 * 1024 * 1024 }, { name: '1Table' }]);
    expect(file.difatSectors.length).toBe(1);
    expect(outcome(await detect(file.bytes))).toBe('doc');
  });

  it('reads version 4 files (4096-byte sectors)', async () => {
    expect(outcome(await detect(writeCfb(docNodes(), { version: 4 }).bytes))).toBe('doc');
  });

  it('looks at the root only: a workbook embedded in a storage is not an XLS', async () => {
    const nested = writeCfb([{ name: 'ObjectPool', children: [{ name: 'Workbook' }] }]);
    expect(outcome(await detect(nested.bytes))).toBe(
      'UNSUPPORTED_TYPE: 文件内容不是允许的类型（检测为 OLE2 复合文档（非 Word/Excel 文档））',
    );
    const storageNamedLikeAStream = writeCfb([{ name: 'WordDocument', children: [] }]);
    expect(outcome(await detect(storageNamedLikeAStream.bytes))).toMatch(/^UNSUPPORTED_TYPE/);
  });

  it.each([
    [
      'a Word document with macros',
      [...docNodes(), { name: 'Macros', children: [] }],
      '含宏的 Word',
    ],
    [
      'an Excel workbook with VBA',
      [...xlsNodes(), { name: '_VBA_PROJECT_CUR', children: [] }],
      '含宏的 Excel',
    ],
    [
      'an encrypted OOXML document',
      [{ name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }],
      '加密的 Office 文档',
    ],
    ['a PowerPoint 97-2003 file', [{ name: 'PowerPoint Document' }], 'PowerPoint 97-2003'],
    [
      'an Outlook message',
      [{ name: '__properties_version1.0' }, { name: '__substg1.0_0037001F' }],
      'Outlook 邮件',
    ],
  ] as [string, CfbNode[], string][])('refuses %s, naming it', async (_case, nodes, label) => {
    expect(outcome(await detect(writeCfb(nodes).bytes))).toContain(`检测为 ${label}`);
  });

  it('recognises a Windows Installer package by the root CLSID', async () => {
    const rootClassId = Buffer.from('84100c0000000000c000000000000046', 'hex');
    const msi = writeCfb([{ name: '\u4840\u3f3f\u4577' }], { rootClassId });
    expect(outcome(await detect(msi.bytes))).toContain('Windows 安装包（MSI）');
  });
});

describe('OLE2 compound files: malformed structure', () => {
  it('refuses a file truncated after the header', async () => {
    const doc = writeCfb(docNodes()).bytes;
    expect(outcome(await detect(doc.subarray(0, 600)))).toMatch(/^CFB_INVALID: /);
    expect(outcome(await detect(doc.subarray(0, 100)))).toMatch(/^CFB_INVALID: .*文件头不完整/);
  });

  it('refuses a directory chain that loops', async () => {
    const file = writeCfb(Array.from({ length: 12 }, (_, i) => ({ name: `S${i}` })));
    const [first, second] = file.directorySectors;
    file.bytes.writeUInt32LE(first, file.fatEntryOffset(second));
    expect(outcome(await detect(file.bytes))).toMatch(/^CFB_INVALID: .*有环/);
  });

  it('refuses a directory chain that ends too early', async () => {
    const file = writeCfb(Array.from({ length: 12 }, (_, i) => ({ name: `S${i}` })));
    file.bytes.writeUInt32LE(ENDOFCHAIN, file.fatEntryOffset(file.directorySectors[0]));
    expect(outcome(await detect(file.bytes))).toMatch(/^CFB_INVALID: .*超出目录范围/);
  });

  it('refuses a red-black tree with a cycle', async () => {
    const file = writeCfb(docNodes());
    // Point the root's child's left sibling back at itself.
    const rootChild = file.bytes.readUInt32LE(file.directoryEntryOffset(0) + 0x4c);
    file.bytes.writeUInt32LE(rootChild, file.directoryEntryOffset(rootChild) + 0x44);
    expect(outcome(await detect(file.bytes))).toMatch(/^CFB_INVALID: .*有环/);
  });

  it('refuses a first directory entry that is not the root', async () => {
    const file = writeCfb(docNodes());
    file.bytes[file.directoryEntryOffset(0) + 0x42] = 2;
    expect(outcome(await detect(file.bytes))).toMatch(/^CFB_INVALID: .*根存储/);
  });

  it('refuses bad header fields', async () => {
    const cases: [number, number, RegExp][] = [
      [0x1c, 0xfeff, /字节序/],
      [0x1a, 5, /不支持的版本/],
      [0x1e, 12, /不支持的版本/], // version 3 with 4096-byte sectors
      [0x20, 7, /迷你扇区/],
    ];
    for (const [offset, value, message] of cases) {
      const bytes = Buffer.from(writeCfb(docNodes()).bytes);
      bytes.writeUInt16LE(value, offset);
      expect(outcome(await detect(bytes))).toMatch(message);
    }
    const outside = Buffer.from(writeCfb(docNodes()).bytes);
    outside.writeUInt32LE(0x7fffffff, 0x30);
    expect(outcome(await detect(outside))).toMatch(/^CFB_INVALID: .*超出文件范围/);
  });

  it('refuses an over-long directory entry name', async () => {
    const file = writeCfb(docNodes());
    file.bytes.writeUInt16LE(66, file.directoryEntryOffset(1) + 0x40);
    expect(outcome(await detect(file.bytes))).toMatch(/^CFB_INVALID: .*名称长度/);
  });
});
