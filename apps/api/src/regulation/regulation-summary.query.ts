import type { JurisdictionTier, TextKind } from '@duty/regulation/duties';
import { DataSource } from 'typeorm';
import { jurisdictionOf } from '../access/jurisdiction';
import type { Principal } from '../auth/principal';
import { cycleJurisdictionSql } from '../cycle/cycle-scope';
import type { RegulationVersionStatus } from './entities/regulation-version.entity';

/** A regulation's line in the library (法规库): its latest version and what hangs from it. */
export interface RegulationSummary {
  regulationId: string;
  versionCount: number;
  latestVersionId: string | null;
  latestStatus: RegulationVersionStatus | null;
  textKind: TextKind | null;
  tier: JurisdictionTier | null;
  /** Duties of the latest version. */
  dutyCount: number;
  trackedDutyCount: number;
  /** Duties of the latest version whose inferred actor awaits a reviewer. */
  needsReviewCount: number;
  /** Open assessment cycles over any version of the regulation, in the caller's provinces. */
  openCycleCount: number;
  /** Suggested duty mappings awaiting a supervisor's decision (any version; in practice the latest). */
  pendingMappings: number;
}

/**
 * Summaries of the given regulations in one statement (the library lists every regulation:
 * one query for the page, whatever its length). Regulations without a version get zeros.
 * Open cycles are counted in the principal's provinces (every province without a principal).
 */
export async function regulationSummaries(
  dataSource: DataSource,
  regulationIds: readonly string[],
  principal?: Principal | null,
): Promise<RegulationSummary[]> {
  const params: unknown[] = [regulationIds];
  const cycleScope = principal
    ? cycleJurisdictionSql(jurisdictionOf(principal), 'c', (_name, value) => {
        params.push(value);
        return `$${params.length}`;
      })
    : 'TRUE';
  const rows: RegulationSummary[] = await dataSource.query(
    `WITH latest AS (
       SELECT DISTINCT ON (v.regulation_id) v.regulation_id, v.id, v.status, v.text_kind, v.jurisdiction_tier
         FROM regulation_version v
        WHERE v.regulation_id = ANY ($1::uuid[])
        ORDER BY v.regulation_id, v.version_number DESC
     )
     SELECT r.id AS "regulationId",
            (SELECT count(*) FROM regulation_version v WHERE v.regulation_id = r.id)::int AS "versionCount",
            l.id AS "latestVersionId",
            l.status AS "latestStatus",
            l.text_kind AS "textKind",
            l.jurisdiction_tier AS "tier",
            coalesce(d.duties, 0)::int AS "dutyCount",
            coalesce(d.tracked, 0)::int AS "trackedDutyCount",
            coalesce(d.needs_review, 0)::int AS "needsReviewCount",
            (SELECT count(*) FROM assessment_cycle c
               JOIN regulation_version v ON v.id = c.regulation_version_id
              WHERE v.regulation_id = r.id AND c.state = 'open' AND ${cycleScope})::int AS "openCycleCount",
            (SELECT count(*) FROM duty_mapping_suggestion s
               JOIN regulation_version v ON v.id = s.version_id
              WHERE v.regulation_id = r.id AND s.status = 'pending')::int AS "pendingMappings"
       FROM regulation r
       LEFT JOIN latest l ON l.regulation_id = r.id
       LEFT JOIN LATERAL (
         SELECT count(*) AS duties,
                count(*) FILTER (WHERE du.tracked) AS tracked,
                count(*) FILTER (WHERE du.needs_review) AS needs_review
           FROM duty du WHERE du.version_id = l.id
       ) d ON true
      WHERE r.id = ANY ($1::uuid[])`,
    params,
  );
  return rows;
}
