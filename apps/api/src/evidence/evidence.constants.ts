/** Nest injection token for the EvidenceStore (local directory today, S3-compatible later). */
export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');
