import { gql, type TypedDocumentNode } from '@apollo/client';
import { ADMIN_UNIT_FIELDS, DEPARTMENT_FIELDS } from '../../auth/graphql/fragments';
import type { AdminLevel, AdminUnit, Department } from '../../auth/graphql/types';

export interface AdminUnitsQuery {
  adminUnits: AdminUnit[];
}

export interface AdminUnitsQueryVariables {
  parentCode?: string;
  level?: AdminLevel;
}

/** Units within the signed-in user's jurisdiction, by parent and / or level. */
export const ADMIN_UNITS_QUERY: TypedDocumentNode<AdminUnitsQuery, AdminUnitsQueryVariables> = gql`
  query AdminUnits($parentCode: String, $level: AdminLevel) {
    adminUnits(parentCode: $parentCode, level: $level) {
      ...AdminUnitFields
    }
  }
  ${ADMIN_UNIT_FIELDS}
`;

export interface DepartmentsQuery {
  departments: Department[];
}

export const DEPARTMENTS_QUERY: TypedDocumentNode<DepartmentsQuery, { unitCode: string }> = gql`
  query Departments($unitCode: String!) {
    departments(unitCode: $unitCode) {
      ...DepartmentFields
    }
  }
  ${DEPARTMENT_FIELDS}
`;
