import { verifyPack } from '@duty/api/evidence-pack';
import { EvidenceStore } from '@duty/api/evidence-store';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  auditAfter,
  auditCount,
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { EVIDENCE_STORE } from '../evidence.constants';
import { checkEvidenceIntegrity } from '../evidence-integrity';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A PDF of `size` bytes, unique by `seed` (several read chunks long). */
function pdfOfSize(seed: string, size: number): Buffer {
  const head = samplePdf(seed);
  const body = Buffer.alloc(size, 0x20);
  head.copy(body, 0, 0, head.length - 8);
  body.write('\n%%EOF\n', size - 8, 'latin1');
  return body;
}

interface RawDownload {
  status: number;
  headers: http.IncomingHttpHeaders;
  received: number;
  /** The body ended normally ('end'), as opposed to an aborted or reset connection. */
  completed: boolean;
  body: Buffer;
}

/** GET with node:http, recording how the body ended rather than throwing on an abort. */
function rawGet(url: string, token: string): Promise<RawDownload> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      let settled = false;
      const done = (completed: boolean) => {
        if (settled) return;
        settled = true;
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          received: body.length,
          completed,
          body,
        });
      };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(res.complete));
      res.on('aborted', () => done(false));
      res.on('error', () => done(false));
      res.on('close', () => done(res.complete));
    });
    req.on('error', reject);
  });
}

/**
 * Integrity on read (issue 15, finding 8), through the real HTTP API, real PostgreSQL and the
 * real evidence store on disk: corrupt content is never served as intact, is marked and
 * audited, packs name what they cannot hold, and staging leftovers are swept while running.
 */
