import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Regulation } from './regulation.entity';

export type RegulationVersionStatus = 'draft' | 'enacted';

/**
 * One imported text of a regulation (草案 draft or 施行 enacted). Versions are immutable: a
 * changed text is a new version, compared article by article with the one before it.
 */
@Entity({ name: 'regulation_version' })
@Index('UQ_regulation_version_number', ['regulationId', 'versionNumber'], { unique: true })
@Check('CHK_regulation_version_status', `"status" IN ('draft', 'enacted')`)
export class RegulationVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'regulation_id', type: 'uuid' })
  regulationId!: string;

  @ManyToOne(() => Regulation, (r) => r.versions, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulation_id' })
  regulation?: Regulation;

  /** 1, 2, 3 … in import order. */
  @Column({ name: 'version_number', type: 'int' })
  versionNumber!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: RegulationVersionStatus;

  /** 施行日期; null while unknown (the draft's Article 42 leaves it blank). */
  @Column({ name: 'effective_date', type: 'date', nullable: true })
  effectiveDate!: string | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** The imported text exactly as given, for provenance and re-parsing. */
  @Column({ name: 'source_text', type: 'text' })
  sourceText!: string;

  @Column({ name: 'source_sha256', type: 'char', length: 64 })
  sourceSha256!: string;

  /** Parser warnings at import (non-fatal observations for reviewers). */
  @Column({ name: 'parse_warnings', type: 'jsonb', default: () => `'[]'` })
  parseWarnings!: Array<{ code: string; line: number; message: string }>;

  @Column({ name: 'imported_by', type: 'varchar', length: 100 })
  importedBy!: string;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
