import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegulationChapter } from './regulation-chapter.entity';

/** 节 — a section inside a chapter; numbering restarts in every chapter. */
@Entity({ name: 'regulation_section' })
@Index('UQ_regulation_section_number', ['chapterId', 'number'], { unique: true })
export class RegulationSection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'chapter_id', type: 'uuid' })
  chapterId!: string;

  @ManyToOne(() => RegulationChapter, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chapter_id' })
  chapter?: RegulationChapter;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'int' })
  line!: number;
}
