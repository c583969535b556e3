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
import type { Allocations, JurisdictionTier, TextKind } from '@duty/regulation/duties';
import { Regulation } from './regulation.entity';

export type RegulationVersionStatus = 'draft' | 'enacted';

/** Kinds of legislative text (立法法 hierarchy), as @duty/regulation/duties detects them. */
export const TEXT_KINDS = [
  'law',
  'administrative_regulation',
  'provincial_regulation',
  'municipal_regulation',
  'city_regulation',
  'departmental_rules',
  'local_government_rules',
  'unknown',
] as const satisfies readonly TextKind[];
export const JURISDICTION_TIERS = [
  'national',
  'province',
  'municipality',
  'city',
] as const satisfies readonly JurisdictionTier[];

/** Why the text got its kind and tier: the words that decided, and a Chinese explanation. */
export interface TextContextEvidence {
  evidence: string;
  explanation: string;
}

/**
 * One imported text of a regulation (草案 draft or 施行 enacted). Versions are immutable: a
 * changed text is a new version, compared article by article with the one before it.
 */
@Entity({ name: 'regulation_version' })
@Index('UQ_regulation_version_number', ['regulationId', 'versionNumber'], { unique: true })
@Check('CHK_regulation_version_status', `"status" IN ('draft', 'enacted')`)
@Check(
  'CHK_regulation_version_text_kind',
  `"text_kind" IN (${TEXT_KINDS.map((k) => `'${k}'`).join(', ')})`,
)
@Check(
  'CHK_regulation_version_tier',
  `"jurisdiction_tier" IN (${JURISDICTION_TIERS.map((k) => `'${k}'`).join(', ')})`,
)
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

  /** The kind of text (法律, 行政法规, 地方性法规, 规章…) detected from its title and front matter. */
  @Column({ name: 'text_kind', type: 'varchar', length: 30 })
  textKind!: TextKind;

  /** Whose governments the text addresses: decides how its level words (市, 区, 县…) read. */
  @Column({ name: 'jurisdiction_tier', type: 'varchar', length: 20 })
  jurisdictionTier!: JurisdictionTier;

  @Column({ name: 'text_context', type: 'jsonb' })
  textContext!: TextContextEvidence;

  /**
   * The text's own allocation clauses (general responsibility, competent and enforcing
   * department) that statements without a written actor were inferred from.
   */
  @Column({ type: 'jsonb' })
  allocations!: Allocations;

  @Column({ name: 'imported_by', type: 'varchar', length: 100 })
  importedBy!: string;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
