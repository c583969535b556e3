import {
  parsePublicKeys,
  SignatureFormatError,
  verifyPack,
  verifySignedJson,
  type PublicKeyRecord,
} from '@duty/api/evidence-pack';
import { createHash } from 'node:crypto';
import { access, open, readFile } from 'node:fs/promises';

export const USAGE =
  'Usage: npm run evidence:verify -- [--public-key <duty-signing-keys.json | key.pem>] <pack.zip | result-set.json | report.pdf report.sig.json>';
const KIND_ZH = {
  missing: '缺少文件',
  mismatch: '哈希不符',
  size: '大小不符',
  extra: '清单外文件',
  manifest: '清单问题',
  signature: '签名无效',
} as const;
const UNAVAILABLE_ZH = { missing: '未收录（存储缺失）', corrupt: '未收录（存储损坏）' } as const;

interface Arguments {
  file: string;
  /** A detached signature of `file` (e.g. a PDF report's `.sig.json`). */
  signatureFile: string | null;
  publicKeyFile: string | null;
}

/** The arguments, or a usage problem (a string). */
function parseArguments(args: string[]): Arguments | string {
  let publicKeyFile: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--public-key') {
      if (i + 1 >= args.length) return '--public-key needs a file';
      publicKeyFile = args[++i];
    } else if (arg.startsWith('--public-key=')) {
      publicKeyFile = arg.slice('--public-key='.length);
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else positional.push(arg);
  }
  if (positional.length < 1 || positional.length > 2) {
    return 'give one pack or result set, or a file and its detached signature (.sig.json)';
  }
  return { file: positional[0], signatureFile: positional[1] ?? null, publicKeyFile };
}

/**
 * npm run evidence:verify -- [--public-key keys.json] pack.zip — re-hashes every file of an
 * evidence pack against its manifest.csv (and the manifests against manifest.sha256); with
 * `--public-key` (the server's /.well-known/duty-signing-keys.json saved to disk, or a PEM public
 * key), also checks the pack's signature over manifest.sha256: a missing signature, a key id
 * not among the keys given, or a signature that does not match (a file changed and the
 * manifests rebuilt) fails. A signed result set (`.json`) is checked the same way and needs
 * `--public-key`; so does a file with its detached signature (`report.pdf report.sig.json`:
 * a signed JSON document naming the file's SHA-256, as the server sends with a PDF report). Exit 0: OK; 1: a problem; 2: a usage or key file error. Needs no database.
 */
