import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestChecksumFile, manifestCsv } from './manifest';
import { problemsCsv } from './problems';
import { makeTempDir, metadataFor, readZip, sha256Hex, writeRawZip } from './testing/pack-fixtures';
import { verifyPack } from './verify-pack';

/** What verifyPack says about a pack written without a signer. */
const UNSIGNED = {
  status: 'missing',
  kid: null,
  alg: null,
  detail: 'the pack has no manifest.sig.json',
};

let dir: string;
let cleanup: () => Promise<void>;
let counter = 0;
const nextZip = (): string => join(dir, `raw-${++counter}.zip`);

beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
afterAll(() => cleanup());

const files = [
  { path: '恩施州/恩施市/第1条/a-00000001/v1-甲.pdf', data: Buffer.from('%PDF 甲'.repeat(300)) },
  { path: '恩施州/来凤县/第2条/b-00000002/v1-乙.png', data: Buffer.from('PNG 乙') },
];
const rows = files.map(({ path, data }) => metadataFor(path, data));
const manifest = manifestCsv(rows);
const checksum = manifestChecksumFile(sha256Hex(manifest));

/** A pack written by hand: the manifest files (as given), then the files. */
async function rawPack(
  parts: { manifest?: Buffer | null; checksum?: Buffer | null; compress?: boolean } = {},
  extra: { path: string; data: Buffer }[] = [],
): Promise<string> {
  const file = nextZip();
  const entries = [];
  if (parts.manifest !== null)
    entries.push({ path: 'manifest.csv', data: parts.manifest ?? manifest });
  if (parts.checksum !== null)
    entries.push({ path: 'manifest.sha256', data: parts.checksum ?? checksum });
  for (const entry of [...files, ...extra]) entries.push({ ...entry, compress: parts.compress });
  await writeRawZip(file, entries);
  return file;
}

/** Overwrites the uncompressed size recorded in an entry's central directory record. */
async function patchCentralDirectorySize(file: string, path: string, size: number): Promise<void> {
  const zip = await readFile(file);
  const name = Buffer.from(path, 'utf8');
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  let offset = zip.indexOf(signature);
  while (offset !== -1 && !zip.subarray(offset + 46, offset + 46 + name.length).equals(name)) {
    offset = zip.indexOf(signature, offset + 4);
  }
  if (offset === -1) throw new Error(`no central directory record for ${path}`);
  zip.writeUInt32LE(size, offset + 24);
  await writeFile(file, zip);
}

