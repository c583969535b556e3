import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegulationVersion } from './regulation-version.entity';

/** 章 — a chapter of one regulation version (number 0: the implicit chapter of a text without chapters). */
@Entity({ name: 'regulation_chapter' })
@Index('UQ_regulation_chapter_number', ['versionId', 'number'], { unique: true })
export class RegulationChapter {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => RegulationVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: RegulationVersion;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Line of the heading in the source text. */
  @Column({ type: 'int' })
  line!: number;
}
