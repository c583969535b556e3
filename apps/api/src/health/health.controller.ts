import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { EvidenceStore, S3EvidenceStore } from '@duty/api/evidence-store';
import { DATABASE_AVAILABILITY, DatabaseAvailability } from '../database/database-availability';
import { migrationStatus } from '../database/migrate';
import { EVIDENCE_STORE } from '../evidence/evidence.constants';
import { latestIntegrityRun } from '../evidence/evidence-integrity';
import { latestChainRun } from '../integrity';
import { ReadRouting } from '../read-replica/read-routing';

/**
 * Probes for load balancers and orchestrators: /health says the process is alive and able to
 * recover (liveness: it fails once the database has been unavailable for longer than
 * DATABASE_OUTAGE_LIMIT_SECONDS, so that an orchestrator restarts the process); /ready says it
 * can serve: the database answers and every migration is applied (readiness); its details
 * carry the last evidence integrity check, the last audit chain check, whether the evidence
 * store answers now (the local directory or the S3 bucket) and, with a read replica, the
 * replica's state.
 */
@Controller()
export class HealthController {
  private readonly startedAt = new Date();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional()
    @Inject(DATABASE_AVAILABILITY)
    private readonly availability?: DatabaseAvailability,
    @Optional() private readonly reads?: ReadRouting,
    @Optional() @Inject(EVIDENCE_STORE) private readonly evidenceStore?: EvidenceStore,
  ) {}

  @Get('health')
  health(@Res({ passthrough: true }) res: Response) {
    const uptimeSeconds = Math.round((Date.now() - this.startedAt.getTime()) / 1000);
    const outageSeconds = Math.round((this.availability?.unavailableForMs ?? 0) / 1000);
    if (this.availability?.beyondLimit) {
      res.status(503);
      return { status: 'failing', uptimeSeconds, databaseUnavailableSeconds: outageSeconds };
    }
    res.status(200);
    return {
      status: 'ok',
      uptimeSeconds,
      ...(outageSeconds > 0 ? { databaseUnavailableSeconds: outageSeconds } : {}),
    };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks: Record<string, { status: 'ok' | 'error'; detail?: string; pending?: string[] }> =
      {};
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 3000);
      checks.database = { status: 'ok' };
      const { pending } = await migrationStatus(this.dataSource);
      checks.migrations =
        pending.length === 0
          ? { status: 'ok' }
          : { status: 'error', detail: 'pending migrations', pending };
    } catch (error) {
      checks.database = { status: 'error', detail: (error as Error).message };
      res.setHeader('Retry-After', '5');
    }
    const ready = Object.values(checks).every((c) => c.status === 'ok') && 'migrations' in checks;
    res.status(ready ? 200 : 503);
    // Details, not a readiness condition: corrupt evidence needs people, not a restart.
    const run = ready ? await latestIntegrityRun(this.dataSource).catch(() => null) : null;
    const evidenceIntegrity = run
      ? {
          status: run.ok ? 'ok' : 'problems',
          finishedAt: run.finishedAt,
          source: run.source,
          checked: run.checked,
          missing: run.missing,
          corrupt: run.corrupt,
          unreferenced: run.unreferenced,
        }
      : { status: 'not_run' };
    const chains = ready ? await latestChainRun(this.dataSource).catch(() => null) : null;
    const auditChains = chains
      ? {
          status: chains.ok ? 'ok' : 'broken',
          finishedAt: chains.finishedAt,
          source: chains.source,
          rowsChecked: chains.rowsChecked,
          breaks: chains.breaks,
        }
      : { status: 'not_run' };
    // The read replica (DATABASE_REPLICA_URL; absent without one), checked now: a detail, never
    // a readiness condition, since reads fall back to the primary while it is down or behind.
    const replica = this.reads?.configured ? { replica: await this.reads.probe() } : {};
    const evidenceStore = this.evidenceStore ? { evidenceStore: await this.probeStore() } : {};
    return {
      status: ready ? 'ready' : 'not_ready',
      checks,
      details: { evidenceIntegrity, auditChains, ...evidenceStore, ...replica },
    };
  }

  /**
   * Whether the evidence store answers now: one metadata lookup of an object that is never
   * stored (a HEAD request on a bucket, a stat on the local directory) within 3 s. A detail, not
   * a readiness condition: without the store uploads and downloads fail, everything else works.
   */
  private async probeStore(): Promise<{
    kind: 'local' | 's3';
    status: 'ok' | 'error';
    detail?: string;
  }> {
    const store = this.evidenceStore!;
    const kind = store instanceof S3EvidenceStore ? 's3' : 'local';
    try {
      await withTimeout(store.exists(STORE_PROBE), 3000);
      return { kind, status: 'ok' };
    } catch (error) {
      // The error's code, not its message: the probe is public and messages name hosts.
      const code = (error as { code?: unknown }).code;
      const timedOut = /^timed out/.test((error as Error).message ?? '');
      return {
        kind,
        status: 'error',
        detail: timedOut ? 'timeout' : typeof code === 'string' ? code : 'unavailable',
      };
    }
  }
}

/** A content address no upload has: SHA-256 values of real files are not all zeros. */
const STORE_PROBE = '0'.repeat(64);

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
