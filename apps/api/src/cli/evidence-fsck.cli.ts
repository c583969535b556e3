import 'reflect-metadata';
import { checkEvidenceIntegrity } from '../evidence/evidence-integrity';
import { createEvidenceStore, describeEvidenceStore } from '../evidence/evidence-store.factory';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { print, runCli, withConfiguredDatabase } from './cli-support';

const KIND_ZH = { missing: '缺失', corrupt: '损坏', unreferenced: '无记录' } as const;

/**
 * npm run evidence:fsck — re-hashes every stored evidence file against the database and
 * reports missing, corrupt and unreferenced files; exits 1 when there is any. Marks corrupt
 * content on its evidence rows, and unmarks content restored intact (both audited).
 */
runCli((config, logger) =>
  withConfiguredDatabase(config, logger, async (dataSource) => {
    const store = await createEvidenceStore(config);
    const audit = new SecurityAuditService(dataSource, logger);
    const { run, problems, marked, cleared } = await checkEvidenceIntegrity(
      dataSource,
      store,
      'cli',
      audit,
    );
    for (const p of problems) print(`${KIND_ZH[p.kind]}\t${p.sha256}\t${p.detail}`);
    for (const sha256 of marked) print(`标记为损坏（拒绝下载）\t${sha256}`);
    for (const sha256 of cleared) print(`已恢复完好，解除损坏标记\t${sha256}`);
    print(
      `Evidence integrity (${describeEvidenceStore(config)}): ${run.checked} file(s) checked, ${run.missing} missing, ${run.corrupt} corrupt, ${run.unreferenced} unreferenced — ${run.ok ? 'OK' : 'PROBLEMS FOUND'}.`,
    );
    return run.ok ? 0 : 1;
  }),
);
