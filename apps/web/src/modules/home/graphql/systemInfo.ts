import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written until GraphQL code generation is set up; mirrors apps/api's SystemInfo.

export type DatabaseMode = 'EMBEDDED' | 'EXTERNAL';

export interface SystemInfo {
  __typename?: 'SystemInfo';
  productName: string;
  version: string;
  databaseServerVersion: string;
  databaseMode: DatabaseMode;
  appliedMigrations: number;
  /** ISO 8601 date-time, or null if demo data was never loaded. */
  demoDataLoadedAt: string | null;
}

export interface SystemInfoQuery {
  systemInfo: SystemInfo;
}

export type SystemInfoQueryVariables = Record<string, never>;

export const SYSTEM_INFO_QUERY: TypedDocumentNode<SystemInfoQuery, SystemInfoQueryVariables> = gql`
  query SystemInfo {
    systemInfo {
      productName
      version
      databaseServerVersion
      databaseMode
      appliedMigrations
      demoDataLoadedAt
    }
  }
`;
