/** Classification of ZIP and OLE2 containers by the names of the entries they hold. */
import type { CfbRoot } from './cfb';
import type { EvidenceFileType } from './types';
import type { ZipDirectory, ZipEntry } from './zip';

export type Classified =
  | { type: EvidenceFileType; keyEntries?: readonly ZipEntry[] }
  | { type?: undefined; keyEntries?: undefined; label: string };

const FLAG_ENCRYPTED = 0x0001;

/**
 * OFD (GB/T 33190) if the root holds `OFD.xml`; DOCX if `[Content_Types].xml` and
 * `word/document.xml`; XLSX if `[Content_Types].xml` and `xl/workbook.xml` (in that order).
 * Refused and named: macro-enabled Word/Excel (a `vbaProject.bin` part), PPTX, other OOXML,
 * APK, JAR, OpenDocument/EPUB, encrypted archives, and any other ZIP.
 * `keyEntries` are the entries the decision rests on, whose local headers are then verified.
 */
export function classifyZip(directory: ZipDirectory): Classified {
  const byName = new Map(directory.entries.map((entry) => [entry.name, entry]));
  const get = (name: string) => byName.get(name);
  const has = (name: string) => byName.has(name);
  if (directory.entries.some((entry) => (entry.flags & FLAG_ENCRYPTED) !== 0)) {
    return { label: '加密的 ZIP 压缩包' };
  }
  const ofd = get('OFD.xml');
  if (ofd) return { type: 'ofd', keyEntries: [ofd] };

  const contentTypes = get('[Content_Types].xml');
  const document = get('word/document.xml');
  const workbook = get('xl/workbook.xml');
  if (contentTypes && document) {
    if (has('word/vbaProject.bin')) return { label: '启用宏的 Word 文档（DOCM）' };
    return { type: 'docx', keyEntries: [contentTypes, document] };
  }
  if (contentTypes && workbook) {
    if (has('xl/vbaProject.bin')) return { label: '启用宏的 Excel 工作簿（XLSM）' };
    return { type: 'xlsx', keyEntries: [contentTypes, workbook] };
  }
  if (contentTypes && has('ppt/presentation.xml')) {
    return { label: 'PowerPoint 演示文稿（PPTX）' };
  }
  if (contentTypes) return { label: 'Office Open XML 文件（非 Word/Excel 文档）' };
  if (has('AndroidManifest.xml') && has('classes.dex')) return { label: 'Android 安装包（APK）' };
  if (has('META-INF/MANIFEST.MF')) return { label: 'Java 归档（JAR）' };
  if (has('mimetype')) return { label: 'OpenDocument 或 EPUB 文件' };
  return { label: directory.entries.length === 0 ? '空的 ZIP 压缩包' : 'ZIP 压缩包' };
}

/**
 * DOC if the root holds a `WordDocument` stream, XLS if it holds a `Workbook` (BIFF8) or `Book`
 * (BIFF5) stream; names compare case-insensitively, as in CFB. Refused and named: documents with
 * VBA macros (`Macros`, `_VBA_PROJECT_CUR`), encrypted OOXML (`EncryptedPackage`), PPT, Outlook
 * MSG, Windows Installer, and any other compound file.
 */
export function classifyCfb(root: CfbRoot): Classified {
  const kinds = new Map(root.entries.map((entry) => [entry.name.toUpperCase(), entry.kind]));
  const has = (name: string) => kinds.has(name.toUpperCase());
  const isStream = (name: string) => kinds.get(name.toUpperCase()) === 'stream';

  if (isStream('WordDocument')) {
    return has('Macros') ? { label: '含宏的 Word 97-2003 文档' } : { type: 'doc' };
  }
  if (isStream('Workbook') || isStream('Book')) {
    return has('_VBA_PROJECT_CUR') ? { label: '含宏的 Excel 97-2003 工作簿' } : { type: 'xls' };
  }
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    return { label: '加密的 Office 文档（请先取消密码保护）' };
  }
  if (isStream('PowerPoint Document')) return { label: 'PowerPoint 97-2003 演示文稿（PPT）' };
  if (
    has('__properties_version1.0') ||
    root.entries.some((entry) => entry.name.startsWith('__substg1.0_'))
  ) {
    return { label: 'Outlook 邮件（MSG）' };
  }
  if (root.isWindowsInstaller) return { label: 'Windows 安装包（MSI）' };
  return { label: 'OLE2 复合文档（非 Word/Excel 文档）' };
}
