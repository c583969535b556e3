import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentIntegrityError } from '@duty/api/evidence-store';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';

/** What was found wrong with stored content. */
export interface CorruptionFinding {
  sha256: string;
  /** `size`: more or fewer bytes than recorded; `hash`: the recorded size, other bytes. */
  kind: 'size' | 'hash';
  expectedSize: number;
  actualSize: number;
  actualSha256: string | null;
}

/** Who or what found it, for the audit log. */
export interface DetectionContext {
  via: 'download' | 'pack' | 'fsck';
  actor?: { id: string; username: string } | null;
  ip?: string | null;
}

/** Who found it, when the caller says how. */
export type Detector = Omit<DetectionContext, 'via'>;

export function findingOf(error: ContentIntegrityError): CorruptionFinding {
  return {
    sha256: error.sha256,
    kind: error.kind,
    expectedSize: error.expectedSize,
    actualSize: error.actualSize,
    actualSha256: error.actualSha256,
  };
}

type Audit = Pick<SecurityAuditService, 'record'>;

/**
 * Marks every evidence row with this content corrupt (downloads of it are refused from now on,
 * packs list it in problems.csv) and, the first time, writes a security audit entry. Returns
 * the ids newly marked (none when it was marked already).
 */
export async function markContentCorrupt(
  dataSource: DataSource,
  audit: Audit,
  finding: CorruptionFinding,
  context: DetectionContext,
  at: Date = new Date(),
): Promise<string[]> {
  const ids = await updatedIds(
    dataSource,
    `UPDATE evidence SET integrity_status = 'corrupt', corrupt_at = $2
      WHERE sha256 = $1 AND integrity_status = 'ok' RETURNING id`,
    [finding.sha256, at],
  );
  if (ids.length > 0) {
    await audit.record({
      action: AuditAction.EvidenceCorruptionDetected,
      result: 'failure',
      actor: context.actor ?? null,
      target: `evidence sha256:${finding.sha256}`,
      ip: context.ip ?? null,
      detail: { via: context.via, ...finding, evidenceIds: ids },
    });
  }
  return ids;
}

/**
 * Clears the mark of content the integrity check found intact again (restored from a backup),
 * with a security audit entry. Returns the ids cleared.
 */
export async function clearCorruptMark(
  dataSource: DataSource,
  audit: Audit,
  sha256: string,
  context: DetectionContext,
): Promise<string[]> {
  const ids = await updatedIds(
    dataSource,
    `UPDATE evidence SET integrity_status = 'ok', corrupt_at = NULL
      WHERE sha256 = $1 AND integrity_status = 'corrupt' RETURNING id`,
    [sha256],
  );
  if (ids.length > 0) {
    await audit.record({
      action: AuditAction.EvidenceIntegrityRestored,
      result: 'success',
      actor: context.actor ?? null,
      target: `evidence sha256:${sha256}`,
      ip: context.ip ?? null,
      detail: { via: context.via, sha256, evidenceIds: ids },
    });
  }
  return ids;
}

/** Ids returned by an UPDATE … RETURNING id (TypeORM answers `[rows, affected]` for UPDATE). */
async function updatedIds(
  dataSource: DataSource,
  sql: string,
  params: unknown[],
): Promise<string[]> {
  const [rows] = (await dataSource.query(sql, params)) as [Array<{ id: string }>, number];
  return rows.map((r) => r.id).sort();
}

/** The same, for the request handlers (with the server's clock). */
@Injectable()
export class EvidenceCorruptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: SecurityAuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  markCorrupt(finding: CorruptionFinding, context: DetectionContext): Promise<string[]> {
    return markContentCorrupt(this.dataSource, this.audit, finding, context, this.clock.now());
  }
}
