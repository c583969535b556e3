import type { IncomingMessage } from 'node:http';
import { MultipartForm, readMultipartForm, UploadAbortedError } from '../common/multipart-form';

/** The form fields of a regulation upload besides the file. */
export interface RegulationUploadFields {
  code?: string;
  status?: string;
  effectiveDate?: string;
  coordinatingDepartment?: string;
  confirmTitleChange?: string;
  /** The owning province (XX0000) of a new regulation; empty: national (system administrators). */
  ownerProvinceCode?: string;
}

const FIELD_NAMES = new Set<keyof RegulationUploadFields>([
  'code',
  'status',
  'effectiveDate',
  'coordinatingDepartment',
  'confirmTitleChange',
  'ownerProvinceCode',
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
  const files: Array<{ name: string; chunks: Buffer[]; size: number; truncated: boolean }> = [];
  let form: MultipartForm<keyof RegulationUploadFields>;
  try {
    form = await readMultipartForm(req, {
      fieldNames: FIELD_NAMES,
      limits: { fileSize: maxFileBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
      onFile: (field, stream, name) => {
        if (field !== 'file') {
          stream.resume();
          return;
        }
        const file = { name, chunks: [] as Buffer[], size: 0, truncated: false };
        files.push(file);
        stream.on('data', (chunk: Buffer) => {
          file.chunks.push(chunk);
          file.size += chunk.length;
        });
        stream.on('limit', () => (file.truncated = true));
      },
    });
  } catch (error) {
    if (error instanceof UploadAbortedError) throw error;
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: `上传表单格式不正确（${(error as Error).message}），未导入任何内容。`,
    };
  }
  const { fields, tooManyFiles, tooManyFields } = form;
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
