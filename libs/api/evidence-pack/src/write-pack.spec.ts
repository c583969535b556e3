import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { PackEntryError } from './errors';
import { parseManifestCsv } from './manifest';
import { parseProblemsCsv } from './problems';
import {
  dataOffset,
  entryFor,
  flipByte,
  makeTempDir,
  metadataFor,
  readZip,
  sampleEntries,
  sha256Hex,
  writePackToFile,
} from './testing/pack-fixtures';
import type { PackEntry } from './types';
import { verifyPack } from './verify-pack';
import { writePack } from './write-pack';

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
const nextZip = (): string => join(dir, `pack-${++counter}.zip`);

beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
afterAll(() => cleanup());

/** A writable that keeps nothing. */
const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('writePack → verifyPack', () => {
  it('round-trips five files, Chinese paths and an empty file included', async () => {
    const entries = sampleEntries();
    const file = nextZip();
    const result = await writePackToFile(entries, file);

    const { entries: zipped } = await readZip(file);
    expect(zipped.map(({ entry }) => entry.fileName)).toEqual([
      'manifest.csv',
      'manifest.sha256',
      ...entries.map((entry) => entry.path),
    ]);
    for (const { entry, data } of zipped) {
      expect(entry.generalPurposeBitFlag & 0x800).toBe(0x800); // UTF-8 names
      expect(entry.compressionMethod).toBe(0); // stored
      const source = entries.find((candidate) => candidate.path === entry.fileName);
      if (source !== undefined) {
        expect(sha256Hex(data)).toBe(source.sha256);
        expect(entry.getLastModDate().getTime()).toBe(source.uploadedAt.getTime());
      }
    }
    const [manifest, checksum] = zipped;
    expect(parseManifestCsv(manifest?.data ?? '')).toEqual(
      entries.map(({ open: _open, ...metadata }) => metadata),
    );
    expect(checksum?.data.toString('utf8')).toBe(`${result.manifestSha256}  manifest.csv\n`);
    expect(result).toEqual({
      files: 5,
      unavailable: 0,
      bytes: (await readFile(file)).length,
      manifestSha256: sha256Hex(manifest?.data ?? ''),
    });

    const report = await verifyPack(file);
    expect(report).toEqual({
      ok: true,
      checked: 5,
      problems: [],
      unavailable: [],
      manifestSha256: result.manifestSha256,
      info: null,
      signature: UNSIGNED,
    });
  });

  const unzipAvailable = existsSync('/usr/bin/unzip') && existsSync('/usr/bin/sha256sum');
  (unzipAvailable ? it : it.skip)(
    'can be checked by hand with unzip and sha256sum -c',
    async () => {
      const file = nextZip();
      await writePackToFile(sampleEntries(), file);
      const target = join(dir, `unzipped-${counter}`);
      const run = promisify(execFile);
      await run('unzip', ['-q', file, '-d', target]);
      const { stdout } = await run('sha256sum', ['-c', 'manifest.sha256'], { cwd: target });
      expect(stdout.trim()).toBe('manifest.csv: OK');
      const rows = parseManifestCsv(await readFile(join(target, 'manifest.csv')));
      for (const row of rows)
        expect(sha256Hex(await readFile(join(target, row.path)))).toBe(row.sha256);
    },
  );

  it('streams a once-only async iterable after writing the manifest from manifestEntries', async () => {
    const entries = sampleEntries();
    const events: string[] = [];
    async function* once(): AsyncGenerator<PackEntry> {
      for (const entry of entries) {
        yield {
          ...entry,
          open: async () => {
            events.push(`open ${entry.path}`);
            const stream = await entry.open();
            stream.on('end', () => events.push(`end ${entry.path}`));
            return stream;
          },
        };
      }
    }
    const file = nextZip();
    const result = await writePackToFile(once(), file, {
      manifestEntries: entries.map(({ open: _open, ...metadata }) => metadata),
    });
    expect(result.files).toBe(5);
    // One entry at a time: each stream ends before the next one is opened.
    expect(events).toEqual(entries.flatMap((entry) => [`open ${entry.path}`, `end ${entry.path}`]));
    expect(await verifyPack(file)).toMatchObject({ ok: true, checked: 5 });
  });

  it('stores an ASCII comment', async () => {
    const file = nextZip();
    await writePackToFile(sampleEntries().slice(0, 1), file, { comment: 'evidence pack 2024-03' });
    expect((await readZip(file)).comment).toBe('evidence pack 2024-03');
  });

  it('refuses a comment the zip format cannot hold, before writing anything', async () => {
    const output = new PassThrough();
    await expect(writePack(sampleEntries(), output, { comment: '佐证材料包' })).rejects.toThrow(
      /Invalid evidence pack comment/,
    );
    expect(output.read()).toBeNull();
  });
});

