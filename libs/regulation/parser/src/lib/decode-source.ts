/**
 * Bytes of a regulation file → text, with the encoding named.
 *
 * Offices receive texts as UTF-8, as GBK/GB18030 (what Windows in a Chinese locale still saves
 * as "ANSI") and as UTF-16 ("Unicode" in Notepad and Word's plain-text export). Decoding them all
 * as UTF-8 turns every Chinese character into U+FFFD, and the parser then only says that no
 * article was found. This module decides the encoding from the bytes and refuses, naming what it
 * found, when no supported encoding yields plausible Chinese text.
 *
 * Pure: uses only `TextDecoder` (WHATWG Encoding; in Node 20 with full ICU and in browsers).
 */

import { formatLineMessage } from './errors';

/**
 * The WHATWG `TextDecoder` global (Node and browsers). Declared here because the library compiles
 * without DOM or Node type definitions, to keep it free of platform APIs otherwise.
 */
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedSource {
  /** The decoded text, without the byte order mark. */
  text: string;
  encoding: SourceEncoding;
  /** Whether the bytes started with a byte order mark. */
  bom: boolean;
}

/** Stable codes, like RegulationParseErrorCode: add new ones, never rename or reuse. */
export const RegulationSourceErrorCode = {
  /** Not UTF-8, UTF-16 or GB18030/GBK text (or text in them that does not look like Chinese). */
  UNSUPPORTED_ENCODING: 'UNSUPPORTED_ENCODING',
  /** A binary document format (PDF, legacy .doc, RTF, an archive …), not text. */
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  /**
   * A container (DOCX) whose parts exceed the import's limits: refused before decompressing
   * in full (zip bombs). Raised by the import's file layer, which reads containers.
   */
  SOURCE_TOO_LARGE: 'SOURCE_TOO_LARGE',
} as const;

export type RegulationSourceErrorCode =
  (typeof RegulationSourceErrorCode)[keyof typeof RegulationSourceErrorCode];

export class RegulationSourceError extends Error {
  override readonly name = 'RegulationSourceError';

