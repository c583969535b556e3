/**
 * Just enough of the ZIP format (PKWARE APPNOTE 6.3) to classify a container without extracting
 * it: the end of central directory record (and its ZIP64 locator and record), every central
 * directory entry, and the local headers of the few entries the classification relies on.
 * Nothing is decompressed; sizes are the declared ones, checked against the limits and against
 * the file itself.
 */
import { DetectionError, formatBytes, zipInvalid } from './detection-error';
import { displayText } from './file-name';
import { RandomAccessReader, WindowedReader } from './random-access';
import { RATIO_EXEMPT_BYTES, ZipLimits } from './types';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;

const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_MIN_SIZE = 56;
const MAX_COMMENT_LENGTH = 0xffff;

const ZIP64_EXTRA_ID = 0x0001;
const UNICODE_PATH_EXTRA_ID = 0x7075;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;

export interface ZipEntry {
  /** UTF-8 when the entry says so (flag bit 11), otherwise byte for byte (latin1). */
  name: string;
  rawName: Buffer;
  /** The Info-ZIP Unicode Path extra field (0x7075), which some extractors prefer. */
  unicodeName?: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts, i.e. where entry data must end. */
  centralDirectoryOffset: number;
}

/**
 * Reads and checks the central directory. Throws a `DetectionError` (ZIP_INVALID,
 * ZIP_TOO_MANY_ENTRIES, ZIP_TOO_LARGE, ZIP_RATIO) when the archive is refused.
 */
export async function readZipDirectory(
  reader: RandomAccessReader,
  limits: ZipLimits,
): Promise<ZipDirectory> {
  const end = await readEndOfCentralDirectory(reader);
  if (end.totalEntries > limits.maxEntries) throw tooManyEntries(end.totalEntries, limits);
  if (end.cdOffset + end.cdSize !== end.cdEnd) {
    throw zipInvalid('中央目录的位置与大小不一致');
  }
  if (end.cdSize < end.totalEntries * CENTRAL_HEADER_SIZE) {
    throw zipInvalid('中央目录小于其声明的条目数');
  }

  const window = new WindowedReader(reader, end.cdEnd);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let totalUncompressed = 0;
  let position = end.cdOffset;
  while (position < end.cdEnd) {
    // Counted as we go as well: a 16-bit count in the end record can wrap around.
    if (entries.length >= limits.maxEntries) throw tooManyEntries(entries.length + 1, limits);
    const { entry, next } = await readCentralEntry(window, position, end.cdEnd);
    position = next;

    checkEntryName(entry.name);
    if (entry.unicodeName !== undefined) checkEntryName(entry.unicodeName);
    if (names.has(entry.name)) {
      throw zipInvalid(`条目“${displayText(entry.name)}”重复出现`);
    }
    names.add(entry.name);

    // The limits first: a bomb is reported as such even when its sizes are also inconsistent.
    if (entry.uncompressedSize > RATIO_EXEMPT_BYTES) {
      const ratio =
        entry.compressedSize === 0 ? Infinity : entry.uncompressedSize / entry.compressedSize;
      if (ratio > limits.maxCompressionRatio) throw ratioTooHigh(entry, ratio, limits);
    }
    totalUncompressed += entry.uncompressedSize;
    if (totalUncompressed > limits.maxTotalUncompressed) {
      throw new DetectionError(
        'ZIP_TOO_LARGE',
        `压缩包声明的解压后总大小超出上限 ${formatBytes(limits.maxTotalUncompressed)}，疑似压缩炸弹，已拒绝`,
      );
    }
    const dataEnd =
      entry.localHeaderOffset + LOCAL_HEADER_SIZE + entry.rawName.length + entry.compressedSize;
    if (dataEnd > end.cdOffset) {
      throw zipInvalid(`条目“${displayText(entry.name)}”的数据超出了文件范围`);
    }
    if (
      entry.method === METHOD_STORED &&
      (entry.flags & FLAG_ENCRYPTED) === 0 &&
      entry.compressedSize !== entry.uncompressedSize
    ) {
      throw zipInvalid(`未压缩条目“${displayText(entry.name)}”的两个大小不一致`);
    }
    entries.push(entry);
  }
  if (entries.length !== end.totalEntries) {
    throw zipInvalid(`中央目录有 ${entries.length} 个条目，结尾记录却声明 ${end.totalEntries} 个`);
  }
  checkLayout(entries, end.cdOffset);
  return { entries, centralDirectoryOffset: end.cdOffset };
}

/**
 * Checks the local header of an entry the classification relies on: it must be where the
 * central directory says, with the same name, method and encryption, and its data must end
 * before the central directory. (Extractors that read local headers then see the same entry.)
 */
