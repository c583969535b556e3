/** The evidence file (佐证材料) types the system can accept, decided by content only. */
export type EvidenceFileType = 'pdf' | 'ofd' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'jpeg' | 'png';

export interface DetectedType {
  type: EvidenceFileType;
  /** The MIME type to store and to send back (never the client's Content-Type). */
  mime: string;
  /** The canonical extension, with its dot (e.g. `.pdf`). */
  extension: string;
  /** A Chinese label for the user (e.g. `PDF 文档`). */
  label: string;
}

/** Limits applied to ZIP containers (OFD, DOCX, XLSX) before they are classified. */
export interface ZipLimits {
  /** Most entries in the central directory (default 10,000). */
  maxEntries: number;
  /** Most declared uncompressed bytes, summed over all entries (default 500 MB). */
  maxTotalUncompressed: number;
  /**
   * Highest declared uncompressed/compressed ratio of one entry (default 200), checked for
   * entries of more than 1 MiB uncompressed.
   */
  maxCompressionRatio: number;
}

export type DetectionFailureCode =
  | 'UNSUPPORTED_TYPE'
  | 'ZIP_TOO_LARGE'
  | 'ZIP_TOO_MANY_ENTRIES'
  | 'ZIP_RATIO'
  | 'ZIP_INVALID'
  | 'CFB_INVALID'
  | 'EMPTY_FILE'
  /** Reserved: a name that contradicts the content is metadata only and never fails. */
  | 'NAME_MISMATCH';

export type DetectionResult =
  | { ok: true; detected: DetectedType }
  | {
      ok: false;
      code: DetectionFailureCode;
      /** A Chinese sentence for the user. */
      reason: string;
    };

export interface DetectFileTypeOptions {
  /** The types accepted here (default: all of `EVIDENCE_FILE_TYPES`). */
  allowed?: readonly EvidenceFileType[];
  zipLimits?: Partial<ZipLimits>;
  /** The client's file name: metadata only, used in the reason when the file is refused. */
  declaredName?: string;
}

export const EVIDENCE_TYPES: Readonly<Record<EvidenceFileType, DetectedType>> = Object.freeze({
  pdf: Object.freeze({
    type: 'pdf',
    mime: 'application/pdf',
    extension: '.pdf',
    label: 'PDF 文档',
  }),
  ofd: Object.freeze({
    type: 'ofd',
    mime: 'application/ofd',
    extension: '.ofd',
    label: 'OFD 版式文档',
  }),
  docx: Object.freeze({
    type: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
    label: 'Word 文档（DOCX）',
  }),
  xlsx: Object.freeze({
    type: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: '.xlsx',
    label: 'Excel 工作簿（XLSX）',
  }),
  doc: Object.freeze({
    type: 'doc',
    mime: 'application/msword',
    extension: '.doc',
    label: 'Word 97-2003 文档（DOC）',
  }),
  xls: Object.freeze({
    type: 'xls',
    mime: 'application/vnd.ms-excel',
    extension: '.xls',
    label: 'Excel 97-2003 工作簿（XLS）',
  }),
  jpeg: Object.freeze({
    type: 'jpeg',
    mime: 'image/jpeg',
    extension: '.jpg',
    label: 'JPEG 图片',
  }),
  png: Object.freeze({
    type: 'png',
    mime: 'image/png',
    extension: '.png',
    label: 'PNG 图片',
  }),
} satisfies Record<EvidenceFileType, DetectedType>);

/** Every evidence type, in a stable order (the default of `allowed`). */
export const EVIDENCE_FILE_TYPES: readonly EvidenceFileType[] = Object.freeze([
  'pdf',
  'ofd',
  'docx',
  'xlsx',
  'doc',
  'xls',
  'jpeg',
  'png',
]);

/**
 * File-name extensions (lower case, with the dot) that claim each type. WPS Office saves its
 * own `.wps`/`.et` files in the same OLE2 formats as Word and Excel.
 */
export const EXTENSIONS_BY_TYPE: Readonly<Record<EvidenceFileType, readonly string[]>> = {
  pdf: ['.pdf'],
  ofd: ['.ofd'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  doc: ['.doc', '.wps'],
  xls: ['.xls', '.et'],
  jpeg: ['.jpg', '.jpeg', '.jpe', '.jfif'],
  png: ['.png'],
};

export const MIB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 10_000,
  maxTotalUncompressed: 500 * MIB,
  maxCompressionRatio: 200,
});

/** Entries at most this large (uncompressed) are exempt from the ratio limit. */
export const RATIO_EXEMPT_BYTES = MIB;
