export { detectFileType } from './detect';
export { sanitizeFileName, FALLBACK_FILE_NAME, DEFAULT_FILE_NAME_MAX_LENGTH } from './file-name';
export {
  DEFAULT_ZIP_LIMITS,
  EVIDENCE_FILE_TYPES,
  EVIDENCE_TYPES,
  EXTENSIONS_BY_TYPE,
  type DetectedType,
  type DetectFileTypeOptions,
  type DetectionFailureCode,
  type DetectionResult,
  type EvidenceFileType,
  type ZipLimits,
} from './types';
export { samplePdf } from './sample-pdf';
