import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tamper-evident records (issue 15, finding 5): task history, the security audit log, evidence
 * rows and frozen assessment result sets and results are hash-chained, one chain per table.
 *
 * Each row carries `chain_seq` (its place in the chain), `prev_hash` (its predecessor's hash,
 * 64 zeros for the first row) and `content_hash` = sha256(prev_hash || canonical content), the
 * canonical content being a JSON array of the row's immutable fields rendered independently of
 * session settings (timestamps in UTC with microseconds, dates ISO). Columns that may change by
 * design (an evidence row's supersession, withdrawal and integrity mark; a result set's reopening)
 * are not part of it.
 *
 * Links are assigned at COMMIT by a deferred constraint trigger, under a row lock on the chain's
 * head in `integrity_chain_head`: the lock is held only while the transaction commits, so a
 * transaction that inserts history and then waits for a task row never holds the head (no
 * deadlock with bulk changes), and chain order is commit order. The trigger functions are
 * SECURITY DEFINER (the owner): the application role needs no right on the head table, and the
 * append-only triggers let exactly this one-time setting of the three chain columns through.
 *
 * The security audit log's retention purge becomes `security_audit_log_purge(days)` (SECURITY
 * DEFINER, the application role gets EXECUTE, not DELETE): it removes a prefix of the chain and
 * records where the chain now starts (anchor), so a deletion anywhere else is still detected.
 *
 * Kept in step by hand with apps/api/src/integrity/chains.ts (the verifier's copy of the
 * canonical forms; a test checks both agree on every chained table).
 */

type Kind = 'text' | 'ts' | 'date' | 'json';
interface Chain {
  table: string;
  /** SQL over `r` giving the row's key as text (what a broken link is reported by). */
  key: string;
  /** SQL WHERE clause over `r` selecting the row. */
  match: string;
  /** Backfill order: the order the existing rows were written in. */
  order: string;
  fields: Array<[string, Kind]>;
}

