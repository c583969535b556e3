import {
  algorithmOf,
  parsePublicKeys,
  publicKeysDocument,
  signerOf,
  generateSigningKey,
  type PublicKeyRecord,
  type Signer,
} from '@duty/api/evidence-pack';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { ensurePrivateDirectory } from '../common/private-directory';

/** Nest injection token for the loaded SigningKeys. */
export const SIGNING_KEYS = Symbol('SIGNING_KEYS');

/** A signing key file that cannot be used: the server does not start (the message says why). */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/**
 * The server's signing key and the public keys it publishes. The private key lives in
 * SIGNING_KEY_FILE (PKCS#8 PEM, outside the database, mode 0600), generated at the first start;
 * its public key is copied to SIGNING_PUBLIC_KEYS_DIR as `<kid>.pem`, where the public keys of
 * earlier keys stay after a rotation, so that packs they signed still verify. The private key
 * is held in a closure (Signer), never logged and never served.
 */
export class SigningKeys {
  private constructor(
    readonly signer: Signer,
    private readonly keys: readonly PublicKeyRecord[],
  ) {}

  /** Every published key (the current one first), as served at the well-known URL. */
  get publicKeys(): readonly PublicKeyRecord[] {
    return this.keys;
  }

  document(): ReturnType<typeof publicKeysDocument> {
    return publicKeysDocument(this.keys);
  }

  static async load(config: AppConfig['signing'], logger?: Logger): Promise<SigningKeys> {
    const { privateKey, generated } = await loadOrCreatePrivateKey(config);
    const alg = algorithmOf(privateKey);
    if (alg === null) {
      throw new SigningKeyError(
        `SIGNING_KEY_FILE ${config.keyFile} holds neither an Ed25519 nor an SM2 private key`,
      );
    }
    if (alg !== config.algorithm) {
      throw new SigningKeyError(
        `SIGNING_KEY_FILE ${config.keyFile} holds an ${alg} key, SIGNING_ALGORITHM asks for ${config.algorithm}: set SIGNING_ALGORITHM to match, or rotate the key (README, "Signed packs and result sets")`,
      );
    }
    const signer = signerOf(privateKey);
    const publicKey = createPublicKey(privateKey);
    await publish(config.publicKeysDir, signer.kid, publicKey);
    const keys = await readPublished(config.publicKeysDir, signer.kid, logger);
    logger?.info(
      { kid: signer.kid, alg, keyFile: config.keyFile, publicKeys: keys.length },
      generated ? 'Signing key generated' : 'Signing key loaded',
    );
    return new SigningKeys(signer, keys);
  }
}

async function loadOrCreatePrivateKey(
  config: AppConfig['signing'],
): Promise<{ privateKey: KeyObject; generated: boolean }> {
  const file = config.keyFile;
  const existing = await readPrivateKey(file);
  if (existing !== null) return { privateKey: existing, generated: false };
  await ensurePrivateDirectory(path.dirname(file));
  const { privateKey } = generateSigningKey(config.algorithm);
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    // wx: two servers starting on one data directory: one writes, both use the winner's key.
    await writeFile(file, pem, { flag: 'wx', mode: 0o600 });
    await chmod(file, 0o600); // whatever the umask
    return { privateKey, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readPrivateKey(file);
    if (winner === null) throw error;
    return { privateKey: winner, generated: false };
  }
}

/** The private key in `file`, or null when there is no such file. */
async function readPrivateKey(file: string): Promise<KeyObject | null> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((mode & 0o077) !== 0) {
    throw new SigningKeyError(
      `SIGNING_KEY_FILE ${file} may be read by other users (mode ${(mode & 0o777).toString(8)}); make it 0600 (chmod 600) and owned by the server's user`,
    );
  }
  const pem = await readFile(file, 'utf8');
  try {
    return createPrivateKey(pem);
  } catch {
    // The reason OpenSSL gives could quote the file; say only what is wrong.
    throw new SigningKeyError(
      `SIGNING_KEY_FILE ${file} is not an unencrypted PKCS#8 PEM private key`,
    );
  }
}

/** Writes `<kid>.pem` unless it is there already. */
async function publish(dir: string, kid: string, publicKey: KeyObject): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  try {
    await writeFile(path.join(dir, `${kid}.pem`), pem, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Every `*.pem` public key in `dir`; the current key first. Unreadable files are refused. */
async function readPublished(
  dir: string,
  currentKid: string,
  logger?: Logger,
): Promise<PublicKeyRecord[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pem')).sort();
  const byKid = new Map<string, PublicKeyRecord>();
  for (const name of names) {
    let records: PublicKeyRecord[];
    try {
      records = parsePublicKeys(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      throw new SigningKeyError(
        `SIGNING_PUBLIC_KEYS_DIR ${dir}: ${name} is not a public key: ${(error as Error).message}`,
      );
    }
    for (const record of records) {
      if (name !== `${record.kid}.pem`) {
        logger?.warn({ file: name, kid: record.kid }, 'Public key file not named <kid>.pem');
      }
      byKid.set(record.kid, {
        ...record,
        status: record.kid === currentKid ? 'current' : 'retired',
      });
    }
  }
  const current = byKid.get(currentKid);
  if (current === undefined) throw new SigningKeyError(`${dir}: the current key is missing`);
  return [current, ...[...byKid.values()].filter((k) => k.kid !== currentKid)];
}
