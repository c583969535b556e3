import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegulationChapter } from './regulation-chapter.entity';
import { RegulationSection } from './regulation-section.entity';
import { RegulationVersion } from './regulation-version.entity';

/** 条 — an article; numbers run through the whole regulation. */
@Entity({ name: 'regulation_article' })
@Index('UQ_regulation_article_number', ['versionId', 'number'], { unique: true })
@Index('IDX_regulation_article_chapter', ['chapterId'])
export class RegulationArticle {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => RegulationVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: RegulationVersion;

  @Column({ name: 'chapter_id', type: 'uuid' })
  chapterId!: string;

  @ManyToOne(() => RegulationChapter, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chapter_id' })
  chapter?: RegulationChapter;

  @Column({ name: 'section_id', type: 'uuid', nullable: true })
  sectionId!: string | null;

  @ManyToOne(() => RegulationSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: RegulationSection | null;

  @Column({ type: 'int' })
  number!: number;

  /** 【条文主旨】 of drafts; enacted texts have none. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  /** The article body as written. */
  @Column({ type: 'text' })
  text!: string;

  /** normalizeForComparison(text): equal fingerprints mean the same wording. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'int' })
  line!: number;
}
