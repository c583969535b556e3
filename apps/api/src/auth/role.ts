import { registerEnumType } from '@nestjs/graphql';

/**
 * One user, one role; the jurisdiction (unit, department) is part of the binding. The three
 * administrator roles are separated (三权分立, MLPS 2.0 level 3): none can approve business
 * work, and none can grant itself another role.
 */
export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  SECURITY_ADMIN = 'SECURITY_ADMIN',
  AUDIT_ADMIN = 'AUDIT_ADMIN',
  NATIONAL_SUPERVISOR = 'NATIONAL_SUPERVISOR',
  PROVINCIAL_SUPERVISOR = 'PROVINCIAL_SUPERVISOR',
  PREFECTURE_SUPERVISOR = 'PREFECTURE_SUPERVISOR',
  COUNTY_OPERATOR = 'COUNTY_OPERATOR',
  AUDITOR = 'AUDITOR',
}

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    SYSTEM_ADMIN: { description: '系统管理员：用户与配置，不做业务审批' },
    SECURITY_ADMIN: { description: '安全管理员：角色分配、账户锁定、安全设置' },
    AUDIT_ADMIN: { description: '审计管理员：只查看安全审计日志' },
    NATIONAL_SUPERVISOR: { description: '国家级督导：全国或指定的若干省份，只读' },
    PROVINCIAL_SUPERVISOR: { description: '省级督导：本省' },
    PREFECTURE_SUPERVISOR: { description: '市州督导：一个市州及其县（市、区）' },
    COUNTY_OPERATOR: { description: '县级部门经办人：一个单位的一个部门' },
    AUDITOR: { description: '审计评估人员：辖区内只读' },
  },
});
