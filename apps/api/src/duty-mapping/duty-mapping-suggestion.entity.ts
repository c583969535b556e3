import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Duty } from '../duty/duty.entity';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';

export const MAPPING_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];
export const MAPPING_ARTICLE_CHANGES = ['changed', 'merged', 'split'] as const;
export type MappingArticleChange = (typeof MAPPING_ARTICLE_CHANGES)[number];

/**
 * 映射建议: at import of a new version, a duty of a reworded (changed, merged or split) article
 * may continue a duty of the previous version. A provincial supervisor confirms (the new duty
 * takes over the old one's lineage, tracked flag, review and departments) or rejects it (the
 * new duty starts a lineage of its own). Each decision is also an event in the new duty's
 * history (`duty_review_event`), so the row keeps only the latest state.
 */
@Entity({ name: 'duty_mapping_suggestion' })
@Index('UQ_duty_mapping_suggestion_pair', ['dutyId', 'previousDutyId'], { unique: true })
@Index('IDX_duty_mapping_suggestion_version', ['versionId', 'status'])
@Index('IDX_duty_mapping_suggestion_previous', ['previousDutyId'])
@Check('CHK_duty_mapping_suggestion_status', `"status" IN ('pending', 'confirmed', 'rejected')`)
@Check('CHK_duty_mapping_suggestion_change', `"article_change" IN ('changed', 'merged', 'split')`)
@Check(
  'CHK_duty_mapping_suggestion_decided',
  `("status" = 'pending') = ("decided_by" IS NULL AND "decided_at" IS NULL)`,
)
@Check('CHK_duty_mapping_suggestion_similarity', `"similarity" >= 0 AND "similarity" <= 1`)
export class DutyMappingSuggestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The new version (the one whose import made the suggestion). */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => RegulationVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: RegulationVersion;

  /** The duty of the new version. */
  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId!: string;

  @ManyToOne(() => Duty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'duty_id' })
  duty?: Duty;

  /** The duty of the previous version it may continue. */
  @Column({ name: 'previous_duty_id', type: 'uuid' })
  previousDutyId!: string;

  @ManyToOne(() => Duty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'previous_duty_id' })
  previousDuty?: Duty;

  /** How the aligned article changed. */
  @Column({ name: 'article_change', type: 'varchar', length: 10 })
  articleChange!: MappingArticleChange;

  /** Bigram Dice similarity of the two statements, in [0, 1]. */
  @Column({ type: 'double precision' })
  similarity!: number;

  /** The best one-to-one match of the two duties (false: an alternative, e.g. a merge's second source). */
  @Column({ type: 'boolean' })
  primary!: boolean;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: MappingStatus;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why it was rejected (required), or a note on a confirmation. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @VersionColumn({ name: 'row_version' })
  rowVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
