/**
 * Tamper-evident records: the hash chains over task history, the security audit log, evidence
 * rows and frozen assessment results. The backup tool records `exportChainHeads` (inside its
 * snapshot transaction) and checks a restore with `verifyChainsIn` and `compareChainHeads`.
 */
export { CHAINS, GENESIS_HASH, canonicalSql } from './chains';
export type { ChainDefinition } from './chains';
export { describeBreak, linkHash, verifyChain, verifyChains, verifyChainsIn } from './chain-verify';
export type {
  ChainBreak,
  ChainProblem,
  ChainResult,
  SqlClient,
  VerificationReport,
} from './chain-verify';
export { compareChainHeads, exportChainHeads, readChainHeads } from './chain-heads';
export type { ChainHead } from './chain-heads';
export { checkChains, latestChainRun } from './chain-check';
export type { ChainRun } from './chain-check';
