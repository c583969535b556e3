import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';

/** The form fields of a regulation upload besides the file. */
export interface RegulationUploadFields {
  code?: string;
  status?: string;
  effectiveDate?: string;
  coordinatingDepartment?: string;
  confirmTitleChange?: string;
}

const FIELD_NAMES = new Set<keyof RegulationUploadFields>([
  'code',
  'status',
  'effectiveDate',
  'coordinatingDepartment',
  'confirmTitleChange',
]);

export type RegulationUploadResult =
  | { ok: true; fileName: string; bytes: Buffer; fields: RegulationUploadFields }
  | { ok: false; status: number; code: string; message: string };

/**
 * Reads a multipart/form-data regulation upload into memory: one `file` part (a regulation is
 * at most a few megabytes; the limit bounds memory) and the fields. More than one file, an
 * oversized file or field, or a broken body is refused; nothing is kept either way, the caller
 * only ever gets the bytes.
 *
 * @throws when the client went away mid-upload (nobody is left to answer)
 */
export async function receiveRegulationUpload(
  req: IncomingMessage,
  maxFileBytes: number,
): Promise<RegulationUploadResult> {
  const fields: Record<string, string> = {};
  const files: Array<{ name: string; chunks: Buffer[]; size: number; truncated: boolean }> = [];
  let tooManyFiles = false;
  let tooManyFields = false;
  let aborted = false;

  const parser = busboy({
    headers: req.headers,
    defParamCharset: 'utf8', // browsers send UTF-8 file names (e.g. 条例.docx) unencoded
    limits: {
      fileSize: maxFileBytes,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 12,
      headerPairs: 50,
    },
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || !info.filename) {
        stream.resume();
        return;
      }
      const file = { name: info.filename, chunks: [] as Buffer[], size: 0, truncated: false };
      files.push(file);
      stream.on('data', (chunk: Buffer) => {
        file.chunks.push(chunk);
        file.size += chunk.length;
      });
      stream.on('limit', () => (file.truncated = true));
    });
    parser.on('field', (key, value, info) => {
      if (info.valueTruncated) tooManyFields = true;
      if (FIELD_NAMES.has(key as keyof RegulationUploadFields)) fields[key] = value;
    });
    parser.on('filesLimit', () => (tooManyFiles = true));
    parser.on('fieldsLimit', () => (tooManyFields = true));
    parser.on('partsLimit', () => (tooManyFields = true));
    parser.on('close', resolve);
    parser.on('error', reject);
    req.on('aborted', () => {
      aborted = true;
      parser.destroy(new Error('client aborted the upload'));
    });
    req.on('error', (error) => parser.destroy(error));
  });
  req.pipe(parser);

  try {
    await done;
  } catch (error) {
    if (aborted) throw error;
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: `上传表单格式不正确（${(error as Error).message}），未导入任何内容。`,
    };
  }
  if (tooManyFiles) {
    return { ok: false, status: 400, code: 'BAD_REQUEST', message: '一次只能上传一个法规文件。' };
  }
  if (tooManyFields) {
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: '表单字段过多或过长，未导入任何内容。',
    };
  }
  const [file] = files;
  if (!file) {
    return {
      ok: false,
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '请选择要导入的法规文件（.docx 或 .txt）。',
    };
  }
  if (file.truncated) {
    return {
      ok: false,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `文件“${file.name}”超过 ${Math.round(maxFileBytes / 1024 / 1024)} MB 上限，未导入。`,
    };
  }
  if (file.size === 0) {
    return {
      ok: false,
      status: 400,
      code: 'VALIDATION_FAILED',
      message: `文件“${file.name}”是空文件，未导入。`,
    };
  }
  return { ok: true, fileName: file.name, bytes: Buffer.concat(file.chunks), fields };
}
