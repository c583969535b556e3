import { EvidenceStore, FileTooLargeError, StagedFile } from '@duty/api/evidence-store';
import {
  DetectedType,
  detectFileType,
  EvidenceFileType,
  sanitizeFileName,
} from '@duty/api/file-types';
import type { IncomingMessage } from 'node:http';
import { readMultipartForm, UploadAbortedError } from '../common/multipart-form';
import { EvidenceFields, AcceptedFile } from './evidence.service';

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  allowedTypes: readonly EvidenceFileType[];
}

/** Why one file was refused: a stable code and a Chinese sentence naming the file. */
export interface RejectedFile {
  name: string;
  code: string;
  reason: string;
}

export type ReceiveResult =
  | { ok: true; files: AcceptedFile[]; fields: EvidenceFields }
  | { ok: false; status: number; code: string; message: string; rejected: RejectedFile[] };

const FIELD_NAMES = new Set<keyof EvidenceFields>([
  'description',
  'documentNumber',
  'issuingAuthority',
  'documentDate',
  'supersedes',
]);

interface Received {
  name: string;
  staged?: StagedFile;
  detected?: DetectedType;
  rejected?: RejectedFile;
}

/**
 * Reads a multipart/form-data upload: every file part is streamed into the store's staging
 * area while it is hashed (memory does not grow with the file), then its type is decided from
 * the content. All or nothing: when any file is refused, or the client goes away, every staged
 * file is discarded and nothing reaches the store. On success the caller owns the staged files
 * (commit or discard them).
 */
export async function receiveEvidenceUpload(
  req: IncomingMessage,
  store: EvidenceStore,
  limits: UploadLimits,
): Promise<ReceiveResult> {
  const received: Received[] = [];
  const staging: Array<Promise<void>> = [];
  const form = readMultipartForm(req, {
    fieldNames: FIELD_NAMES,
    limits: {
      // One byte over the limit is enough to know it is too large; busboy discards the rest.
      fileSize: limits.maxFileBytes + 1,
      files: limits.maxFiles,
      fields: 20,
      fieldSize: 8 * 1024,
      parts: limits.maxFiles + 20,
    },
    // Every file part is streamed into the store's staging area while it is hashed.
    onFile: (_field, stream, fileName) => {
      const name = sanitizeFileName(fileName);
      const entry: Received = { name };
      received.push(entry);
      staging.push(
        store.stage(stream, limits.maxFileBytes + 1).then(
          (staged) => {
            entry.staged = staged;
            if (staged.size > limits.maxFileBytes || stream.truncated) {
              entry.rejected = tooLarge(name, limits.maxFileBytes);
            }
          },
          (error: unknown) => {
            if (error instanceof FileTooLargeError) {
              entry.rejected = tooLarge(name, limits.maxFileBytes);
              stream.resume();
              return;
            }
            throw error;
          },
        ),
      );
    },
  });

  const discardAll = async () => {
    await Promise.allSettled(staging);
    await Promise.all(received.map((r) => (r.staged ? store.discard(r.staged) : undefined)));
  };

  const failure = (status: number, code: string, message: string, rejected: RejectedFile[] = []) =>
    discardAll().then((): ReceiveResult => ({ ok: false, status, code, message, rejected }));

  let fields: Partial<Record<keyof EvidenceFields, string>>;
  let tooManyFiles: boolean;
  let tooManyFields: boolean;
  try {
    ({ fields, tooManyFiles, tooManyFields } = await form);
    await Promise.all(staging);
  } catch (error) {
    // The client went away: its active file stream errored and the store removed that part.
    if (error instanceof UploadAbortedError) {
      await discardAll();
      throw error; // nobody is left to answer
    }
    // e.g. raw control characters in a part header (a file name): busboy refuses the part.
    return failure(
      400,
      'BAD_REQUEST',
      `上传表单格式不正确（${(error as Error).message}；例如文件名含控制字符），未保存任何文件。`,
    );
  }

  if (tooManyFiles) {
    return failure(
      413,
      'PAYLOAD_TOO_LARGE',
      `一次最多上传 ${limits.maxFiles} 个文件，未保存任何文件。`,
    );
  }
  if (tooManyFields) {
    return failure(400, 'BAD_REQUEST', '表单字段过多或过长，未保存任何文件。');
  }
  if (received.length === 0) {
    return failure(400, 'VALIDATION_FAILED', '请选择要上传的佐证材料文件。');
  }
  for (const entry of received) {
    if (entry.rejected || !entry.staged) continue;
    const result = await detectFileType(entry.staged.tempPath, {
      allowed: limits.allowedTypes,
      declaredName: entry.name,
    });
    if (!result.ok) entry.rejected = { name: entry.name, code: result.code, reason: result.reason };
    else entry.detected = result.detected;
  }
  const rejected = received.flatMap((r) => (r.rejected ? [r.rejected] : []));
  if (rejected.length) {
    return failure(
      422,
      'EVIDENCE_REJECTED',
      `${rejected.map((r) => r.reason).join('；')}。未保存任何文件。`.replace(/。。/g, '。'),
      rejected,
    );
  }
  return {
    ok: true,
    fields,
    files: received.map((r) => ({ staged: r.staged!, detected: r.detected!, name: r.name })),
  };
}

function tooLarge(name: string, maxBytes: number): RejectedFile {
  return {
    name,
    code: 'FILE_TOO_LARGE',
    reason: `文件“${name}”超过单个文件大小上限 ${formatBytes(maxBytes)}`,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}
