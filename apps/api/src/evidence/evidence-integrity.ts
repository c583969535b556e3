import { EvidenceStore } from '@duty/api/evidence-store';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { clearCorruptMark, markContentCorrupt } from './evidence-corruption';
import { EvidenceIntegrityRun, IntegrityProblem } from './evidence-integrity-run.entity';

const KEPT_PROBLEMS = 200;

/**
 * 完整性检查: re-hashes every stored file the database references and compares hash and size;
 * lists stored files no row references. Streams each file (memory stays flat) and records the
 * run, whose latest result `/ready` shows. Used by `npm run evidence:fsck` and the scheduled job.
 *
 * Content found corrupt is marked so on its evidence rows (downloads refuse it, packs list it in
 * problems.csv), and content marked corrupt that is intact again (restored from a backup) is
 * unmarked; both are written to the security audit log. A missing file is reported but not
 * marked: a store that is briefly unavailable (an unmounted volume) must not condemn every file.
 */
export async function checkEvidenceIntegrity(
  dataSource: DataSource,
  store: EvidenceStore,
  source: 'cli' | 'schedule',
  audit: Pick<SecurityAuditService, 'record'> = new SecurityAuditService(dataSource, pino()),
): Promise<{
  run: EvidenceIntegrityRun;
  problems: IntegrityProblem[];
  /** Content newly marked corrupt, and content whose mark was cleared, by this run. */
  marked: string[];
  cleared: string[];
}> {
  const startedAt = new Date();
  const referenced: Array<{ sha256: string; size: string; sizes: number; flagged: boolean }> =
    await dataSource.query(
      // Comment attachments share the store (content-addressed) without being evidence rows.
      `SELECT sha256, min(size)::text AS size, count(DISTINCT size)::int AS sizes,
              bool_or(flagged) AS flagged
         FROM (SELECT sha256, size, integrity_status = 'corrupt' AS flagged FROM evidence
               UNION ALL
               SELECT sha256, size, false FROM task_comment_attachment) x
        GROUP BY sha256 ORDER BY sha256`,
    );
  const problems: IntegrityProblem[] = [];
  const marked: string[] = [];
  const cleared: string[] = [];
  const context = { via: 'fsck' as const };
  const mark = async (finding: Parameters<typeof markContentCorrupt>[2]) => {
    const ids = await markContentCorrupt(dataSource, audit, finding, context);
    if (ids.length) marked.push(finding.sha256);
  };
  const known = new Set<string>();
  for (const { sha256, size, sizes, flagged } of referenced) {
    known.add(sha256);
    const storedSize = await store.size(sha256);
    if (storedSize === null) {
      problems.push({ sha256, kind: 'missing', detail: '存储中缺少该文件' });
      continue;
    }
    const read = await hashOf(store, sha256).then(
      (hash) => ({ hash, error: null }),
      (error: Error) => ({ hash: null, error }),
    );
    const actual = read.hash ?? `error: ${read.error?.message}`;
    const finding = {
      sha256,
      kind: String(storedSize) === size ? ('hash' as const) : ('size' as const),
      expectedSize: Number(size),
      actualSize: storedSize,
      actualSha256: read.hash,
    };
    if (actual !== sha256) {
      problems.push({ sha256, kind: 'corrupt', detail: `内容哈希不符（实际 ${actual}）` });
      // A read error may be passing (I/O, permissions): reported, not marked.
      if (read.hash !== null) await mark(finding);
    } else if (sizes > 1 || String(storedSize) !== size) {
      problems.push({
        sha256,
        kind: 'corrupt',
        detail: `大小不符（记录 ${size}，实际 ${storedSize}）`,
      });
      await mark({ ...finding, kind: 'size' });
    } else if (flagged && (await clearCorruptMark(dataSource, audit, sha256, context)).length) {
      cleared.push(sha256);
    }
  }
  for await (const sha256 of store.list()) {
    if (!known.has(sha256)) {
      problems.push({ sha256, kind: 'unreferenced', detail: '存储中有文件但数据库无记录' });
    }
  }
  const count = (kind: IntegrityProblem['kind']) => problems.filter((p) => p.kind === kind).length;
  const run = dataSource.getRepository(EvidenceIntegrityRun).create({
    startedAt,
    finishedAt: new Date(),
    source,
    checked: referenced.length,
    missing: count('missing'),
    corrupt: count('corrupt'),
    unreferenced: count('unreferenced'),
    ok: problems.length === 0,
    problems: problems.slice(0, KEPT_PROBLEMS),
  });
  await dataSource.getRepository(EvidenceIntegrityRun).insert(run);
  return { run, problems, marked, cleared };
}

/** The latest integrity run, for `/ready`. */
export async function latestIntegrityRun(
  dataSource: DataSource,
): Promise<EvidenceIntegrityRun | null> {
  return dataSource
    .getRepository(EvidenceIntegrityRun)
    .findOne({ where: {}, order: { finishedAt: 'DESC', id: 'DESC' } });
}

async function hashOf(store: EvidenceStore, sha256: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    await store.open(sha256),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback();
      },
    }),
  );
  return hash.digest('hex');
}
