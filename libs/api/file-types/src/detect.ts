import { constants, open } from 'node:fs/promises';
import { readCfbRoot } from './cfb';
import { Classified, classifyCfb, classifyZip } from './containers';
import { DetectionError } from './detection-error';
import { extensionOf, sanitizeFileName } from './file-name';
import { FileHandleReader, RandomAccessReader } from './random-access';
import { HEAD_LENGTH, sniff } from './signatures';
import {
  DEFAULT_ZIP_LIMITS,
  DetectFileTypeOptions,
  DetectionResult,
  EVIDENCE_FILE_TYPES,
  EVIDENCE_TYPES,
  EvidenceFileType,
  EXTENSIONS_BY_TYPE,
  ZipLimits,
} from './types';
import { readZipDirectory, verifyLocalHeader } from './zip';

/**
 * Decides the type of an uploaded file (already on disk) from its content: magic bytes, then the
 * ZIP central directory (OFD, DOCX, XLSX) or the OLE2 root directory (DOC, XLS). The file name
 * and the client's Content-Type play no part; `declaredName` only appears in the reason when the
 * file is refused. Reads the first 8 KiB, the last 64 KiB and the directories, never the whole
 * file, and decompresses nothing.
 *
 * Resolves to `{ ok: false }` for every refused file, including malformed ones; rejects only on
 * I/O errors (missing file, not a regular file, permissions) and invalid options.
 */
export async function detectFileType(
  path: string,
  options: DetectFileTypeOptions = {},
): Promise<DetectionResult> {
  const resolved = resolveOptions(options);
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused as not a file).
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error(`detectFileType: not a regular file: ${path}`);
    return await detectWithReader(new FileHandleReader(handle, stats.size), resolved);
  } finally {
    await handle.close();
  }
}

interface ResolvedOptions {
  allowed: readonly EvidenceFileType[];
  limits: ZipLimits;
  declaredName?: string;
}

/** `detectFileType` over any positional reader (tests count the bytes read through it). */
export async function detectWithReader(
  reader: RandomAccessReader,
  options: DetectFileTypeOptions | ResolvedOptions = {},
): Promise<DetectionResult> {
  const { allowed, limits, declaredName } = 'limits' in options ? options : resolveOptions(options);
  const name = declaredName === undefined ? undefined : sanitizeFileName(declaredName, 80);
  let classified: Classified;
  try {
    classified = await classify(reader, limits);
  } catch (error) {
    if (!(error instanceof DetectionError)) throw error;
    const reason = name === undefined ? error.reason : `文件“${name}”：${error.reason}`;
    return { ok: false, code: error.code, reason };
  }

  if (classified.type !== undefined && allowed.includes(classified.type)) {
    return { ok: true, detected: EVIDENCE_TYPES[classified.type] };
  }
  const detected =
    classified.type !== undefined
      ? `检测为 ${EVIDENCE_TYPES[classified.type].label}；此处只接受：${
          allowed.map((type) => EVIDENCE_TYPES[type].label).join('、') || '无'
        }`
      : classified.label
        ? `检测为 ${classified.label}`
        : '无法识别文件格式';
  let reason =
    name === undefined
      ? `文件内容不是允许的类型（${detected}）`
      : `文件“${name}”的内容不是允许的类型（${detected}）`;
  if (declaredName !== undefined) {
    const extension = extensionOf(declaredName);
    const claimed = EVIDENCE_FILE_TYPES.find((type) =>
      EXTENSIONS_BY_TYPE[type].includes(extension),
    );
    if (claimed !== undefined && claimed !== classified.type) {
      reason += `，与扩展名“${extension}”不符`;
    }
  }
  return { ok: false, code: 'UNSUPPORTED_TYPE', reason };
}

async function classify(reader: RandomAccessReader, limits: ZipLimits): Promise<Classified> {
  if (reader.size === 0) throw new DetectionError('EMPTY_FILE', '文件为空（0 字节）');
  const sniffed = sniff(await reader.read(0, HEAD_LENGTH));
  switch (sniffed.kind) {
    case 'pdf':
    case 'png':
    case 'jpeg':
      return { type: sniffed.kind };
    case 'zip': {
      const directory = await readZipDirectory(reader, limits);
      const classified = classifyZip(directory);
      for (const entry of classified.keyEntries ?? []) {
        await verifyLocalHeader(reader, directory, entry);
      }
      return classified;
    }
    case 'cfb':
      return classifyCfb(await readCfbRoot(reader));
    case 'refused':
      return { label: sniffed.label ?? '' }; // '' when the format is unknown
  }
}

function resolveOptions(options: DetectFileTypeOptions): ResolvedOptions {
  const allowed = options.allowed ?? EVIDENCE_FILE_TYPES;
  for (const type of allowed) {
    if (!Object.hasOwn(EVIDENCE_TYPES, type)) {
      throw new TypeError(`detectFileType: unknown evidence type ${JSON.stringify(type)}`);
    }
  }
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS };
  for (const key of Object.keys(DEFAULT_ZIP_LIMITS) as (keyof ZipLimits)[]) {
    const value = options.zipLimits?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
      throw new RangeError(`detectFileType: zipLimits.${key} must be a positive number`);
    }
    limits[key] = value;
  }
  return { allowed, limits, declaredName: options.declaredName };
}