export async function runEvidenceVerify(
  args: string[],
  out: (text: string) => void,
): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    out(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  await access(parsed.file);
  let publicKeys: PublicKeyRecord[] | undefined;
  if (parsed.publicKeyFile !== null) {
    try {
      publicKeys = parsePublicKeys(await readFile(parsed.publicKeyFile, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      out(`公钥文件无法读取 / cannot read --public-key ${parsed.publicKeyFile}: ${reason}\n`);
      return 2;
    }
  }
  if (parsed.signatureFile !== null) {
    return verifyDetached(parsed.file, parsed.signatureFile, publicKeys, out);
  }
  if (await isJson(parsed.file)) return verifyResultSet(parsed.file, publicKeys, out);
  return verifyPackFile(parsed.file, publicKeys, out);
}

async function verifyPackFile(
  file: string,
  publicKeys: PublicKeyRecord[] | undefined,
  out: (text: string) => void,
): Promise<number> {
  const report = await verifyPack(file, { publicKeys });
  for (const p of report.problems) out(`${KIND_ZH[p.kind]}\t${p.path}\t${p.detail}\n`);
  for (const u of report.unavailable) {
    out(`${UNAVAILABLE_ZH[u.problem]}\t${u.path}\t${u.detail}\n`);
  }
  const { signature } = report;
  if (signature.status === 'valid') out(`签名有效 / signature valid\t${signature.detail}\n`);
  else if (publicKeys === undefined) {
    const what =
      signature.status === 'unchecked'
        ? `signed by key ${signature.kid} (${signature.alg})`
        : signature.detail;
    out(
      `签名未校验 / signature not checked\t${what}; give --public-key <duty-signing-keys.json> to check it\n`,
    );
  }
  const listed = report.unavailable.length
    ? `, ${report.unavailable.length} file(s) not included (listed in problems.csv)`
    : '';
  out(
    `${file}: ${report.checked} file(s) checked, ${report.problems.length} problem(s)${listed}, manifest sha256 ${report.manifestSha256 ?? '-'} — ${report.ok ? 'OK' : 'FAILED'}.\n`,
  );
  return report.ok ? 0 : 1;
}

async function verifyResultSet(
  file: string,
  publicKeys: PublicKeyRecord[] | undefined,
  out: (text: string) => void,
): Promise<number> {
  if (publicKeys === undefined) {
    out(`a result set is checked by its signature only: give --public-key\n${USAGE}\n`);
    return 2;
  }
  let result: ReturnType<typeof verifySignedJson>;
  try {
    result = verifySignedJson(await readFile(file, 'utf8'), publicKeys);
  } catch (error) {
    if (!(error instanceof SignatureFormatError)) throw error;
    out(`签名无效\t${file}\t${error.message}\n${file}: FAILED.\n`);
    return 1;
  }
  const { check, signature } = result;
  if (check === null || signature === null) {
    out(`签名无效\t${file}\tthe result set carries no signature\n${file}: FAILED.\n`);
    return 1;
  }
  if (check.status !== 'valid') {
    out(`签名无效\t${file}\t${check.detail}\n${file}: FAILED.\n`);
    return 1;
  }
  out(`签名有效 / signature valid\t${check.detail}\n${file}: result set — OK.\n`);
  return 0;
}

/**
 * A file against its detached signature: the signed JSON document must be valid (by a key
 * given) and name the file's SHA-256 (and size, when it says one).
 */
async function verifyDetached(
  file: string,
  signatureFile: string,
  publicKeys: PublicKeyRecord[] | undefined,
  out: (text: string) => void,
): Promise<number> {
  if (publicKeys === undefined) {
    out(`a detached signature is checked against the public keys: give --public-key\n${USAGE}\n`);
    return 2;
  }
  const fail = (detail: string) => {
    out(`签名无效\t${file}\t${detail}\n${file}: FAILED.\n`);
    return 1;
  };
  let result: ReturnType<typeof verifySignedJson>;
  try {
    result = verifySignedJson(await readFile(signatureFile, 'utf8'), publicKeys);
  } catch (error) {
    if (!(error instanceof SignatureFormatError)) throw error;
    return fail(`${signatureFile}: ${error.message}`);
  }
  const { check, document } = result;
  if (check === null) return fail(`${signatureFile} carries no signature`);
  if (check.status !== 'valid') return fail(`${signatureFile}: ${check.detail}`);
  const signed = (document ?? {}) as { format?: unknown; sha256?: unknown; bytes?: unknown };
  if (typeof signed.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(signed.sha256)) {
    return fail(`${signatureFile} is not a detached signature (its document names no sha256)`);
  }
  const data = await readFile(file);
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== signed.sha256) {
    return fail(
      `SHA-256 ${actual} is not the signed ${signed.sha256}: the file was changed or is another one`,
    );
  }
  if (typeof signed.bytes === 'number' && signed.bytes !== data.length) {
    return fail(`${data.length} bytes, signed ${signed.bytes}`);
  }
  out(
    `签名有效 / signature valid\t${check.detail}\n${file}: ${String(signed.format ?? 'signed file')}, SHA-256 ${actual} — OK.\n`,
  );
  return 0;
}

/** A result set is JSON (its first non-blank byte is `{`); a pack is a ZIP. */
async function isJson(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^\uFEFF?\s*\{/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
