import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

/** busboy's limits for one upload form. */
export interface MultipartLimits {
  fileSize: number;
  files: number;
  fields: number;
  fieldSize: number;
  parts: number;
}

export interface MultipartForm<Field extends string> {
  /** The named fields the form sent (others are ignored). */
  fields: Partial<Record<Field, string>>;
  /** More file parts than `limits.files`. */
  tooManyFiles: boolean;
  /** More fields or parts than allowed, or a field value longer than `limits.fieldSize`. */
  tooManyFields: boolean;
}

/** The client went away mid-upload: nobody is left to answer. */
export class UploadAbortedError extends Error {
  constructor() {
    super('client aborted the upload');
  }
}

/**
 * Reads a multipart/form-data body with busboy, the one way every upload (evidence, regulation
 * files) does it: the `fieldNames` fields are kept, file parts with a file name go to `onFile`
 * (an empty file input, sent without a name, is drained here), and the limits are reported as
 * flags for the caller to refuse in its own words. File names are read as UTF-8 (browsers send
 * names like 条例.docx unencoded).
 *
 * Resolves once the whole body is read (`onFile` must consume each stream); rejects with
 * {@link UploadAbortedError} when the client went away, or with busboy's error for a broken
 * body (e.g. raw control characters in a part header).
 */
export function readMultipartForm<Field extends string>(
  req: IncomingMessage,
  options: {
    fieldNames: ReadonlySet<Field>;
    limits: MultipartLimits;
    onFile: (field: string, stream: Readable & { truncated?: boolean }, fileName: string) => void;
  },
): Promise<MultipartForm<Field>> {
  const form: MultipartForm<Field> = { fields: {}, tooManyFiles: false, tooManyFields: false };
  let aborted = false;
  const parser = busboy({
    headers: req.headers,
    defParamCharset: 'utf8',
    limits: { ...options.limits, headerPairs: 50 },
  });
  const done = new Promise<MultipartForm<Field>>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (!info.filename) {
        stream.resume(); // an empty file input: nothing chosen
        return;
      }
      options.onFile(field, stream, info.filename);
    });
    parser.on('field', (key, value, info) => {
      if (info.valueTruncated) form.tooManyFields = true;
      if (options.fieldNames.has(key as Field)) form.fields[key as Field] = value;
    });
    parser.on('filesLimit', () => (form.tooManyFiles = true));
    parser.on('fieldsLimit', () => (form.tooManyFields = true));
    parser.on('partsLimit', () => (form.tooManyFields = true));
    parser.on('close', () => resolve(form));
    parser.on('error', (error: Error) => reject(aborted ? new UploadAbortedError() : error));
    // A client that goes away mid-upload: stop parsing; an active file stream errors.
    req.on('aborted', () => {
      aborted = true;
      parser.destroy(new UploadAbortedError());
    });
    req.on('error', (error) => parser.destroy(error));
  });
  req.pipe(parser);
  return done;
}
