import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ChainLinked } from '../integrity/chain-linked';
import { Task } from '../task/task.entity';

/** Whether the stored content was last found intact (`ok`) or not (`corrupt`). */
export type EvidenceIntegrityStatus = 'ok' | 'corrupt';

/**
 * One version of one evidence file (佐证材料) attached to a task. Immutable: the content
 * (addressed by `sha256` in the evidence store) and its metadata never change; a replacement is
 * a new row of the same lineage with the next version, and the only columns that may ever be
 * set — once — are `superseded_by_id` and the withdrawal fields. A trigger enforces this and
 * refuses DELETE and TRUNCATE. The integrity mark (`integrity_status`, `corrupt_at`) is the
 * exception: it records what a read found in storage, not what was uploaded, and is cleared when
 * the integrity check finds the content intact again (restored from a backup).
 */
@Entity({ name: 'evidence' })
@Index('IDX_evidence_task', ['taskId', 'uploadedAt'])
@Index('IDX_evidence_sha256', ['sha256'])
@Index('IDX_evidence_unit_cycle', ['unitCode', 'cycleId'])
@Index('UQ_evidence_lineage_version', ['lineageId', 'version'], { unique: true })
// Current files per task: the dashboard rollups' triggers count them (migration AddAnalyticsRollups).
@Index('IDX_evidence_task_current', ['taskId'], {
  where: 'withdrawn_at IS NULL AND superseded_by_id IS NULL',
})
@Index('UQ_evidence_current_per_lineage', ['lineageId'], {
  unique: true,
  where: 'superseded_by_id IS NULL AND withdrawn_at IS NULL',
})
@Check('CHK_evidence_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('CHK_evidence_size', `"size" >= 0`)
@Check('CHK_evidence_version', `"version" >= 1`)
@Check(
  'CHK_evidence_integrity',
  `("integrity_status" = 'ok' AND "corrupt_at" IS NULL) OR ("integrity_status" = 'corrupt' AND "corrupt_at" IS NOT NULL)`,
)
@Check(
  'CHK_evidence_withdrawal',
  `("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL)`,
)
export class Evidence extends ChainLinked {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  /** Denormalised from the task for jurisdiction filters and packs. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  /** The id of the first version: every version of one document shares it. */
  @Column({ name: 'lineage_id', type: 'uuid' })
  lineageId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Evidence;

  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true })
  supersededById!: string | null;

  // Deferred: the new version and the pointer to it are written in one transaction.
  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'superseded_by_id' })
  supersededBy?: Evidence;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Bytes (bigint: returned by pg as a string). */
  @Column({ type: 'bigint' })
  size!: string;

  /** Detected from the content: pdf, ofd, docx, xlsx, doc, xls, jpeg, png. */
  @Column({ name: 'file_type', type: 'varchar', length: 8 })
  fileType!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 100 })
  mimeType!: string;

  /** The uploader's file name, normalised (metadata only; storage paths are server-generated). */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** 文号 */
  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber!: string | null;

  /** 发文机关 */
  @Column({ name: 'issuing_authority', type: 'varchar', length: 200, nullable: true })
  issuingAuthority!: string | null;

  /** 成文日期 */
  @Column({ name: 'document_date', type: 'date', nullable: true })
  documentDate!: string | null;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 64 })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'varchar', length: 64, nullable: true })
  withdrawnBy!: string | null;

  @Column({ name: 'withdraw_reason', type: 'text', nullable: true })
  withdrawReason!: string | null;

  /**
   * `corrupt` once a download, a pack or the integrity check found the stored content not to
   * match its hash or size: downloads are then refused without reading it, packs list it in
   * problems.csv. Shared by every row with the same content.
   */
  @Column({ name: 'integrity_status', type: 'varchar', length: 8, default: 'ok' })
  integrityStatus!: EvidenceIntegrityStatus;

  /** When the corruption was first found (null while `ok`). */
  @Column({ name: 'corrupt_at', type: 'timestamptz', nullable: true })
  corruptAt!: Date | null;
}
