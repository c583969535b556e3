import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A kind of government department (部门类别), e.g. 市场监督管理: the dictionary that duty
 * extraction normalises department names against. Department instances per administrative
 * unit (e.g. 江岸区市场监督管理局) refer to a kind.
 */
@Entity({ name: 'department_kind' })
export class DepartmentKindEntity {
  /** Stable code, e.g. `market_regulation`. */
  @PrimaryColumn({ type: 'varchar', length: 50 })
  code!: string;

  /** Canonical Chinese name, e.g. 市场监督管理. */
  @Column({ type: 'varchar', length: 50, unique: true })
  name!: string;

  /** Other spellings found in regulation texts, e.g. 水利 for 水行政. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  aliases!: string[];

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
