import type { ActorType, AdminLevel, Cue, DutyKind, Modality } from '@duty/regulation/duties';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { RegulationArticle } from '../regulation/entities/regulation-article.entity';
import { RegulationItem } from '../regulation/entities/regulation-item.entity';
import { RegulationParagraph } from '../regulation/entities/regulation-paragraph.entity';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import {
  ACTOR_TYPES,
  ADMIN_LEVELS,
  DUTY_KINDS,
  MODALITIES,
  REVIEW_STATES,
  ReviewState,
  sqlList,
} from './duty.types';

/** What the extractor produced, kept unchanged so a reviewer can always see the original. */
export interface ExtractedSnapshot {
  /** What the statement does (rows imported before kinds existed were given `implementation`). */
  kind: DutyKind;
  actorText: string;
  actorType: ActorType;
  levels: AdminLevel[];
  modality: Modality;
  departments: string[];
  /** Departments to act together with (会同/配合…) named in the text. */
  assistingDepartments: string[];
  subject: string;
  inheritedActor: boolean;
  /** How the actor was found: stated, carried from an earlier sentence, a lead-in, inferred… */
  actorSource: string;
  /** The actor was inferred from another article (absent on rows imported before). */
  needsReview?: boolean;
}

/**
 * 职责 — one obligation stated in a paragraph or item of one regulation version. `lineageId`
 * stays the same across versions when a duty is carried over from an unchanged paragraph, so
 * tasks and evidence can follow it.
 */
@Entity({ name: 'duty' })
@Index('UQ_duty_position', ['paragraphId', 'itemNumber', 'sequence'], { unique: true })
@Index('IDX_duty_version', ['versionId'])
@Index('IDX_duty_lineage', ['lineageId'])
@Check('CHK_duty_actor_type', `"actor_type" IN (${sqlList(ACTOR_TYPES)})`)
@Check('CHK_duty_kind', `"kind" IN (${sqlList(DUTY_KINDS)})`)
@Check('CHK_duty_modality', `"modality" IN (${sqlList(MODALITIES)})`)
@Check('CHK_duty_review_state', `"review_state" IN (${sqlList(REVIEW_STATES)})`)
@Check('CHK_duty_levels', `"levels" <@ ARRAY[${sqlList(ADMIN_LEVELS)}]::text[]`)
@Check('CHK_duty_tracked_government', `NOT "tracked" OR "government_duty"`)
export class Duty {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lineage_id', type: 'uuid' })
  lineageId!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => RegulationVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: RegulationVersion;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId!: string;

  @ManyToOne(() => RegulationArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: RegulationArticle;

  @Column({ name: 'paragraph_id', type: 'uuid' })
  paragraphId!: string;

  @ManyToOne(() => RegulationParagraph, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: RegulationParagraph;

  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId!: string | null;

  @ManyToOne(() => RegulationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: RegulationItem | null;

  /** 0 when the duty is in the paragraph text itself, else the item number (keeps the unique key total). */
  @Column({ name: 'item_number', type: 'int', default: 0 })
  itemNumber!: number;

  /** Order of the duty within its paragraph or item, from 1. */
  @Column({ type: 'int' })
  sequence!: number;

  /** The sentence or clause the duty is stated in (a substring of the paragraph/item). */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'actor_text', type: 'text' })
  actorText!: string;

  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType!: ActorType;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  levels!: AdminLevel[];

  @Column({ type: 'varchar', length: 20 })
  modality!: Modality;

  /** What the statement does; only implementation duties are tracked by default. */
  @Column({ type: 'varchar', length: 20 })
  kind!: DutyKind;

  /**
   * The actor was not written in the statement but inferred from another article of the text:
   * a reviewer must confirm it (cleared by a review).
   */
  @Column({ name: 'needs_review', type: 'boolean', default: false })
  needsReview!: boolean;

  /** Government or department actor: only these can become tasks. */
  @Column({ name: 'government_duty', type: 'boolean' })
  governmentDuty!: boolean;

  /** Tracked duties become tasks; only government duties can be tracked. */
  @Column({ type: 'boolean' })
  tracked!: boolean;

  @Column({ name: 'review_state', type: 'varchar', length: 20, default: 'extracted' })
  reviewState!: ReviewState;

  /** Why each field has its value (the extraction rules that fired). */
  @Column({ type: 'jsonb' })
  cues!: Cue[];

  @Column({ type: 'jsonb' })
  extracted!: ExtractedSnapshot;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 100, nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** The duty of the previous version this one was carried over from. */
  @Column({ name: 'carried_from_id', type: 'uuid', nullable: true })
  carriedFromId!: string | null;

  @VersionColumn({ name: 'row_version' })
  rowVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