describe('verifyPack on tampered packs', () => {
  it('reports exactly one mismatch when one byte of a stored file is flipped', async () => {
    const entries = sampleEntries();
    const target = entries[0] as PackEntry;
    const file = nextZip();
    await writePackToFile(entries, file);
    await flipByte(file, (await dataOffset(file, target.path)) + 100);

    const report = await verifyPack(file);
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(5);
    expect(report.problems).toEqual([
      {
        path: target.path,
        kind: 'mismatch',
        detail: expect.stringContaining(`expected ${target.sha256}`),
      },
    ]);
  });

  it('reports a manifest row without entry as missing', async () => {
    const entries = sampleEntries();
    const absent = metadataFor(
      '恩施州/鹤峰县/第9条/缺失-deadbeef/v1-缺失.pdf',
      Buffer.from('gone'),
    );
    const file = nextZip();
    await writePackToFile(entries, file, {
      manifestEntries: [...entries.map(({ open: _open, ...metadata }) => metadata), absent],
    });
    const report = await verifyPack(file);
    expect(report).toMatchObject({ ok: false, checked: 5 });
    expect(report.problems).toEqual([
      { path: absent.path, kind: 'missing', detail: expect.any(String) },
    ]);
  });

  it('reports an entry the manifest does not list as extra', async () => {
    const entries = sampleEntries();
    const file = nextZip();
    await writePackToFile(entries, file, {
      manifestEntries: entries.slice(1).map(({ open: _open, ...metadata }) => metadata),
    });
    const report = await verifyPack(file);
    expect(report).toMatchObject({ ok: false, checked: 4 });
    expect(report.problems).toEqual([
      {
        path: entries[0]?.path,
        kind: 'extra',
        detail: expect.stringContaining('not in manifest.csv'),
      },
    ]);
  });

  it('reports a size that differs from the database record', async () => {
    const content = Buffer.from('twelve bytes');
    const entry = entryFor('a/b.pdf', content);
    const file = nextZip();
    await writePackToFile([entry], file, {
      manifestEntries: [{ ...metadataFor('a/b.pdf', content), size: 13 }],
    });
    const report = await verifyPack(file);
    expect(report.problems).toEqual([
      { path: 'a/b.pdf', kind: 'size', detail: expect.stringContaining('expected 13 bytes') },
    ]);
  });
});

describe('writePack failures', () => {
  it('rejects, naming the path, when a stream is shorter than its recorded size', async () => {
    const entry = { ...entryFor('恩施州/短文件.pdf', Buffer.from('short')), size: 10 };
    const output = new PassThrough();
    output.resume();
    const outcome = writePack([entryFor('first.pdf', Buffer.from('ok')), entry], output);
    await expect(outcome).rejects.toThrow(PackEntryError);
    await expect(outcome).rejects.toThrow(/"恩施州\/短文件.pdf".*10 bytes.*only 5/);
    expect(output.destroyed).toBe(true);
  });

  it('rejects, naming the path, when a stream is longer than its recorded size', async () => {
    const entry = { ...entryFor('long.pdf', Buffer.alloc(1000)), size: 10 };
    await expect(writePack([entry], sink())).rejects.toThrow(/"long.pdf".*10 bytes.*at least/);
  });

  it('destroys the output with the error when an entry cannot be opened', async () => {
    const entry: PackEntry = {
      ...metadataFor('gone.pdf', Buffer.from('x')),
      open: () => Promise.reject(new Error('ENOENT: no such file')),
    };
    const output = new PassThrough();
    const destroyedWith = new Promise((resolve) => output.on('error', resolve));
    await expect(writePack([entry], output)).rejects.toThrow(
      /"gone.pdf": cannot open the stored content: ENOENT/,
    );
    expect(await destroyedWith).toBeInstanceOf(PackEntryError);
  });

  it('treats open() throwing synchronously like a rejection', async () => {
    const entry: PackEntry = {
      ...metadataFor('sync.pdf', Buffer.from('x')),
      open: () => {
        throw new Error('store not configured');
      },
    };
    await expect(writePack([entry], sink())).rejects.toThrow(
      /"sync.pdf": cannot open the stored content: store not configured/,
    );
  });

  it('rejects when a stream fails while being read, and stops reading', async () => {
    let opened = 0;
    const failing: PackEntry = {
      ...metadataFor('broken.pdf', Buffer.alloc(100)),
      open: async () => {
        opened += 1;
        return new Readable({
          read() {
            this.destroy(new Error('disk read error'));
          },
        });
      },
    };
    const after = { ...entryFor('after.pdf', Buffer.from('x')), open: jest.fn() };
    await expect(writePack([failing, after], sink())).rejects.toThrow(
      /"broken.pdf": cannot read the stored content: disk read error/,
    );
    expect(opened).toBe(1);
    expect(after.open).not.toHaveBeenCalled();
  });

  it('rejects and releases the entry stream when the output fails', async () => {
    const source = new Readable({ read: () => source.push(Buffer.alloc(64 * 1024)) });
    const endless: PackEntry = {
      ...metadataFor('big.pdf', Buffer.alloc(0)),
      size: 1e9,
      open: async () => source,
    };
    let written = 0;
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > 1e6 ? new Error('client went away') : null);
      },
    });
    await expect(writePack([endless], output)).rejects.toThrow(/client went away/);
    expect(source.destroyed).toBe(true);
  });

  it('refuses invalid or duplicate paths before writing anything', async () => {
    const output = new PassThrough();
    await expect(writePack([entryFor('../etc/passwd', Buffer.from('x'))], output)).rejects.toThrow(
      /Invalid pack path "..\/etc\/passwd"/,
    );
    const twins = [
      entryFor('a/报告.pdf', Buffer.from('1')),
      entryFor('A/报告.PDF', Buffer.from('2')),
    ];
    await expect(writePack(twins, output)).rejects.toThrow(/Duplicate pack path/);
    expect(output.read()).toBeNull();
  });

  it('refuses metadata the manifest cannot hold, before writing anything', async () => {
    const output = new PassThrough();
    const entry = { ...entryFor('a.pdf', Buffer.from('x')), sha256: 'not a hash' };
    await expect(writePack([entry], output)).rejects.toThrow(/"a.pdf".*sha256/);
    expect(output.read()).toBeNull();
  });
});