const CHAINS: Chain[] = [
  {
    table: 'task_event',
    key: 'r.id::text',
    match: 'id = r.id',
    order: 'id',
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
    key: 'r.id::text',
    match: 'id = r.id',
    order: 'id',
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
    key: 'r.id::text',
    match: 'id = r.id',
    order: 'uploaded_at, id',
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
    key: 'r.id::text',
    match: 'id = r.id',
    order: 'closed_at, id',
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
    key: `r.result_set_id::text || '/' || r.unit_code`,
    match: 'result_set_id = r.result_set_id AND unit_code = r.unit_code',
    order:
      '(SELECT s.closed_at FROM assessment_result_set s WHERE s.id = result_set_id), result_set_id, unit_code',
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
];

function render(column: string, kind: Kind): string {
  const ref = `r.${column === 'before' || column === 'after' || column === 'rank' ? `"${column}"` : column}`;
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

const GENESIS = '0'.repeat(64);

/** The append-only trigger functions as they were, each with the chain-link exception added. */
const linkException = `
  IF TG_OP = 'UPDATE' AND integrity_chain_linking(to_jsonb(OLD), to_jsonb(NEW)) THEN
    RETURN NEW;
  END IF;`;

function appendOnlyFunctions(withLink: boolean): string[] {
  const link = withLink ? linkException : '';
  const evidenceMinus = [
    'superseded_by_id',
    'withdrawn_at',
    'withdrawn_by',
    'withdraw_reason',
    'integrity_status',
    'corrupt_at',
  ]
    .map((column) => ` - '${column}'`)
    .join('');
  return [
    `CREATE OR REPLACE FUNCTION task_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${link}
  RAISE EXCEPTION 'task_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`,
    `CREATE OR REPLACE FUNCTION security_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  retention_days integer;
BEGIN${link}
  IF TG_OP = 'DELETE' THEN
    retention_days := NULLIF(current_setting('duty.audit_retention_days', true), '')::integer;
    IF retention_days IS NOT NULL AND retention_days >= 184
       AND OLD.occurred_at < now() - make_interval(days => retention_days) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'security_audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$`,
    `CREATE OR REPLACE FUNCTION evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${link}
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'evidence is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW)${evidenceMinus})
     IS DISTINCT FROM (to_jsonb(OLD)${evidenceMinus}) THEN
    RAISE EXCEPTION 'evidence is immutable: only supersession and withdrawal may be recorded' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.superseded_by_id IS NOT NULL AND NEW.superseded_by_id IS DISTINCT FROM OLD.superseded_by_id THEN
    RAISE EXCEPTION 'evidence is immutable: supersession is recorded once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at, NEW.withdrawn_by, NEW.withdraw_reason)
     IS DISTINCT FROM (OLD.withdrawn_at, OLD.withdrawn_by, OLD.withdraw_reason) THEN
    RAISE EXCEPTION 'evidence is immutable: withdrawal is recorded once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$`,
    `CREATE OR REPLACE FUNCTION assessment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${link}
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`,
    `CREATE OR REPLACE FUNCTION assessment_result_set_reopen_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN${link}
  IF TG_OP <> 'UPDATE' OR OLD.reopened_at IS NOT NULL
     OR (to_jsonb(NEW) - 'reopened_at' - 'reopened_by' - 'reopen_reason')
        IS DISTINCT FROM (to_jsonb(OLD) - 'reopened_at' - 'reopened_by' - 'reopen_reason') THEN
    RAISE EXCEPTION 'assessment_result_set is frozen: only a reopening may be recorded, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$`,
  ];
}

export class AddIntegrityHashChains1796556803831 implements MigrationInterface {
  name = 'AddIntegrityHashChains1796556803831';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "integrity_chain_head" ("chain" character varying(40) NOT NULL, "last_seq" bigint NOT NULL DEFAULT 0, "last_key" text, "last_hash" character(64) NOT NULL DEFAULT '${GENESIS}', "anchor_seq" bigint NOT NULL DEFAULT 0, "anchor_hash" character(64) NOT NULL DEFAULT '${GENESIS}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_integrity_chain_head" PRIMARY KEY ("chain"))`,
    );
    // True for exactly the update that links a row: the three chain columns go from unset to
    // set and nothing else changes.
    await queryRunner.query(`CREATE FUNCTION integrity_chain_linking(o jsonb, n jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT o ? 'content_hash' AND o->>'content_hash' IS NULL AND n->>'content_hash' IS NOT NULL
     AND (o - 'chain_seq' - 'prev_hash' - 'content_hash') = (n - 'chain_seq' - 'prev_hash' - 'content_hash')
$$`);
    // Links `canonical` after the chain's last row. The first link of a transaction takes the
    // head's row lock (held until commit); the running position then stays in transaction-local
    // settings, and the head row is written once, by the last link the transaction has pending
    // (counted by the BEFORE INSERT trigger): rewriting one row thousands of times in a single
    // transaction would make every later read of it walk all its versions.
    await queryRunner.query(`CREATE FUNCTION integrity_chain_advance(chain_name text, row_key text, canonical text,
  OUT seq bigint, OUT prev character(64), OUT hash character(64))
LANGUAGE plpgsql AS $$
DECLARE
  state text := current_setting('duty.chain_' || chain_name || '_state', true);
  pending integer := COALESCE(NULLIF(current_setting('duty.chain_' || chain_name || '_pending', true), '')::integer, 0) - 1;
BEGIN
  IF state IS NULL OR state = '' THEN
    SELECT h.last_seq, h.last_hash INTO seq, prev
      FROM public.integrity_chain_head h WHERE h.chain = chain_name FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'integrity chain % has no head', chain_name;
    END IF;
  ELSE
    seq := split_part(state, ':', 1)::bigint;
    prev := split_part(state, ':', 2);
  END IF;
  seq := seq + 1;
  hash := encode(pg_catalog.sha256(convert_to(prev || canonical, 'UTF8')), 'hex');
  PERFORM set_config('duty.chain_' || chain_name || '_pending', greatest(pending, 0)::text, true);
  IF pending <= 0 THEN
    UPDATE public.integrity_chain_head
       SET last_seq = seq, last_hash = hash, last_key = row_key, updated_at = now()
     WHERE integrity_chain_head.chain = chain_name;
    PERFORM set_config('duty.chain_' || chain_name || '_state', '', true);
  ELSE
    PERFORM set_config('duty.chain_' || chain_name || '_state', seq || ':' || hash, true);
  END IF;
END $$`);
    await queryRunner.query(
      'REVOKE ALL ON FUNCTION integrity_chain_advance(text, text, text) FROM PUBLIC',
    );

    for (const chain of CHAINS) {
      const t = chain.table;
      await queryRunner.query(
        `ALTER TABLE "${t}" ADD "chain_seq" bigint, ADD "prev_hash" character(64), ADD "content_hash" character(64)`,
      );
      await queryRunner.query(`INSERT INTO integrity_chain_head (chain) VALUES ('${t}')`);
      await queryRunner.query(`CREATE FUNCTION integrity_canonical(r ${t}) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(${chain.fields.map(([c, k]) => render(c, k)).join(', ')})::text
$$`);
      await queryRunner.query(`CREATE FUNCTION ${t}_chain_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  r ${t} := NEW;
  link record;
BEGIN
  SELECT * INTO link FROM integrity_chain_advance('${t}', ${chain.key}, integrity_canonical(r));
  UPDATE ${t} SET chain_seq = link.seq, prev_hash = link.prev, content_hash = link.hash
   WHERE ${chain.match};
  RETURN NULL;
END $$`);
      // Whatever an INSERT says, a row starts unlinked; its link is set at commit.
      await queryRunner.query(`CREATE FUNCTION ${t}_chain_unset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.chain_seq := NULL;
  NEW.prev_hash := NULL;
  NEW.content_hash := NULL;
  PERFORM set_config('duty.chain_${t}_pending',
    (COALESCE(NULLIF(current_setting('duty.chain_${t}_pending', true), '')::integer, 0) + 1)::text, true);
  RETURN NEW;
END $$`);
      await queryRunner.query(
        `CREATE TRIGGER ${t}_chain_unset BEFORE INSERT ON ${t} FOR EACH ROW EXECUTE FUNCTION ${t}_chain_unset()`,
      );
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER ${t}_chain_link AFTER INSERT ON ${t} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${t}_chain_link()`,
      );
    }

    for (const sql of appendOnlyFunctions(true)) await queryRunner.query(sql);

    // Existing rows, in the order they were written.
    for (const chain of CHAINS) {
      const t = chain.table;
      await queryRunner.query(`DO $$
DECLARE
  r ${t};
  link record;
BEGIN
  PERFORM set_config('duty.chain_${t}_pending', (SELECT count(*) FROM ${t})::text, true);
  FOR r IN SELECT * FROM ${t} ORDER BY ${chain.order} LOOP
    SELECT * INTO link FROM integrity_chain_advance('${t}', ${chain.key}, integrity_canonical(r));
    UPDATE ${t} SET chain_seq = link.seq, prev_hash = link.prev, content_hash = link.hash
     WHERE ${chain.match};
  END LOOP;
END $$`);
    }

    await queryRunner.query(`CREATE FUNCTION security_audit_log_purge(retention_days integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  keep_from bigint;
  cut_seq bigint;
  cut_hash character(64);
  deleted bigint;
BEGIN
  IF retention_days IS NULL OR retention_days < 184 THEN
    RAISE EXCEPTION 'security audit retention must be at least 184 days' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Appends wait while the chain's start moves.
  PERFORM 1 FROM integrity_chain_head WHERE chain = 'security_audit_log' FOR UPDATE;
  SELECT min(chain_seq) INTO keep_from FROM security_audit_log
   WHERE occurred_at >= now() - make_interval(days => retention_days);
  SELECT chain_seq, content_hash INTO cut_seq, cut_hash FROM security_audit_log
   WHERE keep_from IS NULL OR chain_seq < keep_from
   ORDER BY chain_seq DESC LIMIT 1;
  IF cut_seq IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM set_config('duty.audit_retention_days', retention_days::text, true);
  DELETE FROM security_audit_log WHERE chain_seq <= cut_seq;
  GET DIAGNOSTICS deleted = ROW_COUNT;
  UPDATE integrity_chain_head SET anchor_seq = cut_seq, anchor_hash = cut_hash, updated_at = now()
   WHERE chain = 'security_audit_log';
  RETURN deleted;
END $$`);
    await queryRunner.query('REVOKE ALL ON FUNCTION security_audit_log_purge(integer) FROM PUBLIC');

    // Results of chain verification (the scheduled check and audit:verify), for /ready.
    await queryRunner.query(
      `CREATE TABLE "integrity_chain_run" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" character varying(16) NOT NULL, "ok" boolean NOT NULL, "rows_checked" bigint NOT NULL, "breaks" jsonb NOT NULL, CONSTRAINT "PK_integrity_chain_run" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "integrity_chain_run"');
    await queryRunner.query('DROP FUNCTION security_audit_log_purge(integer)');
    for (const sql of appendOnlyFunctions(false)) await queryRunner.query(sql);
    for (const chain of [...CHAINS].reverse()) {
      const t = chain.table;
      await queryRunner.query(`DROP TRIGGER ${t}_chain_link ON ${t}`);
      await queryRunner.query(`DROP TRIGGER ${t}_chain_unset ON ${t}`);
      await queryRunner.query(`DROP FUNCTION ${t}_chain_unset()`);
      await queryRunner.query(`DROP FUNCTION ${t}_chain_link()`);
      await queryRunner.query(`DROP FUNCTION integrity_canonical(${t})`);
      await queryRunner.query(
        `ALTER TABLE "${t}" DROP COLUMN "content_hash", DROP COLUMN "prev_hash", DROP COLUMN "chain_seq"`,
      );
    }
    await queryRunner.query('DROP FUNCTION integrity_chain_advance(text, text, text)');
    await queryRunner.query('DROP FUNCTION integrity_chain_linking(jsonb, jsonb)');
    await queryRunner.query('DROP TABLE "integrity_chain_head"');
  }
}
