import { gql } from '@apollo/client';

export const ADMIN_UNIT_FIELDS = gql`
  fragment AdminUnitFields on AdminUnit {
    code
    name
    level
    parentCode
    directlyAdministered
  }
`;

export const DEPARTMENT_FIELDS = gql`
  fragment DepartmentFields on Department {
    id
    name
    unitCode
  }
`;