describe('verifyPack on broken archives', () => {
  it('rejects with a clear error for a file that is not a zip', async () => {
    const file = join(dir, 'not-a-zip.zip');
    await writeFile(file, 'hello');
    await expect(verifyPack(file)).rejects.toThrow(
      /Cannot read evidence pack ".*not-a-zip.zip": End of central directory/,
    );
    await expect(verifyPack(join(dir, 'absent.zip'))).rejects.toThrow(
      /Cannot read evidence pack.*ENOENT/,
    );
  });
});

describe('writePack with unavailable entries', () => {
  it('lists them in the manifest and problems.csv, never opens them, and the pack verifies', async () => {
    const [first, second, ...rest] = sampleEntries();
    const never = () => Promise.reject(new Error('an unavailable entry was opened'));
    const entries: PackEntry[] = [
      first,
      {
        ...second,
        unavailable: { kind: 'corrupt', detail: '内容哈希不符，2024-03-06 发现' },
        open: never,
      },
      ...rest.slice(0, 1),
      { ...rest[1], unavailable: { kind: 'missing', detail: '存储中缺少该文件' }, open: never },
    ];
    const file = nextZip();
    const result = await writePackToFile(entries, file);
    expect(result).toMatchObject({ files: 2, unavailable: 2 });

    const { entries: zipped } = await readZip(file);
    expect(zipped.map(({ entry }) => entry.fileName)).toEqual([
      'manifest.csv',
      'manifest.sha256',
      'problems.csv',
      first.path,
      rest[0].path,
    ]);
    expect(parseManifestCsv(zipped[0].data).map((row) => row.path)).toEqual(
      entries.map((entry) => entry.path),
    );
    expect(zipped[1].data.toString('utf8')).toBe(
      `${result.manifestSha256}  manifest.csv\n${sha256Hex(zipped[2].data)}  problems.csv\n`,
    );
    expect(parseProblemsCsv(zipped[2].data)).toEqual([
      {
        path: second.path,
        sha256: second.sha256,
        size: second.size,
        problem: 'corrupt',
        detail: '内容哈希不符，2024-03-06 发现',
      },
      {
        path: rest[1].path,
        sha256: rest[1].sha256,
        size: rest[1].size,
        problem: 'missing',
        detail: '存储中缺少该文件',
      },
    ]);

    if (existsSync('/usr/bin/unzip') && existsSync('/usr/bin/sha256sum')) {
      const target = join(dir, `unzipped-${counter}`);
      const run = promisify(execFile);
      await run('unzip', ['-q', file, '-d', target]);
      const { stdout } = await run('sha256sum', ['-c', 'manifest.sha256'], { cwd: target });
      expect(stdout.trim().split('\n')).toEqual(['manifest.csv: OK', 'problems.csv: OK']);
    }
    const report = await verifyPack(file);
    expect(report).toMatchObject({ ok: true, checked: 2, problems: [] });
    expect(report.unavailable.map((row) => [row.path, row.problem])).toEqual([
      [second.path, 'corrupt'],
      [rest[1].path, 'missing'],
    ]);
  });
});
