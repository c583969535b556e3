/** The duty register download (`GET /api/exports/duties?format=`). */
export const dutiesExportUrl = (format: 'csv' | 'xlsx') => `/api/exports/duties?format=${format}`;
