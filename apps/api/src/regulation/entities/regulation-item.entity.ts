import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegulationParagraph } from './regulation-paragraph.entity';

/** 项 — an enumerated item of a paragraph, e.g. （一）…; `text` includes the marker. */
@Entity({ name: 'regulation_item' })
@Index('UQ_regulation_item_number', ['paragraphId', 'number'], { unique: true })
export class RegulationItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'paragraph_id', type: 'uuid' })
  paragraphId!: string;

  @ManyToOne(() => RegulationParagraph, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'paragraph_id' })
  paragraph?: RegulationParagraph;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 20 })
  marker!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'int' })
  line!: number;
}
