/**
 * Magic-byte sniffing of the first bytes of a file: the accepted single-part formats (PDF, PNG,
 * JPEG), the two container families that need a closer look (ZIP, OLE2), and common refused
 * formats, named so that the user is told what the file really is.
 */
import { CFB_SIGNATURE } from './cfb';

/** How much of the start of the file the sniffing looks at. */
export const HEAD_LENGTH = 8 * 1024;

export type Sniffed =
  | { kind: 'pdf' | 'png' | 'jpeg' | 'zip' | 'cfb' }
  /** A refused format; `label` names it in Chinese, or is undefined when unknown. */
  | { kind: 'refused'; label: string | undefined };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface RefusedSignature {
  label: string;
  matches: (head: Buffer) => boolean;
}

const startsWith =
  (...bytes: (number | string)[]) =>
  (head: Buffer): boolean =>
    at(head, 0, ...bytes);

function at(head: Buffer, offset: number, ...parts: (number | string)[]): boolean {
  const expected = Buffer.concat(
    parts.map((part) =>
      typeof part === 'number' ? Buffer.from([part]) : Buffer.from(part, 'latin1'),
    ),
  );
  return head.subarray(offset, offset + expected.length).equals(expected);
}

const REFUSED_SIGNATURES: readonly RefusedSignature[] = [
  { label: 'Windows 可执行程序', matches: startsWith('MZ') },
  { label: 'Linux 可执行程序（ELF）', matches: startsWith(0x7f, 'ELF') },
  {
    label: 'macOS 可执行程序（Mach-O）',
    matches: (head) =>
      [
        [0xfe, 0xed, 0xfa, 0xce],
        [0xfe, 0xed, 0xfa, 0xcf],
        [0xce, 0xfa, 0xed, 0xfe],
        [0xcf, 0xfa, 0xed, 0xfe],
      ].some((magic) => at(head, 0, ...magic)),
  },
  {
    label: 'macOS 通用可执行程序（Mach-O）或 Java 类文件',
    matches: startsWith(0xca, 0xfe, 0xba, 0xbe),
  },
  { label: 'WebAssembly 模块', matches: startsWith(0, 'asm') },
  { label: 'Shell 脚本', matches: startsWith('#!') },
  { label: 'GIF 图片', matches: (head) => at(head, 0, 'GIF87a') || at(head, 0, 'GIF89a') },
  { label: 'RAR 压缩包', matches: startsWith('Rar!', 0x1a, 0x07) },
  { label: '7z 压缩包', matches: startsWith('7z', 0xbc, 0xaf, 0x27, 0x1c) },
  { label: 'gzip 压缩文件', matches: startsWith(0x1f, 0x8b) },
  { label: 'bzip2 压缩文件', matches: startsWith('BZh') },
  { label: 'xz 压缩文件', matches: startsWith(0xfd, '7zXZ', 0) },
  { label: 'Windows CAB 压缩包', matches: startsWith('MSCF', 0, 0, 0, 0) },
  { label: 'tar 归档', matches: (head) => at(head, 257, 'ustar') },
  { label: 'RTF 文档', matches: startsWith('{\\rtf') },
  { label: 'PostScript 文档', matches: startsWith('%!PS') },
  { label: 'SQLite 数据库', matches: startsWith('SQLite format 3', 0) },
  { label: 'TIFF 图片', matches: (head) => at(head, 0, 'II*', 0) || at(head, 0, 'MM', 0, '*') },
  {
    label: 'BMP 图片',
    matches: (head) =>
      at(head, 0, 'BM') &&
      head.length >= 18 &&
      [12, 40, 52, 56, 64, 108, 124].includes(head.readUInt32LE(14)),
  },
  { label: 'WebP 图片', matches: (head) => at(head, 0, 'RIFF') && at(head, 8, 'WEBP') },
  { label: 'WAV 音频', matches: (head) => at(head, 0, 'RIFF') && at(head, 8, 'WAVE') },
  { label: 'AVI 视频', matches: (head) => at(head, 0, 'RIFF') && at(head, 8, 'AVI ') },
  {
    label: 'HEIF/HEIC 图片',
    matches: (head) =>
      at(head, 4, 'ftyp') &&
      ['heic', 'heix', 'hevc', 'mif1', 'msf1', 'avif'].some((brand) => at(head, 8, brand)),
  },
  { label: 'MP4/MOV 音视频', matches: (head) => at(head, 4, 'ftyp') },
  { label: 'MP3 音频', matches: startsWith('ID3') },
];

export function sniff(head: Buffer): Sniffed {
  if (at(head, 0, '%PDF-') && head.length > 5 && head[5] >= 0x30 && head[5] <= 0x39) {
    return { kind: 'pdf' };
  }
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return head.length >= 16 && head.readUInt32BE(8) === 13 && at(head, 12, 'IHDR')
      ? { kind: 'png' }
      : { kind: 'refused', label: '不完整的 PNG 图片（缺少 IHDR）' };
  }
  if (at(head, 0, 0xff, 0xd8, 0xff)) return { kind: 'jpeg' };
  if (at(head, 0, 'PK', 3, 4) || at(head, 0, 'PK', 5, 6)) return { kind: 'zip' };
  if (head.subarray(0, 8).equals(CFB_SIGNATURE)) return { kind: 'cfb' };
  for (const signature of REFUSED_SIGNATURES) {
    if (signature.matches(head)) return { kind: 'refused', label: signature.label };
  }
  return { kind: 'refused', label: sniffText(head) };
}

/** Control characters that do not occur in text (tab, line feed, form feed, CR, ESC do). */
function hasBinaryControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7f || (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(code))) {
      return true;
    }
  }
  return false;
}
const HTML_TAG =
  /<(?:html|head|body|script|iframe|frameset|frame|meta|title|style|link|object|embed|form|a|div|img|table|p|br)[\s/>]/u;

/** Names HTML, SVG, XML and plain text; undefined for anything that is not text. */
function sniffText(head: Buffer): string | undefined {
  let text: string | undefined;
  if (at(head, 0, 0xef, 0xbb, 0xbf)) text = decode('utf-8', head.subarray(3));
  else if (at(head, 0, 0xff, 0xfe)) text = decode('utf-16le', head.subarray(2));
  else if (at(head, 0, 0xfe, 0xff)) text = decode('utf-16be', head.subarray(2));
  else text = decode('utf-8', head) ?? decode('gb18030', head);
  if (text === undefined || hasBinaryControls(text)) return undefined;

  const start = text.replace(/^\s+/u, '').toLowerCase();
  if (start.startsWith('<')) {
    if (/<svg[\s>]/u.test(start)) return 'SVG 图像';
    if (start.startsWith('<!doctype html') || HTML_TAG.test(start)) return 'HTML 网页';
    return 'XML 文本';
  }
  // Text that a browser would still run as a page if it were served as HTML.
  if (/<!doctype html|<(?:html|body|script|iframe)[\s>]/u.test(start)) return 'HTML 网页';
  if (start.startsWith('#!')) return 'Shell 脚本';
  return '纯文本';
}

function decode(encoding: string, bytes: Buffer): string | undefined {
  try {
    // `stream: true` tolerates a character cut at the end of the head.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}
