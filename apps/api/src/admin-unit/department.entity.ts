import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentKindEntity } from '../department/department-kind.entity';
import { AdminUnit } from './admin-unit.entity';

/** A department of one unit (e.g. 江岸区市场监督管理局): where tasks are assigned. */
@Entity({ name: 'department' })
@Index('UQ_department_unit_kind', ['unitCode', 'kindCode'], { unique: true })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode!: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code' })
  unit?: AdminUnit;

  @Column({ name: 'kind_code', type: 'varchar', length: 50 })
  kindCode!: string;

  @ManyToOne(() => DepartmentKindEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kind_code' })
  kind?: DepartmentKindEntity;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
