export type { PackEntry, PackEntryMetadata, PackEntryProblem, PackEntryProblemKind } from './types';
export {
  LEGACY_MANIFEST_COLUMNS,
  MANIFEST_COLUMNS,
  MANIFEST_FILE_NAME,
  MANIFEST_CHECKSUM_FILE_NAME,
  PACK_FORMAT,
  PACK_INFO_FILE_NAME,
  SIGNATURE_FILE_NAME,
  ManifestFormatError,
  manifestCsv,
  neutraliseFormula,
  parseManifestCsv,
  restoreFormula,
} from './manifest';
export { formatCsvField, formatCsvRecord } from './csv';
export {
  DEFAULT_SEGMENT_MAX_LENGTH,
  packPathProblem,
  packSegment,
  uniquePackPaths,
} from './pack-paths';
export {
  LEGACY_PROBLEMS_COLUMNS,
  PROBLEM_KIND_LABELS,
  PROBLEMS_COLUMNS,
  PROBLEMS_FILE_NAME,
  parseProblemsCsv,
  problemsCsv,
  type PackProblemRow,
} from './problems';
export { PackEntryError } from './errors';
export { writePack, type WritePackOptions, type WritePackResult } from './write-pack';
export {
  verifyPack,
  type SignatureReport,
  type VerifyOptions,
  type VerifyProblem,
  type VerifyReport,
} from './verify-pack';
export {
  algorithmOf,
  algorithmUnavailable,
  canonicalJson,
  checkSignature,
  generateSigningKey,
  keyIdOf,
  parsePublicKeys,
  parseSignatureRecord,
  publicKeysDocument,
  PUBLIC_KEYS_FORMAT,
  PUBLIC_KEYS_PATH,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_FORMAT,
  SignatureFormatError,
  signerOf,
  signJson,
  signatureRecord,
  verifySignedJson,
  type PublicKeyJson,
  type PublicKeyRecord,
  type SignatureAlgorithm,
  type SignatureCheck,
  type SignatureRecord,
  type Signer,
  type SignedJson,
} from './signature';