export async function verifyLocalHeader(
  reader: RandomAccessReader,
  directory: ZipDirectory,
  entry: ZipEntry,
): Promise<void> {
  const header = await reader.read(
    entry.localHeaderOffset,
    LOCAL_HEADER_SIZE + entry.rawName.length,
  );
  const fail = () => zipInvalid(`条目“${displayText(entry.name)}”的本地文件头与中央目录不一致`);
  if (header.length < LOCAL_HEADER_SIZE + entry.rawName.length) throw fail();
  if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw fail();
  const flags = header.readUInt16LE(6);
  const method = header.readUInt16LE(8);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  if (
    method !== entry.method ||
    (flags & FLAG_ENCRYPTED) !== (entry.flags & FLAG_ENCRYPTED) ||
    nameLength !== entry.rawName.length ||
    !header.subarray(LOCAL_HEADER_SIZE).equals(entry.rawName)
  ) {
    throw fail();
  }
  const dataEnd =
    entry.localHeaderOffset + LOCAL_HEADER_SIZE + nameLength + extraLength + entry.compressedSize;
  if (dataEnd > directory.centralDirectoryOffset) throw fail();
}

interface EndOfCentralDirectory {
  totalEntries: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end: the EOCD record, or the ZIP64 EOCD record. */
  cdEnd: number;
}

async function readEndOfCentralDirectory(
  reader: RandomAccessReader,
): Promise<EndOfCentralDirectory> {
  const tailLength = Math.min(reader.size, EOCD_SIZE + MAX_COMMENT_LENGTH);
  const tailStart = reader.size - tailLength;
  const tail = await reader.read(tailStart, tailLength);
  let found = -1;
  // The last signature whose comment reaches exactly the end of the file: a signature inside
  // the comment, or data appended after the archive, does not qualify.
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === EOCD_SIGNATURE &&
      i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length
    ) {
      found = i;
      break;
    }
  }
  if (found < 0) throw zipInvalid('找不到中央目录结尾记录，文件可能不完整');
  const eocdOffset = tailStart + found;
  const eocd = tail.subarray(found, found + EOCD_SIZE);

  let disk = eocd.readUInt16LE(4);
  let cdDisk = eocd.readUInt16LE(6);
  let entriesOnDisk = eocd.readUInt16LE(8);
  let totalEntries = eocd.readUInt16LE(10);
  let cdSize = eocd.readUInt32LE(12);
  let cdOffset = eocd.readUInt32LE(16);
  let cdEnd = eocdOffset;

  const locatorOffset = eocdOffset - ZIP64_LOCATOR_SIZE;
  const locator =
    locatorOffset >= 0 ? await reader.read(locatorOffset, ZIP64_LOCATOR_SIZE) : Buffer.alloc(0);
  if (
    locator.length === ZIP64_LOCATOR_SIZE &&
    locator.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE
  ) {
    if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) > 1) {
      throw zipInvalid('不支持分卷压缩包');
    }
    const recordOffset = readUInt64(locator, 8);
    if (recordOffset > locatorOffset - ZIP64_EOCD_MIN_SIZE) {
      throw zipInvalid('ZIP64 结尾记录的位置无效');
    }
    const record = await reader.read(recordOffset, ZIP64_EOCD_MIN_SIZE);
    if (
      record.length !== ZIP64_EOCD_MIN_SIZE ||
      record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE ||
      recordOffset + 12 + readUInt64(record, 4) !== locatorOffset
    ) {
      throw zipInvalid('ZIP64 结尾记录无效');
    }
    disk = record.readUInt32LE(16);
    cdDisk = record.readUInt32LE(20);
    entriesOnDisk = readUInt64(record, 24);
    totalEntries = readUInt64(record, 32);
    cdSize = readUInt64(record, 40);
    cdOffset = readUInt64(record, 48);
    cdEnd = recordOffset;
  } else if (cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw zipInvalid('缺少 ZIP64 结尾记录');
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== totalEntries) {
    throw zipInvalid('不支持分卷压缩包');
  }
  return { totalEntries, cdSize, cdOffset, cdEnd };
}

