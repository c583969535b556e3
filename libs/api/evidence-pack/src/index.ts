export type { PackEntry, PackEntryMetadata } from './types';
export {
  MANIFEST_COLUMNS,
  MANIFEST_FILE_NAME,
  MANIFEST_CHECKSUM_FILE_NAME,
  ManifestFormatError,
  manifestCsv,
  parseManifestCsv,
} from './manifest';
export {
  DEFAULT_SEGMENT_MAX_LENGTH,
  packPathProblem,
  packSegment,
  uniquePackPaths,
} from './pack-paths';
export { PackEntryError } from './errors';
export { writePack, type WritePackOptions, type WritePackResult } from './write-pack';
export { verifyPack, type VerifyProblem, type VerifyReport } from './verify-pack';
