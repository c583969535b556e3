import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AdminUnit } from '../../admin-unit/admin-unit.entity';
import { RegulationVersion } from './regulation-version.entity';

/** A regulation (法规), e.g. 湖北省质量促进条例, identified by a stable code; its text lives in versions. */
@Entity({ name: 'regulation' })
export class Regulation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /**
   * 牵头协调部门: the DepartmentKind code suggested as lead where a text names no department and
   * has no competent-department clause of its own; set at import (null: the reviewer chooses).
   */
  @Column({ name: 'coordinating_department', type: 'varchar', length: 50, nullable: true })
  coordinatingDepartment!: string | null;

  /**
   * The province (XX0000) owning the regulation (a provincial regulation: only its cycles may
   * assess it, only its users see it); null: national (全国通用), every province's.
   */
  @Column({ name: 'owner_province_code', type: 'varchar', length: 12, nullable: true })
  ownerProvinceCode!: string | null;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_province_code' })
  ownerProvince?: AdminUnit | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => RegulationVersion, (v) => v.regulation)
  versions?: RegulationVersion[];
}