  /**
   * @param code stable machine-readable code
   * @param reason Chinese description without the line prefix
   * @param line 1-based line of the first offending byte, when the problem has a place
   */
  constructor(
    readonly code: RegulationSourceErrorCode,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${line === undefined ? reason : formatLineMessage(line, reason)} [${code}]`);
  }
}

export function isRegulationSourceError(value: unknown): value is RegulationSourceError {
  return value instanceof RegulationSourceError;
}

const SAVE_AS_HINT = '请用文本编辑器或 Word 另存为 UTF-8 编码的纯文本（.txt）或 .docx 后重试。';

/**
 * File signatures of formats people upload by mistake. Checked before any decoding, because
 * some (RTF) are ASCII and would otherwise decode "successfully".
 */
const BINARY_SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF 文件' },
  // OLE2 compound file: Word 97–2003 .doc, WPS .wps, Excel .xls.
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: '旧版 Word（.doc）或 WPS 文档' },
  // ZIP: .docx is read by the import's file layer before text decoding; anything else is not text.
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 压缩包（.docx、.xlsx 或 .zip 等）' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 富文本文件' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩文件' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
];

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: SourceEncoding | 'utf-32' }> = [
  // UTF-32 first: its little-endian BOM starts with the UTF-16LE one.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const ENCODING_NAMES: Readonly<Record<SourceEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030（GBK）',
};

/** Share of hanzi that must be GB2312 level-1 characters for GB18030 output to count as Chinese. */
const MIN_COMMON_HANZI_SHARE = 0.8;
/** Share of characters that must be ordinary text for a UTF-16 reading to count as text. */
const MIN_TEXT_CHAR_SHARE = 0.9;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** 1-based line of a byte offset in an ASCII-compatible encoding. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const hex = (b: number | undefined): string =>
  `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

function decodeStrict(encoding: SourceEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decode the bytes of a regulation text file.
 *
 * Order: binary-format signatures; byte order marks; UTF-16 without BOM (recognised by NUL
 * bytes, which no UTF-8 or GB18030 Chinese text contains); strict UTF-8; GB18030 when it decodes
 * without error into mostly common Chinese characters.
 *
 * @throws RegulationSourceError with UNSUPPORTED_FORMAT or UNSUPPORTED_ENCODING
 */
export function decodeRegulationSource(bytes: Uint8Array): DecodedSource {
  const binary = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (binary) {
    throw new RegulationSourceError(
      RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
      `文件是${/^[A-Za-z]/u.test(binary.what) ? ' ' : ''}${binary.what}，不是纯文本。${SAVE_AS_HINT}`,
    );
  }

  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom?.encoding === 'utf-32') {
    throw new RegulationSourceError(
      RegulationSourceErrorCode.UNSUPPORTED_ENCODING,
      `文件是 UTF-32 编码（有 UTF-32 字节顺序标记），不支持。${SAVE_AS_HINT}`,
    );
  }
  if (bom) return decodeWithBom(bytes, bom.encoding);

  if (bytes.includes(0)) return decodeUtf16WithoutBom(bytes);

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };

  const invalidAt = firstInvalidUtf8Offset(bytes);
  const gb = decodeStrict('gb18030', bytes);
  if (gb === undefined) {
    const gbInvalidAt = scanGb18030(bytes).invalidAt ?? 0;
    // Name the place where the likelier reading breaks: the one that decodes further.
    if (gbInvalidAt > invalidAt) {
      throw new RegulationSourceError(
        RegulationSourceErrorCode.UNSUPPORTED_ENCODING,
        `文件看起来是 GB18030（GBK）编码，但此行的字节 ${hex(bytes[gbInvalidAt])} ${hex(bytes[gbInvalidAt + 1])} ` +
          `不是有效的 GB18030 字符，文件可能已损坏或混用了编码。${SAVE_AS_HINT}`,
        lineAt(bytes, gbInvalidAt),
      );
    }
  }
  const gbProblem = gb === undefined ? '含有无法解码的字节' : gbPlausibilityProblem(bytes);
  if (gb !== undefined && gbProblem === undefined) {
    return { text: gb, encoding: 'gb18030', bom: false };
  }
  throw new RegulationSourceError(
    RegulationSourceErrorCode.UNSUPPORTED_ENCODING,
    `无法识别文件编码：从此行起不是有效的 UTF-8（字节 ${hex(bytes[invalidAt])}），` +
      `也不是 GB18030（GBK）中文文本（${gbProblem ?? '无法解码'}）。${SAVE_AS_HINT}`,
    lineAt(bytes, invalidAt),
  );
}

function decodeWithBom(bytes: Uint8Array, encoding: SourceEncoding): DecodedSource {
  // The default decoder (ignoreBOM: false) strips the BOM.
  const text = decodeStrict(encoding, bytes);
  if (text !== undefined) return { text, encoding, bom: true };
  if (encoding === 'utf-8') {
    const at = firstInvalidUtf8Offset(bytes);
    throw new RegulationSourceError(
      RegulationSourceErrorCode.UNSUPPORTED_ENCODING,
      `文件以 UTF-8 字节顺序标记开头，但从此行起不是有效的 UTF-8（字节 ${hex(bytes[at])}），文件可能已损坏或混用了编码。${SAVE_AS_HINT}`,
      lineAt(bytes, at),
    );
  }
  throw new RegulationSourceError(
    RegulationSourceErrorCode.UNSUPPORTED_ENCODING,
    `文件以 ${ENCODING_NAMES[encoding]} 字节顺序标记开头，但内容不是有效的 ${ENCODING_NAMES[encoding]}` +
      `（${bytes.length % 2 === 1 ? '字节数为奇数，文件可能被截断' : '含有不成对的代理项'}）。${SAVE_AS_HINT}`,
  );
}

/**
 * UTF-16 without a BOM: ASCII characters (line ends, digits, spaces) carry a NUL byte, so a file
 * with NUL bytes is tried in both byte orders; the reading that gives ordinary text wins. (The
 * position of the NULs alone is not enough: 一 U+4E00 also has one, on the other side.)
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): DecodedSource {
  const candidates = (['utf-16le', 'utf-16be'] as const)
    .map((encoding) => {
      const text = bytes.length % 2 === 0 ? decodeStrict(encoding, bytes) : undefined;
      return { encoding, text, share: text === undefined ? 0 : textCharShare(text) };
    })
    .sort((a, b) => b.share - a.share);
  const best = candidates[0];
  if (best?.text !== undefined && best.share >= MIN_TEXT_CHAR_SHARE) {
    return { text: best.text, encoding: best.encoding, bom: false };
  }
  const nul = bytes.indexOf(0);
  throw new RegulationSourceError(
    RegulationSourceErrorCode.UNSUPPORTED_ENCODING,
    `文件含有 NUL 字节（第一个在第 ${nul + 1} 个字节），但按 UTF-16 解码也不是正常文本` +
      `（可能是 UTF-32 编码或二进制文件）。${SAVE_AS_HINT}`,
    lineAt(bytes, nul),
  );
}

/** Whether a code point is ordinary in a Chinese legal text (hanzi, CJK and ASCII punctuation …). */
function isTextChar(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return true;
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xff) || // Latin-1: ·, §, ×, …
    (cp >= 0x2000 && cp <= 0x206f) || // general punctuation: “ ” — …
    (cp >= 0x2150 && cp <= 0x218f) || // Ⅰ Ⅱ …
    (cp >= 0x2460 && cp <= 0x24ff) || // ① ⑴ …
    (cp >= 0x25a0 && cp <= 0x25ff) || // ■ □ ○ …
    (cp >= 0x3000 && cp <= 0x303f) || // CJK punctuation: 、。〈〉《》【】
    (cp >= 0x3200 && cp <= 0x32ff) || // ㈠ …
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms: （）：；
    (cp >= 0x20000 && cp <= 0x3134f) // CJK extensions B–G
  );
}

