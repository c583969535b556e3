import type { DatabaseMode } from '../graphql/types';

const KNOWN_MODES: ReadonlySet<string> = new Set<DatabaseMode>(['EMBEDDED', 'EXTERNAL']);

/** Guards against enum values added on the server before the web app knows them. */
export function isKnownDatabaseMode(value: string): value is DatabaseMode {
  return KNOWN_MODES.has(value);
}