describe('verifyPack', () => {
  it('accepts a correct pack, even one re-zipped with compression', async () => {
    expect(await verifyPack(await rawPack())).toEqual({
      ok: true,
      checked: 2,
      problems: [],
      unavailable: [],
      manifestSha256: sha256Hex(manifest),
      info: null,
      signature: UNSIGNED,
    });
    expect(await verifyPack(await rawPack({ compress: true }))).toMatchObject({
      ok: true,
      checked: 2,
    });
  });

  it('accepts packs made before the Chinese header (English header, UTC times)', async () => {
    const text = manifest.toString('utf8');
    const legacy = Buffer.from(
      text
        .replace(
          /^\uFEFF[^\r]*\r\n/,
          '\uFEFFpath,sha256,size,uploaded_at,uploader,unit_code,article,paragraph,task_status,document_number\r\n',
        )
        .replaceAll(',2024-03-05 14:07:08,', ',2024-03-05T06:07:08.000Z,'),
      'utf8',
    );
    expect(legacy.toString('utf8')).toContain('2024-03-05T06:07:08.000Z');
    const report = await verifyPack(
      await rawPack({ manifest: legacy, checksum: manifestChecksumFile(sha256Hex(legacy)) }),
    );
    expect(report).toMatchObject({ ok: true, checked: 2, problems: [] });
  });

  it('reports a manifest edited without updating manifest.sha256', async () => {
    const edited = manifestCsv(rows.map((row) => ({ ...row, uploader: '王五' })));
    const report = await verifyPack(await rawPack({ manifest: edited }));
    expect(report.ok).toBe(false);
    expect(report.manifestSha256).toBe(sha256Hex(edited));
    expect(report.problems).toEqual([
      {
        path: 'manifest.csv',
        kind: 'manifest',
        detail: `SHA-256 is ${sha256Hex(edited)}, manifest.sha256 records ${sha256Hex(manifest)}`,
      },
    ]);
    // The files are still compared with the manifest as found.
    expect(report.checked).toBe(2);
  });

  it('reports a missing manifest.csv and compares nothing', async () => {
    const report = await verifyPack(await rawPack({ manifest: null }));
    expect(report).toEqual({
      ok: false,
      checked: 0,
      problems: [{ path: 'manifest.csv', kind: 'manifest', detail: 'missing from the pack' }],
      unavailable: [],
      manifestSha256: null,
      info: null,
      signature: UNSIGNED,
    });
  });

  it('reports a missing or useless manifest.sha256', async () => {
    const missing = await verifyPack(await rawPack({ checksum: null }));
    expect(missing.problems).toEqual([
      { path: 'manifest.sha256', kind: 'manifest', detail: 'missing from the pack' },
    ]);
    expect(missing.checked).toBe(2);
    const useless = await verifyPack(await rawPack({ checksum: Buffer.from('hello\n') }));
    expect(useless.problems).toEqual([
      {
        path: 'manifest.sha256',
        kind: 'manifest',
        detail: expect.stringContaining('no "<sha256>'),
      },
    ]);
  });

  it('reports a manifest that cannot be parsed', async () => {
    const broken = Buffer.from('\uFEFFpath,size\r\n');
    const report = await verifyPack(
      await rawPack({ manifest: broken, checksum: manifestChecksumFile(sha256Hex(broken)) }),
    );
    expect(report).toMatchObject({ ok: false, checked: 0 });
    expect(report.problems).toEqual([
      {
        path: 'manifest.csv',
        kind: 'manifest',
        detail: expect.stringContaining('unexpected header'),
      },
    ]);
  });

  it('reports extra entries and duplicate names', async () => {
    const file = await rawPack({}, [
      { path: 'notes.txt', data: Buffer.from('not listed') },
      { path: files[1]?.path ?? '', data: Buffer.from('a second copy') },
    ]);
    const report = await verifyPack(file);
    expect(report.checked).toBe(2);
    expect(report.problems).toEqual([
      { path: files[1]?.path, kind: 'extra', detail: 'a second zip entry with this name' },
      { path: 'notes.txt', kind: 'extra', detail: 'not in manifest.csv (10 bytes)' },
    ]);
  });

  it('reports duplicate manifest rows', async () => {
    const doubled = manifestCsv([...rows, ...rows.slice(0, 1)]);
    const report = await verifyPack(
      await rawPack({ manifest: doubled, checksum: manifestChecksumFile(sha256Hex(doubled)) }),
    );
    expect(report.problems).toEqual([
      { path: rows[0]?.path, kind: 'manifest', detail: 'listed more than once in manifest.csv' },
    ]);
  });

  it('names a stored entry whose central directory sizes disagree (yauzl refuses the directory)', async () => {
    const file = await rawPack();
    const target = files[0]?.path ?? '';
    await patchCentralDirectorySize(file, target, 7);
    const report = await verifyPack(file);
    expect(report.checked).toBe(1);
    expect(report.problems).toEqual([
      { path: target, kind: 'size', detail: expect.stringContaining('records 7 bytes') },
    ]);
  });

  it("maps yauzl's byte count errors on compressed entries to size problems", async () => {
    const file = await rawPack({ compress: true });
    const target = files[0]?.path ?? '';
    await patchCentralDirectorySize(file, target, 5);
    const report = await verifyPack(file);
    expect(report.problems).toEqual([
      { path: target, kind: 'size', detail: expect.stringContaining('too many bytes') },
    ]);
  });

  it('ignores directory entries', async () => {
    const file = await rawPack({}, [{ path: '恩施州/', data: Buffer.alloc(0) }]);
    const { entries } = await readZip(file);
    expect(entries.map(({ entry }) => entry.fileName)).toContain('恩施州/');
    expect(await verifyPack(file)).toMatchObject({ ok: true, checked: 2 });
  });
});

