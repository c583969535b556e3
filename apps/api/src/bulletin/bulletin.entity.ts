import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import type { BulletinContent } from './bulletin-content';

export type BulletinPeriodKind = 'MONTH' | 'QUARTER';
export type BulletinStatus = 'DRAFT' | 'PUBLISHED';

/**
 * 情况通报: a supervisor's periodic bulletin for their jurisdiction. `content` is the model both
 * the browser preview and the DOCX are rendered from. Once PUBLISHED, the DOCX bytes and their
 * SHA-256 are frozen and a trigger refuses any UPDATE or DELETE of the row.
 */
@Entity({ name: 'bulletin' })
@Index('UQ_bulletin_period', ['scopeUnitCode', 'cycleId', 'periodKind', 'periodStart'], {
  unique: true,
})
@Index('IDX_bulletin_scope_period', ['scopeUnitCode', 'periodStart'])
@Index('UQ_bulletin_number', ['scopeUnitCode', 'year', 'seq'], {
  unique: true,
  where: `"status" = 'PUBLISHED'`,
})
@Check('CHK_bulletin_period_kind', `"period_kind" IN ('MONTH', 'QUARTER')`)
@Check('CHK_bulletin_status', `"status" IN ('DRAFT', 'PUBLISHED')`)
@Check('CHK_bulletin_period', `"period_start" <= "period_end" AND "as_of" <= "period_end"`)
@Check(
  'CHK_bulletin_published',
  `("status" = 'DRAFT' AND "docx" IS NULL AND "sha256" IS NULL AND "published_at" IS NULL AND "number" IS NULL)
   OR ("status" = 'PUBLISHED' AND "docx" IS NOT NULL AND "sha256" IS NOT NULL AND "size" IS NOT NULL
       AND "published_by" IS NOT NULL AND "published_at" IS NOT NULL
       AND "number" IS NOT NULL AND "year" IS NOT NULL AND "seq" IS NOT NULL)`,
)
export class Bulletin {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The province or a prefecture: whose jurisdiction the bulletin reports on. */
  @Column({ name: 'scope_unit_code', type: 'varchar', length: 12 })
  scopeUnitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_unit_code', foreignKeyConstraintName: 'FK_bulletin_unit' })
  scopeUnit?: AdminUnit;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_bulletin_cycle' })
  cycle?: AssessmentCycle;

  @Column({ name: 'period_kind', type: 'varchar', length: 10 })
  periodKind!: BulletinPeriodKind;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  /** The date the figures are as of: the period's end, or the generation day within the period. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 10, default: 'DRAFT' })
  status!: BulletinStatus;

  @Column({ type: 'jsonb' })
  content!: BulletinContent;

  /** 文号, e.g. 2026年第3期 (assigned at publication). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  number!: string | null;

  @Column({ type: 'int', nullable: true })
  year!: number | null;

  @Column({ type: 'int', nullable: true })
  seq!: number | null;

  /** The published DOCX (null while a draft), never loaded unless asked for. */
  @Column({ type: 'bytea', nullable: true, select: false })
  docx!: Buffer | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'int', nullable: true })
  size!: number | null;

  @Column({ name: 'generated_by', type: 'varchar', length: 64 })
  generatedBy!: string;

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion!: number;

  @Column({ name: 'published_by', type: 'varchar', length: 64, nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