async function readCentralEntry(
  window: WindowedReader,
  position: number,
  cdEnd: number,
): Promise<{ entry: ZipEntry; next: number }> {
  if (position + CENTRAL_HEADER_SIZE > cdEnd) throw zipInvalid('中央目录被截断');
  const header = await window.get(position, CENTRAL_HEADER_SIZE);
  if (
    header.length !== CENTRAL_HEADER_SIZE ||
    header.readUInt32LE(0) !== CENTRAL_HEADER_SIGNATURE
  ) {
    throw zipInvalid('中央目录条目的签名无效');
  }
  const flags = header.readUInt16LE(8);
  const method = header.readUInt16LE(10);
  let compressedSize = header.readUInt32LE(20);
  let uncompressedSize = header.readUInt32LE(24);
  const nameLength = header.readUInt16LE(28);
  const extraLength = header.readUInt16LE(30);
  const commentLength = header.readUInt16LE(32);
  let diskStart = header.readUInt16LE(34);
  let localHeaderOffset = header.readUInt32LE(42);

  const variableLength = nameLength + extraLength + commentLength;
  const next = position + CENTRAL_HEADER_SIZE + variableLength;
  if (next > cdEnd) throw zipInvalid('中央目录被截断');
  const variable = await window.get(position + CENTRAL_HEADER_SIZE, variableLength);
  if (variable.length !== variableLength) throw zipInvalid('中央目录被截断');
  const rawName = Buffer.from(variable.subarray(0, nameLength));
  const extra = variable.subarray(nameLength, nameLength + extraLength);

  let unicodeName: string | undefined;
  let zip64: Buffer | undefined;
  // Extra fields: id, size, data. Malformed padding after the last field is tolerated.
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (i + 4 + size > extra.length) break;
    const data = extra.subarray(i + 4, i + 4 + size);
    if (id === ZIP64_EXTRA_ID) zip64 = data;
    if (id === UNICODE_PATH_EXTRA_ID && data.length >= 5 && data[0] === 1) {
      unicodeName = data.subarray(5).toString('utf8');
    }
    i += 4 + size;
  }
  const needs = [
    uncompressedSize === 0xffffffff,
    compressedSize === 0xffffffff,
    localHeaderOffset === 0xffffffff,
    diskStart === 0xffff,
  ];
  if (needs.some(Boolean)) {
    let at = 0;
    const take = (bytes: 4 | 8): number => {
      if (zip64 === undefined || at + bytes > zip64.length) {
        throw zipInvalid('缺少 ZIP64 扩展字段');
      }
      const value = bytes === 8 ? readUInt64(zip64, at) : zip64.readUInt32LE(at);
      at += bytes;
      return value;
    };
    if (needs[0]) uncompressedSize = take(8);
    if (needs[1]) compressedSize = take(8);
    if (needs[2]) localHeaderOffset = take(8);
    if (needs[3]) diskStart = take(4);
  }
  if (diskStart !== 0) throw zipInvalid('不支持分卷压缩包');

  const name = rawName.toString((flags & FLAG_UTF8) !== 0 ? 'utf8' : 'latin1');
  return {
    entry: {
      name,
      rawName,
      unicodeName,
      flags,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    },
    next,
  };
}

/** No empty names, NUL, absolute paths (`/x`, `\x`, `C:`) or `..` segments. */
function checkEntryName(name: string): void {
  if (name === '' || name.includes('\0')) throw zipInvalid('条目名称为空或含有空字符');
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) {
    throw zipInvalid(`条目“${displayText(name)}”使用了绝对路径`);
  }
  if (name.split(/[/\\]/).includes('..')) {
    throw zipInvalid(`条目“${displayText(name)}”的路径含有“..”`);
  }
}

/**
 * Entries start at offset 0 and do not overlap: each local header, name and data end before the
 * next entry begins. Overlapping entries are how "non-recursive" zip bombs reuse one compressed
 * stream many times, and how two parsers are made to see different files.
 */
function checkLayout(entries: readonly ZipEntry[], cdOffset: number): void {
  if (entries.length === 0) return;
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  if (byOffset[0].localHeaderOffset !== 0) {
    throw zipInvalid('文件开头有中央目录未记录的数据');
  }
  for (let i = 0; i < byOffset.length; i++) {
    const entry = byOffset[i];
    const nextStart = i + 1 < byOffset.length ? byOffset[i + 1].localHeaderOffset : cdOffset;
    const end =
      entry.localHeaderOffset + LOCAL_HEADER_SIZE + entry.rawName.length + entry.compressedSize;
    if (end > nextStart) {
      throw zipInvalid(`条目“${displayText(entry.name)}”与其他条目的数据重叠`);
    }
  }
}

function tooManyEntries(count: number, limits: ZipLimits): DetectionError {
  return new DetectionError(
    'ZIP_TOO_MANY_ENTRIES',
    `压缩包内的条目过多（至少 ${count} 个，上限 ${limits.maxEntries} 个），疑似压缩炸弹，已拒绝`,
  );
}

function ratioTooHigh(entry: ZipEntry, ratio: number, limits: ZipLimits): DetectionError {
  const shown = Number.isFinite(ratio) ? `约 ${Math.round(ratio)}:1` : '无穷大';
  return new DetectionError(
    'ZIP_RATIO',
    `压缩包内条目“${displayText(entry.name)}”的压缩比异常（${shown}，上限 ${limits.maxCompressionRatio}:1），疑似压缩炸弹，已拒绝`,
  );
}

/** A little-endian 64-bit value; beyond 2^53 it is Infinity (never a valid size or offset). */
function readUInt64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(value);
}