describe('evidence integrity on read (real HTTP, real PostgreSQL, store on disk)', () => {
  let api: TestApi;
  let db: DataSource;
  let store: EvidenceStore;
  let operator: SignedInClient;
  let auditor: SignedInClient;
  let cycleId: string;
  let tasks: string[];
  let packDir: string;
  const MB = 1024 * 1024;

  const objectPath = (hash: string) =>
    path.join(api.config.evidence.dir, 'objects', hash.slice(0, 2), hash.slice(2, 4), hash);
  const upload = async (taskId: string, name: string, content: Buffer) => {
    const res = await uploadEvidence(api, operator, taskId, [{ name, content }]);
    expect(res.status).toBe(201);
    return res.body.evidence![0];
  };
  const marks = async (hash: string) =>
    (await db.query(
      `SELECT integrity_status, corrupt_at FROM evidence WHERE sha256 = $1 ORDER BY id`,
      [hash],
    )) as Array<{ integrity_status: string; corrupt_at: Date | null }>;
  const audits = async (action: string, hash: string) =>
    (await db.query(
      `SELECT actor_username, result, target, detail FROM security_audit_log
        WHERE action = $1 AND detail->>'sha256' = $2 ORDER BY id`,
      [action, hash],
    )) as Array<{
      actor_username: string | null;
      result: string;
      target: string;
      detail: Record<string, unknown>;
    }>;
  const download = (client: SignedInClient, id: string) =>
    rawGet(`${api.url}/api/evidence/${id}/content`, client.token);
  const packUrl = () => `${api.url}/api/evidence/pack?cycleId=${cycleId}&unitCode=420102`;
  /** Downloads a pack to a file; the status, and whether the transfer completed. */
  const pack = async (name: string) => {
    const res = await rawGet(packUrl(), auditor.token);
    const file = path.join(packDir, `${name}.zip`);
    await writeFile(file, res.body);
    return { ...res, file };
  };

  beforeAll(async () => {
    packDir = await mkdtemp(path.join(os.tmpdir(), 'duty-packs-'));
    api = await startTestApi({
      EVIDENCE_MAX_FILE_BYTES: String(4 * MB),
      // Sweep staging leftovers every second (uploads in progress are far younger than an hour).
      EVIDENCE_STAGING_SWEEP_SECONDS: '1',
    });
    db = api.server.app.get(DataSource);
    store = api.server.app.get<EvidenceStore>(EVIDENCE_STORE);
    const province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    tasks = (
      await db.query(
        `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
          WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
          ORDER BY t.id LIMIT 4`,
        [cycleId],
      )
    ).map((r: { id: string }) => r.id);
    operator = await api.signIn('jiangan-scjg');
    auditor = await api.signIn('auditor');
  });
  afterAll(async () => {
    await api?.close();
    await rm(packDir, { recursive: true, force: true });
  });

  it('cuts the download of a file with one flipped byte, marks it corrupt, audits it, and refuses it afterwards without reading it', async () => {
    const content = pdfOfSize('flipped', 1 * MB);
    const file = await upload(tasks[0], '质量工作总结.pdf', content);
    const intact = await download(operator, file.id);
    expect(intact).toMatchObject({ status: 200, completed: true, received: content.length });
    expect(sha256(intact.body)).toBe(sha256(content));

    // One byte flipped on disk, same size: what the probe did.
    const stored = objectPath(sha256(content));
    const changed = await readFile(stored);
    changed[content.length - 100] ^= 0x01;
    await writeFile(stored, changed);

    const cut = await download(operator, file.id);
    // Headers went out before the hash was known; the body did not arrive complete.
    expect(cut.completed && cut.status === 200).toBe(false);
    expect(cut.received).toBeLessThan(content.length);
    expect(Number(cut.headers['content-length'])).toBe(content.length);

    // Marked before the response was cut, with the audit entry naming who ran into it.
    const [mark] = await marks(sha256(content));
    expect(mark.integrity_status).toBe('corrupt');
    expect(mark.corrupt_at).toBeInstanceOf(Date);
    expect(await audits('EVIDENCE_CORRUPTION_DETECTED', sha256(content))).toEqual([
      {
        actor_username: 'jiangan-scjg',
        result: 'failure',
        target: `evidence sha256:${sha256(content)}`,
        detail: expect.objectContaining({
          via: 'download',
          kind: 'hash',
          expectedSize: content.length,
          actualSize: content.length,
          actualSha256: sha256(changed),
          evidenceIds: [file.id],
        }),
      },
    ]);

    // Put the original bytes back: a server that read the file would serve it; this one
    // refuses content marked corrupt without reading it, by id and by hash, to every reader.
    await writeFile(stored, content);
    for (const [client, url] of [
      [operator, `/api/evidence/${file.id}/content`],
      [auditor, `/api/evidence/${file.id}/content?inline=1`],
      [auditor, `/api/evidence/sha256/${sha256(content)}/content`],
    ] as const) {
      const refused = await fetch(`${api.url}${url}`, {
        headers: { authorization: `Bearer ${client.token}` },
      });
      expect(refused.status).toBe(500);
      const body = (await refused.json()) as { code: string; message: string };
      expect(body.code).toBe('EVIDENCE_INTEGRITY');
      expect(body.message).toContain('质量工作总结.pdf');
      expect(body.message).toContain('已损坏');
    }

    // GraphQL shows the mark (the evidence explorer reads it).
    const shown = await auditor.graphql<{
      evidenceFiles: { nodes: Array<{ id: string; integrityStatus: string; corruptAt: string }> };
    }>(
      `query($f: EvidenceFilterInput) { evidenceFiles(filter: $f, first: 100) { nodes { id integrityStatus corruptAt } } }`,
      { f: { cycleId } },
    );
    expect(shown.data!.evidenceFiles.nodes.find((n) => n.id === file.id)).toEqual({
      id: file.id,
      integrityStatus: 'CORRUPT',
      corruptAt: mark.corrupt_at!.toISOString(),
    });

    // The integrity check finds the restored content intact and lifts the mark, audited.
    const run = await checkEvidenceIntegrity(db, store, 'cli');
    expect(run.cleared).toEqual([sha256(content)]);
    expect((await marks(sha256(content)))[0].integrity_status).toBe('ok');
    expect(await audits('EVIDENCE_INTEGRITY_RESTORED', sha256(content))).toHaveLength(1);
    const again = await download(operator, file.id);
    expect(again).toMatchObject({ status: 200, completed: true, received: content.length });
  });

  it('refuses a file whose stored size is wrong before sending anything, and marks it', async () => {
    const content = pdfOfSize('grown', 200_000);
    const file = await upload(tasks[0], '附件.pdf', content);
    await writeFile(objectPath(sha256(content)), Buffer.concat([content, Buffer.from('x')]));
    const res = await fetch(`${api.url}/api/evidence/${file.id}/content`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('EVIDENCE_INTEGRITY');
    expect((await marks(sha256(content)))[0].integrity_status).toBe('corrupt');
    expect((await audits('EVIDENCE_CORRUPTION_DETECTED', sha256(content)))[0].detail).toMatchObject(
      { via: 'download', kind: 'size', actualSize: content.length + 1 },
    );
  });

  it('builds a pack despite a truncated and a missing file, naming them in problems.csv; the rest verifies', async () => {
    const files = [
      { name: '实施方案.pdf', content: pdfOfSize('plan', 300_000) },
      { name: '截断的通知.pdf', content: pdfOfSize('truncated', 300_000) },
      { name: '丢失的报告.pdf', content: pdfOfSize('missing', 50_000) },
    ];
    for (const f of files) await upload(tasks[1], f.name, f.content);
    await truncate(objectPath(sha256(files[1].content)), 1000);
    await rm(objectPath(sha256(files[2].content)));

    const packsBefore = await auditCount(db, 'EVIDENCE_PACK_DOWNLOADED');
    const res = await pack('truncated');
    expect(res).toMatchObject({ status: 200, completed: true });
    expect(res.headers['content-type']).toBe('application/zip');
    const report = await verifyPack(res.file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const byName = (name: string) => report.unavailable.find((u) => u.path.endsWith(name));
    expect(byName('截断的通知.pdf')).toMatchObject({
      problem: 'corrupt',
      sha256: sha256(files[1].content),
      size: 300_000,
      detail: expect.stringContaining('实际 1000 字节'),
    });
    expect(byName('丢失的报告.pdf')).toMatchObject({ problem: 'missing' });
    // Everything else of the unit's current evidence was packed and verified.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM evidence WHERE unit_code = '420102'
          AND withdrawn_at IS NULL AND superseded_by_id IS NULL`,
    );
    expect(report.checked + report.unavailable.length).toBe(n);
    expect(report.unavailable.map((u) => u.problem).sort()).toEqual(
      expect.arrayContaining(['corrupt', 'missing']),
    );

    // The truncated content is marked and audited (a missing file is not: the store may be
    // briefly unavailable); the pack download is audited with what it left out.
    expect((await marks(sha256(files[1].content)))[0].integrity_status).toBe('corrupt');
    expect(
      (await audits('EVIDENCE_CORRUPTION_DETECTED', sha256(files[1].content)))[0],
    ).toMatchObject({
      actor_username: 'auditor',
      detail: expect.objectContaining({ via: 'pack', kind: 'size', actualSize: 1000 }),
    });
    expect((await marks(sha256(files[2].content)))[0].integrity_status).toBe('ok');
    // Written once the body has been sent: possibly after the client finished reading.
    const packAudit = await auditAfter(db, 'EVIDENCE_PACK_DOWNLOADED', packsBefore);
    expect(packAudit).toMatchObject({
      result: 'success',
      detail: expect.objectContaining({ unavailable: report.unavailable.length }),
    });
  });

  it('cuts a pack that meets a flipped byte while streaming, marks the file, and the next pack lists it', async () => {
    const content = pdfOfSize('flipped in pack', 2 * MB);
    await upload(tasks[2], '现场照片说明.pdf', content);
    const stored = objectPath(sha256(content));
    const changed = await readFile(stored);
    changed[MB] ^= 0x80;
    await writeFile(stored, changed);

    const cut = await pack('cut');
    expect(cut.completed).toBe(false);
    await expect(verifyPack(cut.file)).rejects.toThrow(/Cannot read evidence pack/);
    expect((await marks(sha256(content)))[0].integrity_status).toBe('corrupt');
    expect((await audits('EVIDENCE_CORRUPTION_DETECTED', sha256(content)))[0].detail).toMatchObject(
      { via: 'pack', kind: 'hash' },
    );

    const next = await pack('next');
    expect(next).toMatchObject({ status: 200, completed: true });
    const report = await verifyPack(next.file);
    expect(report.ok).toBe(true);
    expect(report.unavailable.find((u) => u.sha256 === sha256(content))).toMatchObject({
      problem: 'corrupt',
      detail: expect.stringContaining('损坏'),
    });
  });

  it('sweeps .part leftovers older than the threshold while the server runs, not fresh ones', async () => {
    const tmp = path.join(api.config.evidence.dir, 'tmp');
    const stale = path.join(tmp, 'crashed-upload.part');
    const fresh = path.join(tmp, 'upload-in-progress.part');
    await writeFile(stale, Buffer.alloc(1000));
    await writeFile(fresh, Buffer.alloc(1000));
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    // Created after start: only the periodic sweep (every second here) can remove it.
    let left = await readdir(tmp);
    for (let i = 0; i < 50 && left.includes('crashed-upload.part'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await readdir(tmp);
    }
    expect(left).not.toContain('crashed-upload.part');
    expect(left).toContain('upload-in-progress.part');
    await rm(fresh);
  });
});