describe('verifyPack with problems.csv', () => {
  const missingRow = metadataFor('恩施州/鹤峰县/第5条/c-00000003/v1-丙.pdf', Buffer.from('丙'), {
    unavailable: { kind: 'missing', detail: '存储中缺少该文件' },
  });
  const allRows = [...rows, missingRow];
  const fullManifest = manifestCsv(allRows);
  const problems = problemsCsv([
    {
      path: missingRow.path,
      sha256: missingRow.sha256,
      size: missingRow.size,
      problem: 'missing',
      detail: '存储中缺少该文件',
    },
  ]);
  const bothChecksums = (listed: Buffer = problems) =>
    manifestChecksumFile(sha256Hex(fullManifest), [
      { name: 'problems.csv', sha256: sha256Hex(listed) },
    ]);

  /** The two files of `files`, a manifest also listing a third, and problems.csv as given. */
  async function packWithProblems(
    parts: { problems?: Buffer | null; checksum?: Buffer },
    extra: { path: string; data: Buffer }[] = [],
  ): Promise<string> {
    const file = nextZip();
    const entries = [
      { path: 'manifest.csv', data: fullManifest },
      { path: 'manifest.sha256', data: parts.checksum ?? bothChecksums() },
    ];
    if (parts.problems !== null) {
      entries.push({ path: 'problems.csv', data: parts.problems ?? problems });
    }
    await writeRawZip(file, [...entries, ...files, ...extra]);
    return file;
  }

  it('passes, reporting the listed file as unavailable rather than missing', async () => {
    const report = await verifyPack(await packWithProblems({}));
    expect(report).toEqual({
      ok: true,
      checked: 2,
      problems: [],
      unavailable: [
        {
          path: missingRow.path,
          sha256: missingRow.sha256,
          size: missingRow.size,
          problem: 'missing',
          detail: '存储中缺少该文件',
        },
      ],
      manifestSha256: sha256Hex(fullManifest),
      info: null,
      signature: UNSIGNED,
    });
  });

  it('fails when problems.csv is dropped, or added without manifest.sha256 covering it', async () => {
    const dropped = await verifyPack(await packWithProblems({ problems: null }));
    expect(dropped.ok).toBe(false);
    expect(dropped.problems).toEqual([
      {
        path: 'problems.csv',
        kind: 'manifest',
        detail: 'listed in manifest.sha256, missing from the pack',
      },
      { path: missingRow.path, kind: 'missing', detail: 'listed in manifest.csv, not in the zip' },
    ]);
    const uncovered = await verifyPack(
      await packWithProblems({ checksum: manifestChecksumFile(sha256Hex(fullManifest)) }),
    );
    expect(uncovered.problems.map((p) => [p.path, p.kind])).toEqual([
      ['problems.csv', 'manifest'],
      [missingRow.path, 'missing'],
    ]);
    expect(uncovered.unavailable).toEqual([]);
  });

  it('fails when problems.csv is edited, or names a file the pack holds or the manifest lacks', async () => {
    const edited = Buffer.concat([problems, Buffer.from('x')]);
    const changed = await verifyPack(await packWithProblems({ problems: edited }));
    expect(changed.problems[0]).toMatchObject({
      path: 'problems.csv',
      kind: 'manifest',
      detail: expect.stringContaining('manifest.sha256 records'),
    });

    // Rebuilt consistently by someone hiding a file that is in the pack, or inventing one.
    const [held] = rows;
    const hiding = problemsCsv([
      { path: held.path, sha256: held.sha256, size: held.size, problem: 'corrupt', detail: '' },
      { path: 'x/y.pdf', sha256: held.sha256, size: 1, problem: 'missing', detail: '' },
    ]);
    const report = await verifyPack(
      await packWithProblems({ problems: hiding, checksum: bothChecksums(hiding) }),
    );
    expect(report.problems).toEqual([
      { path: held.path, kind: 'manifest', detail: 'listed in problems.csv, yet in the pack' },
      { path: 'x/y.pdf', kind: 'manifest', detail: 'listed in problems.csv, not in manifest.csv' },
      { path: missingRow.path, kind: 'missing', detail: 'listed in manifest.csv, not in the zip' },
    ]);
  });
});
