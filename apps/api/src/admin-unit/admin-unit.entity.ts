import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type UnitLevel = 'province' | 'prefecture' | 'county';

/**
 * An administrative unit (行政区划) with its GB/T 2260 code. County-level units administered
 * directly by the province (仙桃、潜江、天门、神农架林区) have the province as parent and
 * `directlyAdministered` set: they roll up straight to the province and rank with counties.
 */
@Entity({ name: 'admin_unit' })
@Index('IDX_admin_unit_parent', ['parentCode'])
@Check('CHK_admin_unit_level', `"level" IN ('province', 'prefecture', 'county')`)
export class AdminUnit {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  level!: UnitLevel;

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: AdminUnit | null;

  @Column({ name: 'directly_administered', type: 'boolean', default: false })
  directlyAdministered!: boolean;

  /** 省, 地级市, 自治州, 市辖区, 县级市, 县, 自治县, 林区. */
  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;

  /** The edition of the GB/T 2260 data this row came from. */
  @Column({ name: 'data_edition', type: 'varchar', length: 100 })
  dataEdition!: string;
}
