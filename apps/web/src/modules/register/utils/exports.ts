/** The duty register download of one regulation (`GET /api/exports/duties?format=&code=`). */
export const dutiesExportUrl = (format: 'csv' | 'xlsx', code: string) =>
  `/api/exports/duties?format=${format}&code=${encodeURIComponent(code)}`;

/** The register page of a regulation. */
export const registerPath = (code: string) => `/regulations/${encodeURIComponent(code)}`;
