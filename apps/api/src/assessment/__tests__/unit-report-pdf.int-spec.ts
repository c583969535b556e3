import { findFontFiles } from '@duty/api/report-pdf';
import { inspectPdf } from '@duty/api/report-pdf/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { runEvidenceVerify } from '../../cli/evidence-verify';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { SIGNATURE_HEADER } from '../unit-report-pdf.controller';

const describeWithFont = findFontFiles().cjk ? describe : describe.skip;
if (!findFontFiles().cjk) {
  // eslint-disable-next-line no-console
  console.warn(
    'unit-report-pdf: no CJK TrueType font (REPORT_FONT_FILE or fonts-droid-fallback): PDF report tests skipped',
  );
}

/**
 * The unit report as a server-made PDF through real HTTP and PostgreSQL: a prefecture
 * supervisor downloads a county's report, the PDF is well-formed and its text (through the
 * fonts' ToUnicode maps) holds the unit and its score; the detached signature in the response
 * checks with `evidence:verify` and fails for a changed PDF; jurisdiction and roles as the
 * printable report; the download is audited.
 */
describeWithFont('unit report PDF (real HTTP, real PostgreSQL)', () => {
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshi: SignedInClient;
  let cycleId: string;
  let work: string;

  const get = (url: string, client?: SignedInClient) =>
    fetch(`${api.url}${url}`, {
      headers: client ? { authorization: `Bearer ${client.token}` } : {},
    });
  const reportUrl = (unitCode: string) =>
    `/api/assessment/unit-report.pdf?cycleId=${cycleId}&unitCode=${unitCode}`;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'duty-report-pdf-int-'));
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshi = await api.signIn('enshi-zhou');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    await db.query(
      `UPDATE task SET status = 'VERIFIED' WHERE cycle_id = $1 AND unit_code = '422801'`,
      [cycleId],
    );
    const deduction = await enshi.graphql(
      `mutation($i: AddAdjustmentInput!) { addAssessmentAdjustment(input: $i) { id } }`,
      {
        i: {
          cycleId,
          unitCode: '422801',
          kind: 'deduction',
          points: 2,
          reason: '质量强市工作台账不完整，督导检查发现三项佐证材料缺失',
        },
      },
    );
    expect(deduction.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('a prefecture supervisor downloads a county’s report: a valid PDF with the unit, its score and the deduction', async () => {
    const scores = await enshi.graphql<{
      assessmentScores: Array<{ unitCode: string; score: number; grade: string }>;
    }>(
      `query($c: ID!) { assessmentScores(cycleId: $c, level: "county") { unitCode score grade } }`,
      { c: cycleId },
    );
    const mine = scores.data!.assessmentScores.find((s) => s.unitCode === '422801')!;
    expect(mine.score).toBeGreaterThan(0);

    const started = Date.now();
    const res = await get(reportUrl('422801'), enshi);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('恩施市-2026年度质量工作考核报告.pdf')}`,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    const inspected = inspectPdf(pdf);
    expect(inspected.problems).toEqual([]);
    const text = inspected.pages.join('\n');
    expect(text).toContain('恩施市2026年度质量工作考核报告');
    expect(text).toContain('恩施市（422801）');
    expect(text).toContain(mine.score.toFixed(2));
    expect(text).toContain(mine.grade);
    expect(text).toContain('质量强市工作台账不完整');
    expect(text).toContain(`第 1 页 共 ${inspected.pages.length} 页`);
    // eslint-disable-next-line no-console
    console.log(
      `unit report PDF: ${pdf.length} bytes, ${inspected.pages.length} page(s), ${elapsed} ms`,
    );

    // The detached signature: valid for this PDF, not for a changed one.
    const signed = res.headers.get(SIGNATURE_HEADER)!;
    expect(signed).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(signed).document).toMatchObject({
      format: 'duty-unit-report-pdf/1',
      cycleId,
      unitCode: '422801',
      bytes: pdf.length,
      generatedBy: 'enshi-zhou',
    });
    const keys = await get('/.well-known/duty-signing-keys.json');
    const keysFile = path.join(work, 'keys.json');
    await writeFile(keysFile, Buffer.from(await keys.arrayBuffer()));
    const pdfFile = path.join(work, 'report.pdf');
    const sigFile = path.join(work, 'report.sig.json');
    await writeFile(pdfFile, pdf);
    await writeFile(sigFile, signed);
    const verify = async (...args: string[]) => {
      let out = '';
      const code = await runEvidenceVerify(args, (t) => (out += t));
      return { code, out };
    };
    const ok = await verify('--public-key', keysFile, pdfFile, sigFile);
    expect(ok.out).toContain('签名有效');
    expect(ok.code).toBe(0);
    const changed = Buffer.from(pdf);
    changed[changed.length - 20] ^= 1;
    await writeFile(pdfFile, changed);
    const bad = await verify('--public-key', keysFile, pdfFile, sigFile);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/签名无效.*the file was changed/);
    expect((await verify(pdfFile, sigFile)).code).toBe(2);

    const [audit] = await db.query(
      `SELECT actor_username, target, detail FROM security_audit_log
        WHERE action = 'REPORT_DOWNLOADED' AND detail->>'report' = 'unit-pdf'`,
    );
    expect(audit).toMatchObject({
      actor_username: 'enshi-zhou',
      target: `cycle:${cycleId} unit:422801`,
      detail: { unitCode: '422801', pages: inspected.pages.length, missingCharacters: 0 },
    });
  });

  it('answers a unit outside the jurisdiction as not found, and refuses roles that see no tasks', async () => {
    const outside = await get(reportUrl('420102'), enshi);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { code: string }).code).toBe('NOT_FOUND');
    const operator = await api.signIn('jiangan-scjg');
    const foreign = await get(reportUrl('422801'), operator);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await get(reportUrl('420102'), operator)).status).toBe(200);
    // Every role: task readers get their unit's report, administrators are refused.
    const expected: Record<string, number> = {
      sysadmin: 403,
      secadmin: 403,
      auditadmin: 403,
      province: 200,
      auditor: 200,
    };
    for (const [username, status] of Object.entries(expected)) {
      const client = await api.signIn(username);
      expect([username, (await get(reportUrl('420102'), client)).status]).toEqual([
        username,
        status,
      ]);
    }
    expect((await get(reportUrl('420102'))).status).toBe(401);
    const invalid = await get(`/api/assessment/unit-report.pdf?cycleId=${cycleId}`, enshi);
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });
});
