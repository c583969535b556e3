/** The optional document fields sent with an evidence upload. */
export interface EvidenceUploadFields {
  documentNumber?: string;
  issuingAuthority?: string;
  /** YYYY-MM-DD */
  documentDate?: string;
  description?: string;
  /** Id of the version a replacement supersedes. */
  supersedes?: string;
}

/** POST /api/tasks/:id/evidence */
export function evidenceUploadUrl(taskId: string): string {
  return `/api/tasks/${encodeURIComponent(taskId)}/evidence`;
}

/** The multipart body: the file as `files` plus the non-empty, trimmed fields. */
export function buildEvidenceFormData(
  file: Blob & { name?: string },
  fields: EvidenceUploadFields,
) {
  const data = new FormData();
  for (const key of [
    'description',
    'documentNumber',
    'issuingAuthority',
    'documentDate',
    'supersedes',
  ] as const) {
    const value = fields[key]?.trim();
    if (value) data.append(key, value);
  }
  data.append('files', file, file.name);
  return data;
}

/** Why an upload failed, reduced to what the page shows. */
export interface EvidenceUploadFailure {
  /** The server's code (EVIDENCE_REJECTED, PAYLOAD_TOO_LARGE…), or a client-side one. */
  code: string;
  /** The server's overall message (Chinese), if any. */
  message?: string;
  /** Per-file reasons (Chinese sentences from the server), by file name. */
  files: Array<{ name: string; code: string; reason: string }>;
  status: number;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'EVIDENCE_REJECTED',
};

/**
 * Maps a failed answer (`{ code, message, files?: [{ name, code, reason }] }`) to a failure;
 * a body that is not that JSON (a proxy page) still gets a code from the HTTP status.
 */
export function parseEvidenceUploadError(status: number, bodyText: string): EvidenceUploadFailure {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the status-based code
  }
  const files = Array.isArray(body.files)
    ? body.files.flatMap((f: unknown) => {
        const file = (f ?? {}) as Record<string, unknown>;
        return typeof file.reason === 'string'
          ? [
              {
                name: typeof file.name === 'string' ? file.name : '',
                code: typeof file.code === 'string' ? file.code : '',
                reason: file.reason,
              },
            ]
          : [];
      })
    : [];
  return {
    code:
      typeof body.code === 'string'
        ? body.code
        : (HTTP_CODES[status] ??
          (status >= 500 || status === 0 ? 'SERVICE_UNAVAILABLE' : 'BAD_REQUEST')),
    message: typeof body.message === 'string' ? body.message : undefined,
    files,
    status,
  };
}

/** The reasons to show for one file: its own, else the server's message for the request. */
export function reasonsForFile(failure: EvidenceUploadFailure, fileName: string): string[] {
  const own = failure.files.filter((f) => f.name === fileName).map((f) => f.reason);
  if (own.length) return own;
  // The server may normalise names; with a single refused file the match is unambiguous.
  if (failure.files.length === 1) return [failure.files[0].reason];
  return failure.message ? [failure.message] : [];
}

export interface UploadRequest {
  url: string;
  body: FormData | Blob;
  contentType?: string;
  onProgress?: (percent: number) => void;
}

export interface UploadHandle {
  promise: Promise<{ status: number; bodyText: string }>;
  abort: () => void;
}

/**
 * POST with XMLHttpRequest (fetch reports no upload progress), the session cookie and the
 * anti-CSRF header the API requires. Resolves with any HTTP answer; rejects on network failure.
 */
export function sendWithProgress({
  url,
  body,
  contentType,
  onProgress,
}: UploadRequest): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<{ status: number; bodyText: string }>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress)
        onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, bodyText: xhr.responseText });
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}

export type EvidenceUploadOutcome = { ok: true } | { ok: false; failure: EvidenceUploadFailure };

/** Uploads one file onto a task; a refusal or network failure becomes an outcome, not a throw. */
export async function uploadEvidenceFile(
  taskId: string,
  file: Blob & { name?: string },
  fields: EvidenceUploadFields,
  onProgress?: (percent: number) => void,
): Promise<EvidenceUploadOutcome> {
  try {
    const { status, bodyText } = await sendWithProgress({
      url: evidenceUploadUrl(taskId),
      body: buildEvidenceFormData(file, fields),
      onProgress,
    }).promise;
    if (status >= 200 && status < 300) return { ok: true };
    return { ok: false, failure: parseEvidenceUploadError(status, bodyText) };
  } catch {
    return { ok: false, failure: parseEvidenceUploadError(0, '') };
  }
}
