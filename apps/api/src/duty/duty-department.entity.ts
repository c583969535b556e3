import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DepartmentKindEntity } from '../department/department-kind.entity';
import { Duty } from './duty.entity';
import { DEPARTMENT_ROLES, DepartmentRole, sqlList } from './duty.types';

/** A department kind responsible for a duty: the lead (牵头) or an assisting one (配合). */
@Entity({ name: 'duty_department' })
@Index('UQ_duty_department_one_lead', ['dutyId'], { unique: true, where: `"role" = 'lead'` })
@Index('IDX_duty_department_code', ['departmentCode'])
@Check('CHK_duty_department_role', `"role" IN (${sqlList(DEPARTMENT_ROLES)})`)
export class DutyDepartment {
  @PrimaryColumn({ name: 'duty_id', type: 'uuid' })
  dutyId!: string;

  @ManyToOne(() => Duty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'duty_id' })
  duty?: Duty;

  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 50 })
  departmentCode!: string;

  @ManyToOne(() => DepartmentKindEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_code' })
  department?: DepartmentKindEntity;

  @Column({ type: 'varchar', length: 10 })
  role!: DepartmentRole;

  /** Named in the regulation text (true) or chosen by the system default / a reviewer (false). */
  @Column({ name: 'from_text', type: 'boolean' })
  fromText!: boolean;
}
