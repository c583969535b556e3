/** Helpers for this library's specs (not exported from the library). */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { openPromise, type Entry } from 'yauzl';
import { ZipFile } from 'yazl';
import {
  MANIFEST_CHECKSUM_FILE_NAME,
  MANIFEST_FILE_NAME,
  manifestChecksumFile,
  manifestCsv,
  PACK_INFO_FILE_NAME,
  parseManifestCsv,
  SIGNATURE_FILE_NAME,
} from '../manifest';
import { PROBLEMS_FILE_NAME } from '../problems';
import type { PackEntry, PackEntryMetadata } from '../types';
import { writePack, type WritePackOptions, type WritePackResult } from '../write-pack';

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A temporary directory per test file; `cleanup` removes it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-pack-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Metadata for `content` as the database would record it. */
export function metadataFor(
  path: string,
  content: Buffer,
  overrides: Partial<PackEntryMetadata> = {},
): PackEntryMetadata {
  return {
    path,
    sha256: sha256Hex(content),
    size: content.length,
    uploadedAt: new Date('2024-03-05T06:07:08.000Z'),
    uploader: '张三',
    unitCode: '422801',
    article: 12,
    paragraph: 2,
    taskStatus: 'COMPLETED',
    documentNumber: '恩市政办发〔2024〕3号',
    ...overrides,
  };
}

/** An entry whose content is `content`, delivered in chunks of `chunkSize` bytes. */
export function entryFor(
  path: string,
  content: Buffer,
  overrides: Partial<PackEntryMetadata> = {},
  chunkSize = 7,
): PackEntry {
  return {
    ...metadataFor(path, content, overrides),
    open: async () => Readable.from(chunks(content, chunkSize)),
  };
}

function* chunks(content: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < content.length; offset += size) {
    yield content.subarray(offset, offset + size);
  }
}

/** Five files: Chinese paths, an empty file, one several chunks long. */
export function sampleEntries(): PackEntry[] {
  return [
    entryFor(
      '恩施州/恩施市/第12条/任务名-1a2b3c4d/v1-通知.pdf',
      Buffer.from('%PDF-1.7 通知 '.repeat(500)),
    ),
    entryFor('恩施州/恩施市/第12条/任务名-1a2b3c4d/v2-通知.pdf', Buffer.from('%PDF-1.7 v2')),
    entryFor('恩施州/利川市/第3条/空文件-5e6f7a8b/v1-空.txt', Buffer.alloc(0), { paragraph: null }),
    entryFor('恩施州/利川市/第3条/照片-9c0d1e2f/v1-现场, "照片".png', Buffer.from([0x89, 0x50])),
    entryFor(
      '恩施州/巴东县/第7条/=SUM(A1)-00112233/v1-a.docx',
      Buffer.from('PK\u0003\u0004 docx'),
      {
        uploader: '+李四',
        documentNumber: null,
      },
    ),
  ];
}

export async function writePackToFile(
  entries: Iterable<PackEntry> | AsyncIterable<PackEntry>,
  file: string,
  options?: WritePackOptions,
): Promise<WritePackResult> {
  const output = createWriteStream(file);
  const result = await writePack(entries, output, options);
  await finished(output);
  return result;
}

export interface ZipContent {
  entry: Entry;
  data: Buffer;
}

/** Every entry of a zip with its (decoded) content, in central directory order. */
export async function readZip(file: string): Promise<{ comment: string; entries: ZipContent[] }> {
  const zip = await openPromise(file, { lazyEntries: true, decodeStrings: true, autoClose: false });
  try {
    const entries: ZipContent[] = [];
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      entries.push({ entry, data: Buffer.concat(parts) });
    }
    return { comment: zip.comment, entries };
  } finally {
    zip.close();
  }
}

/** Offset of an entry's data in the zip file: after its local header, name and extra field. */
export async function dataOffset(file: string, path: string): Promise<number> {
  const { entries } = await readZip(file);
  const found = entries.find(({ entry }) => entry.fileName === path);
  if (found === undefined) throw new Error(`no entry ${path}`);
  const zip = await readFile(file);
  const header = found.entry.relativeOffsetOfLocalHeader;
  return header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
}

/** Flips the bits of one byte of a file in place. */
export async function flipByte(file: string, offset: number): Promise<void> {
  const zip = await readFile(file);
  zip[offset] ^= 0xff;
  await writeFile(file, zip);
}

/**
 * Writes a zip by hand (stored unless `compress`), e.g. with a manifest that does not match its
 * hash. A path ending with '/' is a directory entry.
 */
export async function writeRawZip(
  file: string,
  entries: { path: string; data: Buffer; compress?: boolean }[],
): Promise<void> {
  const zip = new ZipFile();
  for (const { path, data, compress } of entries) {
    if (path.endsWith('/')) zip.addEmptyDirectory(path);
    else zip.addBuffer(data, path, { compress: !!compress });
  }
  const output = createWriteStream(file);
  zip.outputStream.pipe(output);
  zip.end();
  await finished(output);
}

/**
 * What a forger who can change a pack but has no signing key does: replaces files' content,
 * updates their rows in manifest.csv, rebuilds manifest.sha256 so that every hash matches again,
 * and keeps (or drops, with `signature: 'drop'`) the original manifest.sig.json. Writes `out`.
 */
export async function tamperAndReseal(
  file: string,
  out: string,
  changes: ReadonlyMap<string, Buffer>,
  options: { signature?: 'keep' | 'drop' | Buffer } = {},
): Promise<void> {
  const { entries } = await readZip(file);
  const byName = new Map(entries.map(({ entry, data }) => [entry.fileName, data]));
  const manifest = byName.get(MANIFEST_FILE_NAME);
  if (manifest === undefined) throw new Error(`${file} has no ${MANIFEST_FILE_NAME}`);
  const rows = parseManifestCsv(manifest).map((row) => {
    const changed = changes.get(row.path);
    return changed ? { ...row, sha256: sha256Hex(changed), size: changed.length } : row;
  });
  const newManifest = manifestCsv(rows);
  const covered = [PROBLEMS_FILE_NAME, PACK_INFO_FILE_NAME]
    .filter((name) => byName.has(name))
    .map((name) => ({ name, sha256: sha256Hex(byName.get(name) as Buffer) }));
  const newChecksum = manifestChecksumFile(sha256Hex(newManifest), covered);
  const signature = options.signature ?? 'keep';
  const rewritten: { path: string; data: Buffer }[] = [];
  for (const { entry, data } of entries) {
    const path = entry.fileName;
    if (path === MANIFEST_FILE_NAME) rewritten.push({ path, data: newManifest });
    else if (path === MANIFEST_CHECKSUM_FILE_NAME) rewritten.push({ path, data: newChecksum });
    else if (path === SIGNATURE_FILE_NAME) {
      if (signature === 'keep') rewritten.push({ path, data });
      else if (signature !== 'drop') rewritten.push({ path, data: signature });
    } else rewritten.push({ path, data: changes.get(path) ?? data });
  }
  await writeRawZip(out, rewritten);
}
