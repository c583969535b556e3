import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegulationArticle } from './regulation-article.entity';

/** 款 — a paragraph of an article. */
@Entity({ name: 'regulation_paragraph' })
@Index('UQ_regulation_paragraph_number', ['articleId', 'number'], { unique: true })
export class RegulationParagraph {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId!: string;

  @ManyToOne(() => RegulationArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: RegulationArticle;

  /** 1-based within the article. */
  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  text!: string;

  /** normalizeForComparison of the paragraph text and its items: equal means unchanged. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'int' })
  line!: number;
}
