import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface IntegrityProblem {
  sha256: string;
  kind: 'missing' | 'corrupt' | 'unreferenced';
  detail: string;
}

/**
 * One run of the evidence integrity check (`npm run evidence:fsck` or the scheduled job):
 * every stored file re-hashed against the database. `/ready` shows the latest.
 */
@Entity({ name: 'evidence_integrity_run' })
@Index('IDX_evidence_integrity_run_finished', ['finishedAt'])
export class EvidenceIntegrityRun {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt!: Date;

  /** cli or schedule */
  @Column({ type: 'varchar', length: 16 })
  source!: string;

  @Column({ type: 'int' })
  checked!: number;

  @Column({ type: 'int' })
  missing!: number;

  @Column({ type: 'int' })
  corrupt!: number;

  @Column({ type: 'int' })
  unreferenced!: number;

  @Column({ type: 'boolean' })
  ok!: boolean;

  /** The first problems found (at most 200), for the report. */
  @Column({ type: 'jsonb' })
  problems!: IntegrityProblem[];
}