function textCharShare(text: string): number {
  let total = 0;
  let ordinary = 0;
  for (const ch of text) {
    total++;
    if (isTextChar(ch.codePointAt(0) ?? 0)) ordinary++;
  }
  return total === 0 ? 1 : ordinary / total;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    // [length, lowest allowed second byte, highest allowed second byte] per lead byte (RFC 3629).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

interface GbScan {
  /** Offset of the first malformed sequence, if any. */
  invalidAt?: number;
  /** Two-byte characters in the GB2312 level-1 hanzi block (B0A1–D7FE: the 3,755 common ones). */
  common: number;
  /** All other two- and four-byte sequences outside the GB2312 symbol rows (A1–A9). */
  other: number;
}

/** Walk GB18030 byte structure: 1 byte (00–80), 2 bytes (81–FE 40–7E/80–FE), 4 bytes (81–FE 30–39 81–FE 30–39). */
function scanGb18030(bytes: Uint8Array): GbScan {
  const scan: GbScan = { common: 0, other: 0 };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b <= 0x80) {
      i++;
      continue;
    }
    const b2 = bytes[i + 1];
    if (b === 0xff || b2 === undefined) return { ...scan, invalidAt: i };
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2] ?? 0;
      const b4 = bytes[i + 3] ?? 0;
      if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return { ...scan, invalidAt: i };
      scan.other++;
      i += 4;
      continue;
    }
    if (b2 < 0x40 || b2 === 0x7f || b2 === 0xff) return { ...scan, invalidAt: i };
    if (b >= 0xb0 && b <= 0xd7 && b2 >= 0xa1) scan.common++;
    else if (!(b >= 0xa1 && b <= 0xa9 && b2 >= 0xa1)) scan.other++;
    i += 2;
  }
  return scan;
}

/**
 * GB18030 decodes most byte soup without error (Big5, Shift-JIS …), so require that the hanzi are
 * mostly among the 3,755 level-1 characters of GB2312, which make up almost all of any
 * simplified-Chinese legal text.
 */
function gbPlausibilityProblem(bytes: Uint8Array): string | undefined {
  const { common, other } = scanGb18030(bytes);
  const total = common + other;
  if (total === 0) return '不含任何汉字';
  const share = common / total;
  if (share >= MIN_COMMON_HANZI_SHARE) return undefined;
  return `按 GB18030 解码后常用汉字只占 ${Math.round(share * 100)}%，不像简体中文文本，可能是 Big5（繁体）、Shift-JIS 等其他编码`;
}

/** A human-readable name of a detected encoding, for messages (`GB18030（GBK）`). */
export function sourceEncodingName(encoding: SourceEncoding): string {
  return ENCODING_NAMES[encoding];
}
