/**
 * The hash-chained tables and the canonical form of their rows: the verifier's own copy of what
 * migration AddIntegrityHashChains hashes (kept apart on purpose, so that a replaced database
 * function cannot make the verifier agree with it; a test checks both agree on every table).
 *
 * content_hash = sha256(prev_hash || canonical), hex; canonical = the JSON array (PostgreSQL
 * jsonb text form) of the fields below, timestamps in UTC with microseconds, dates ISO.
 */
export type FieldKind = 'text' | 'ts' | 'date' | 'json';

export interface ChainDefinition {
  /** Table name, also the chain's name in integrity_chain_head. */
  table: string;
  /** SQL giving a row's key as text (how a broken link is named). */
  key: string;
  fields: ReadonlyArray<readonly [column: string, kind: FieldKind]>;
}

export const GENESIS_HASH = '0'.repeat(64);

export const CHAINS: readonly ChainDefinition[] = [
  {
    table: 'task_event',
    key: 'id::text',
    fields: [
      ['id', 'text'],
      ['task_id', 'text'],
      ['unit_code', 'text'],
      ['cycle_id', 'text'],
      ['occurred_at', 'ts'],
      ['actor_username', 'text'],
      ['kind', 'text'],
      ['before', 'json'],
      ['after', 'json'],
      ['reason', 'text'],
      ['ip', 'text'],
    ],
  },
  {
    table: 'security_audit_log',
    key: 'id::text',
    fields: [
      ['id', 'text'],
      ['occurred_at', 'ts'],
      ['actor_user_id', 'text'],
      ['actor_username', 'text'],
      ['action', 'text'],
      ['target', 'text'],
      ['result', 'text'],
      ['ip', 'text'],
      ['detail', 'json'],
    ],
  },
  {
    table: 'evidence',
    key: 'id::text',
    fields: [
      ['id', 'text'],
      ['task_id', 'text'],
      ['unit_code', 'text'],
      ['cycle_id', 'text'],
      ['lineage_id', 'text'],
      ['version', 'text'],
      ['supersedes_id', 'text'],
      ['sha256', 'text'],
      ['size', 'text'],
      ['file_type', 'text'],
      ['mime_type', 'text'],
      ['original_name', 'text'],
      ['description', 'text'],
      ['document_number', 'text'],
      ['issuing_authority', 'text'],
      ['document_date', 'date'],
      ['uploaded_by', 'text'],
      ['uploaded_at', 'ts'],
    ],
  },
  {
    table: 'assessment_result_set',
    key: 'id::text',
    fields: [
      ['id', 'text'],
      ['cycle_id', 'text'],
      ['version', 'text'],
      ['plan_version', 'text'],
      ['closed_by', 'text'],
      ['closed_at', 'ts'],
      ['as_of', 'date'],
      ['rows_sha256', 'text'],
    ],
  },
  {
    table: 'assessment_result',
    key: `result_set_id::text || '/' || unit_code`,
    fields: [
      ['result_set_id', 'text'],
      ['unit_code', 'text'],
      ['rank_level', 'text'],
      ['score', 'text'],
      ['grade', 'text'],
      ['rank', 'text'],
      ['detail', 'json'],
    ],
  },
  {
    // Staged assessment score changes (migration AddAssessmentStages).
    table: 'assessment_score_change',
    key: 'id::text',
    fields: [
      ['id', 'text'],
      ['cycle_id', 'text'],
      ['unit_code', 'text'],
      ['indicator_id', 'text'],
      ['stage', 'text'],
      ['action', 'text'],
      ['before_score', 'text'],
      ['after_score', 'text'],
      ['reason', 'text'],
      ['detail', 'json'],
      ['actor', 'text'],
      ['actor_role', 'text'],
      ['occurred_at', 'ts'],
    ],
  },
];

function render(column: string, kind: FieldKind): string {
  const ref = `"${column}"`;
  switch (kind) {
    case 'ts':
      return `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'date':
      return `to_char(${ref}, 'YYYY-MM-DD')`;
    case 'json':
      return ref;
    default:
      return `${ref}::text`;
  }
}

/** SQL rendering a row of `chain` in canonical form (the text that is hashed). */
export function canonicalSql(chain: ChainDefinition): string {
  return `jsonb_build_array(${chain.fields.map(([c, k]) => render(c, k)).join(', ')})::text`;
}
