import { generateSigningKey, keyIdOf } from '@duty/api/evidence-pack';
import { readZip, tamperAndReseal } from '@duty/api/evidence-pack/testing';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { runEvidenceVerify } from '../../cli/evidence-verify';
import {
  auditAfter,
  auditCount,
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';

/** Runs `npm run evidence:verify -- …args` in process: its exit code and what it printed. */
async function evidenceVerify(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runEvidenceVerify(args, (text) => (out += text));
  return { code, out };
}

/**
 * Signed packs and result sets through the real server, real PostgreSQL and the real evidence
 * store: the key generated at start (0600, outside the database), the public keys at the
 * well-known URL without signing in, and `evidence:verify --public-key` on real downloads —
 * passing, and failing when a file was changed with the manifests rebuilt to match, when the
 * signature is missing, and when the key id is unknown.
 */
describe('signed evidence packs and result sets (real HTTP, real PostgreSQL)', () => {
  let api: TestApi;
  let db: DataSource;
  let auditor: SignedInClient;
  let province: SignedInClient;
  let cycleId: string;
  let work: string;
  let keysFile: string;
  let pack: string;
  let packsBefore: number;

  const get = (url: string, token?: string) =>
    fetch(`${api.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'duty-signing-int-'));
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    const tasks: Array<{ id: string }> = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 2`,
      [cycleId],
    );
    const operator = await api.signIn('jiangan-scjg');
    for (const [i, name] of ['实施方案.pdf', '会议纪要.pdf', '工作总结.pdf'].entries()) {
      const uploaded = await uploadEvidence(api, operator, tasks[i % 2].id, [
        { name, content: samplePdf(`signing-${i}`) },
      ]);
      expect(uploaded.status).toBe(201);
    }
    auditor = await api.signIn('auditor');
    packsBefore = await auditCount(db, 'EVIDENCE_PACK_DOWNLOADED');
    const download = await get(
      `/api/evidence/pack?cycleId=${cycleId}&unitCode=420102`,
      auditor.token,
    );
    expect(download.status).toBe(200);
    pack = path.join(work, 'pack.zip');
    await writeFile(pack, Buffer.from(await download.arrayBuffer()));
    // What a recipient does once: save the server's public keys.
    const keys = await get('/.well-known/duty-signing-keys.json');
    keysFile = path.join(work, 'duty-signing-keys.json');
    await writeFile(keysFile, Buffer.from(await keys.arrayBuffer()));
  });

  afterAll(async () => {
    await api?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('generates the key at start outside the database (0600) and serves its public key unauthenticated', async () => {
    const { keyFile } = api.config.signing;
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const kid = keyIdOf(createPrivateKey(await readFile(keyFile, 'utf8')));
    const res = await get('/.well-known/duty-signing-keys.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(/PRIVATE/);
    expect(JSON.parse(text)).toEqual({
      format: 'duty-signing-keys/1',
      keys: [
        {
          kid,
          alg: 'Ed25519',
          use: 'sig',
          status: 'current',
          publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n/),
          kty: 'OKP',
          crv: 'Ed25519',
          x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        },
      ],
    });
    // No database table holds it.
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name ILIKE '%private%key%'`,
    );
    expect(count).toBe(0);
  });

  it('signs the pack: evidence:verify --public-key passes, naming the key; the pack records what was selected and by whom', async () => {
    const kid = keyIdOf(createPrivateKey(await readFile(api.config.signing.keyFile, 'utf8')));
    const result = await evidenceVerify('--public-key', keysFile, pack);
    expect(result.out).toContain(`签名有效 / signature valid\tEd25519 signature by key ${kid}`);
    expect(result.out).toMatch(/: 3 file\(s\) checked, 0 problem\(s\), .* — OK\.\n$/);
    expect(result.code).toBe(0);

    const entries = (await readZip(pack)).entries;
    const info = JSON.parse(
      entries.find((e) => e.entry.fileName === 'manifest.json')!.data.toString('utf8'),
    );
    expect(info).toMatchObject({
      format: 'duty-evidence-pack/1',
      cycleId,
      unitCode: '420102',
      exportedBy: 'auditor',
      files: { listed: 3, included: 3, unavailable: 0 },
    });
    // Written once the body has been sent: possibly after the client finished reading.
    const audit = await auditAfter(db, 'EVIDENCE_PACK_DOWNLOADED', packsBefore);
    expect(audit.detail).toMatchObject({ signedBy: kid, files: 3 });
  });

  it('without --public-key the hashes are checked and the signature is said to be unchecked', async () => {
    const result = await evidenceVerify(pack);
    expect(result.code).toBe(0);
    expect(result.out).toContain('签名未校验 / signature not checked');
    expect(result.out).toMatch(/: \d+ file\(s\) checked, 0 problem\(s\), .* — OK\.$/m);
  });

  it('fails when a file was changed and the manifests rebuilt to match', async () => {
    const forged = path.join(work, 'forged.zip');
    const names = (await readZip(pack)).entries.map((e) => e.entry.fileName);
    const target = names.find((n) => n.endsWith('会议纪要.pdf'))!;
    await tamperAndReseal(pack, forged, new Map([[target, samplePdf('a forged 会议纪要')]]));
    // The hashes alone agree with the forged content…
    expect((await evidenceVerify(forged)).code).toBe(0);
    // …the signature does not.
    const result = await evidenceVerify('--public-key', keysFile, forged);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^签名无效\tmanifest\.sig\.json\tEd25519 signature by key [0-9a-f]{16} does not match manifest\.sha256/m,
    );
    expect(result.out).toMatch(/1 problem\(s\).* — FAILED\.\n$/);
  });

  it('fails when the signature is missing', async () => {
    const stripped = path.join(work, 'stripped.zip');
    await tamperAndReseal(pack, stripped, new Map(), { signature: 'drop' });
    const result = await evidenceVerify('--public-key', keysFile, stripped);
    expect(result.code).toBe(1);
    expect(result.out).toContain('签名无效\tmanifest.sig.json\tthe pack has no manifest.sig.json');
  });

  it('fails when the key id is unknown (a public key that is not the signer’s)', async () => {
    const otherPem = path.join(work, 'other.pem');
    const other = generateSigningKey('Ed25519').publicKey;
    await writeFile(otherPem, other.export({ type: 'spki', format: 'pem' }));
    const result = await evidenceVerify('--public-key', otherPem, pack);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      new RegExp(
        `签名无效\\tmanifest\\.sig\\.json\\tsigned with key [0-9a-f]{16}, which is not among the public keys given \\(${keyIdOf(other)}\\)`,
      ),
    );
  });

  it('refuses a key file that is not a key (exit 2, naming the file)', async () => {
    const bad = path.join(work, 'bad.json');
    await writeFile(bad, '{"keys": []}');
    const result = await evidenceVerify('--public-key', bad, pack);
    expect(result.code).toBe(2);
    expect(result.out).toContain(
      `cannot read --public-key ${bad}: key document has no "keys" array`,
    );
  });

  it('signs the frozen result set: it verifies, and fails when a score is edited', async () => {
    const none = await get(`/api/assessment/result-set.json?cycleId=${cycleId}`, auditor.token);
    expect(none.status).toBe(404);
    const close = await province.graphql(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`,
      {
        c: cycleId,
      },
    );
    expect(close.errors).toBeUndefined();

    const operator = await api.signIn('jiangan-scjg');
    const refused = await get(`/api/assessment/result-set.json?cycleId=${cycleId}`, operator.token);
    expect(refused.status).toBe(403);

    const res = await get(`/api/assessment/result-set.json?cycleId=${cycleId}`, auditor.token);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.document).toMatchObject({
      format: 'duty-assessment-result-set/1',
      cycle: { id: cycleId, year: 2026 },
      resultSet: { version: 1, closedBy: 'province' },
      scope: 'all',
      exportedBy: 'auditor',
    });
    // Every unit of the province (a provincial auditor's scope), as frozen.
    expect(body.document.units.length).toBeGreaterThan(100);
    expect(body.document.units).toHaveLength(body.document.resultSet.units);
    expect(body.signature).toMatchObject({ alg: 'Ed25519', signed: 'document' });
    const file = path.join(work, 'result-set.json');
    await writeFile(file, text);
    const ok = await evidenceVerify('--public-key', keysFile, file);
    expect(ok.out).toContain('result set — OK.');
    expect(ok.code).toBe(0);

    const unit = body.document.units.find((u: { unitCode: string }) => u.unitCode === '420102');
    unit.score = '100.00';
    const edited = path.join(work, 'edited-result-set.json');
    await writeFile(edited, JSON.stringify(body, null, 2));
    const failed = await evidenceVerify('--public-key', keysFile, edited);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(
      /签名无效\t.*edited-result-set\.json\tEd25519 signature by key [0-9a-f]{16} does not match document/,
    );

    // Without a key a result set cannot be checked at all.
    expect((await evidenceVerify(file)).code).toBe(2);
  });
});
