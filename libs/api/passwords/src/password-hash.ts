import { BinaryLike, randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { HashJobOptions, HashScheduler, PasswordHashQueueFullError } from './hash-scheduler';

// promisify() types the overload without options; the callback API with options is the same.
const scryptAsync = promisify(scrypt) as (
  password: BinaryLike,
  salt: BinaryLike,
  keyLength: number,
  options: ScryptOptions,
) => Promise<Buffer>;

/**
 * Password hashing with scrypt (RFC 7914), a memory-hard key derivation function, from
 * node:crypto. A stored hash describes itself:
 *
 *   scrypt$<log2 N>$<r>$<p>$<salt, base64>$<derived key, base64>
 *
 * e.g. `scrypt$15$8$1$…$…`, so the cost can be raised later without losing old hashes
 * (see {@link needsRehash}). The work runs on libuv's thread pool (async scrypt), never on
 * the event loop, and every call waits its turn in one scheduler per process (see
 * {@link configurePasswordHashing} and ./hash-scheduler.ts).
 */

/** Identifies the algorithm in a stored hash. */
export const PASSWORD_HASH_ALGORITHM = 'scrypt';
/** Default CPU/memory cost: N = 2^15, i.e. 32 MiB of memory per hash with r = 8. */
export const DEFAULT_COST_LOG2 = 15;
/** Lowest cost accepted, for tests and development only; production uses the default or more. */
export const MIN_COST_LOG2 = 10;
/** Highest cost accepted (N = 2^20). */
export const MAX_COST_LOG2 = 20;
/** scrypt block size r. */
export const SCRYPT_BLOCK_SIZE = 8;
/** scrypt parallelisation p. */
export const SCRYPT_PARALLELIZATION = 1;
/** Bytes of random salt per hash. */
export const SALT_BYTES = 16;
/** Bytes of derived key per hash. */
export const KEY_BYTES = 32;
/**
 * Longest password, in UTF-8 bytes, that is hashed or verified at all. The policy allows 128
 * code points (at most 512 bytes); this bound only keeps absurd inputs away from scrypt.
 */
export const MAX_PASSWORD_BYTES = 1024;

/** Stored hashes whose scrypt would need more memory than this are refused (not verified). */
const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_STORED_HASH_LENGTH = 512;
const MIN_ENCODED_BYTES = 16;
const MAX_ENCODED_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SMALL_POSITIVE_INTEGER = /^[1-9][0-9]{0,2}$/;
const LONE_SURROGATE = /\p{Cs}/u;

/** Hashes running at once unless {@link configurePasswordHashing} says otherwise. */
export const DEFAULT_HASH_CONCURRENCY = 2;
/** Hashes allowed to wait unless {@link configurePasswordHashing} says otherwise. */
export const DEFAULT_HASH_MAX_QUEUED = 1000;

/** The process's one scheduler: all scrypt work of this module goes through it. */
export const passwordHashScheduler = new HashScheduler({
  concurrency: DEFAULT_HASH_CONCURRENCY,
  maxQueued: DEFAULT_HASH_MAX_QUEUED,
});

/**
 * Sets the global bound on password hashing: how many scrypt calls run at once (each holds
 * 32 MiB and one thread of libuv's pool, whose default size is 4) and how many may wait.
 * Call it once at start-up from the configuration.
 */
export function configurePasswordHashing(options: {
  concurrency?: number;
  maxQueued?: number;
}): void {
  passwordHashScheduler.configure(options);
}

/** Where a hash waits for its turn (see ./hash-scheduler.ts); default: one shared key. */
export interface ScheduleOptions {
  schedule?: HashJobOptions;
}

export interface HashPasswordOptions extends ScheduleOptions {
  /** log2 of scrypt's N; defaults to {@link DEFAULT_COST_LOG2}. */
  costLog2?: number;
}

interface ScryptParameters {
  costLog2: number;
  blockSize: number;
  parallelization: number;
}

interface ParsedPasswordHash extends ScryptParameters {
  salt: Buffer;
  key: Buffer;
}

/**
 * Hashes a password for storage. The password is normalised to Unicode NFC first (the same
 * password typed on two systems can arrive composed or decomposed); it is not trimmed.
 *
 * @throws RangeError when `costLog2` is outside {@link MIN_COST_LOG2}..{@link MAX_COST_LOG2}.
 * @throws TypeError when the password is not a well-formed string of at most
 *   {@link MAX_PASSWORD_BYTES} UTF-8 bytes.
 * @throws PasswordHashQueueFullError when too many hashes wait.
 */
export async function hashPassword(
  password: string,
  options: HashPasswordOptions = {},
): Promise<string> {
  const costLog2 = checkedCostLog2(options.costLog2 ?? DEFAULT_COST_LOG2);
  const input = passwordBytes(password);
  if (!input) {
    throw new TypeError(
      `The password must be a well-formed string of at most ${MAX_PASSWORD_BYTES} UTF-8 bytes.`,
    );
  }
  const parameters: ScryptParameters = {
    costLog2,
    blockSize: SCRYPT_BLOCK_SIZE,
    parallelization: SCRYPT_PARALLELIZATION,
  };
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(input, salt, KEY_BYTES, parameters, options.schedule);
  return [
    PASSWORD_HASH_ALGORITHM,
    costLog2,
    parameters.blockSize,
    parameters.parallelization,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/**
 * Checks a password against a stored hash in constant time (timingSafeEqual). Returns false
 * for a wrong password, a malformed or unsupported stored string, or a password that
 * {@link hashPassword} would refuse.
 *
 * @throws PasswordHashQueueFullError when too many hashes wait (nothing was checked: not a
 *   wrong password); nothing else.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  options: ScheduleOptions = {},
): Promise<boolean> {
  try {
    const parsed = parsePasswordHash(stored);
    const input = passwordBytes(password);
    if (!parsed || !input) return false;
    const key = await deriveKey(input, parsed.salt, parsed.key.length, parsed, options.schedule);
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  } catch (error) {
    if (error instanceof PasswordHashQueueFullError) throw error;
    return false;
  }
}

/**
 * True when a stored hash should be replaced (after a successful sign-in, while the plain
 * password is at hand): it is malformed, or its parameters differ from what
 * {@link hashPassword} produces at `costLog2` (N, r, p, salt or key length). A cost lowered on
 * purpose is followed downwards too.
 *
 * @throws RangeError when `costLog2` is outside {@link MIN_COST_LOG2}..{@link MAX_COST_LOG2}.
 */
export function needsRehash(stored: string, costLog2: number = DEFAULT_COST_LOG2): boolean {
  const wanted = checkedCostLog2(costLog2);
  const parsed = parsePasswordHash(stored);
  return (
    !parsed ||
    parsed.costLog2 !== wanted ||
    parsed.blockSize !== SCRYPT_BLOCK_SIZE ||
    parsed.parallelization !== SCRYPT_PARALLELIZATION ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.key.length !== KEY_BYTES
  );
}

/**
 * A valid hash, at the default cost, of a random password nobody knows (it was thrown away
 * when this constant was made). Verify against it when the username is unknown, so that the
 * answer takes as long as for a known user: {@link verifyAgainstDummy} does that.
 */
export const DUMMY_HASH =
  'scrypt$15$8$1$5w5Sy5ohvOrJ2M6dtgh6Iw==$4bHEEiMFdbFBTA6+qJnA/yxdKdA7auBVl3QlDcVQiNw=';

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Does the work of {@link verifyPassword} against {@link DUMMY_HASH} (or, for another
 * `costLog2`, against a dummy hash of that cost, made once per process) and resolves to false.
 * Sign-in calls it when no user has the given username:
 *
 *   const ok = user ? await verifyPassword(password, user.passwordHash)
 *                   : await verifyAgainstDummy(password);
 */
export async function verifyAgainstDummy(
  password: string,
  options: HashPasswordOptions = {},
): Promise<false> {
  const costLog2 = options.costLog2 ?? DEFAULT_COST_LOG2;
  let dummy = DUMMY_HASH;
  if (costLog2 !== DEFAULT_COST_LOG2) {
    let made = dummyHashes.get(costLog2);
    if (!made) {
      made = hashPassword(randomBytes(32).toString('base64'), { costLog2 });
      // A refused attempt to make it (queue full) must not stay cached.
      made.catch(() => dummyHashes.delete(costLog2));
      dummyHashes.set(costLog2, made);
    }
    dummy = await made;
  }
  await verifyPassword(password, dummy, options);
  return false;
}

function checkedCostLog2(costLog2: number): number {
  if (!Number.isInteger(costLog2) || costLog2 < MIN_COST_LOG2 || costLog2 > MAX_COST_LOG2) {
    throw new RangeError(
      `costLog2 must be an integer from ${MIN_COST_LOG2} to ${MAX_COST_LOG2}, got ${costLog2}.`,
    );
  }
  return costLog2;
}

/** The UTF-8 bytes of the NFC-normalised password, or null when it is not acceptable input. */
function passwordBytes(password: unknown): Buffer | null {
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_BYTES) return null;
  // A lone surrogate would be encoded as U+FFFD, so different strings would share a hash.
  if (LONE_SURROGATE.test(password)) return null;
  const bytes = Buffer.from(password.normalize('NFC'), 'utf8');
  return bytes.length <= MAX_PASSWORD_BYTES ? bytes : null;
}

function parsePasswordHash(stored: unknown): ParsedPasswordHash | null {
  if (typeof stored !== 'string' || stored.length > MAX_STORED_HASH_LENGTH) return null;
  const parts = stored.split('$');
  if (parts.length !== 6) return null;
  const [algorithm, costText, blockText, parallelText, saltText, keyText] = parts;
  if (algorithm !== PASSWORD_HASH_ALGORITHM) return null;
  const costLog2 = smallInteger(costText);
  const blockSize = smallInteger(blockText);
  const parallelization = smallInteger(parallelText);
  if (costLog2 === null || blockSize === null || parallelization === null) return null;
  if (costLog2 < MIN_COST_LOG2 || costLog2 > MAX_COST_LOG2) return null;
  if (blockSize > 32 || parallelization > 16) return null;
  if (scryptMemory({ costLog2, blockSize, parallelization }) > MAX_SCRYPT_MEMORY_BYTES) {
    return null;
  }
  const salt = decodeBase64(saltText);
  const key = decodeBase64(keyText);
  if (!salt || !key) return null;
  return { costLog2, blockSize, parallelization, salt, key };
}

function smallInteger(text: string | undefined): number | null {
  return text !== undefined && SMALL_POSITIVE_INTEGER.test(text) ? Number(text) : null;
}

/** Strict base64: canonical encoding only, and a sane length for a salt or a key. */
function decodeBase64(text: string | undefined): Buffer | null {
  if (text === undefined || !BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  return bytes.length >= MIN_ENCODED_BYTES && bytes.length <= MAX_ENCODED_BYTES ? bytes : null;
}

/** Memory OpenSSL's scrypt allocates: 128·r·p for B plus 128·r·(N + 2) for V (and XY). */
function scryptMemory({ costLog2, blockSize, parallelization }: ScryptParameters): number {
  return 128 * blockSize * (2 ** costLog2 + 2 + parallelization);
}

function deriveKey(
  password: Buffer,
  salt: Buffer,
  keyLength: number,
  parameters: ScryptParameters,
  schedule?: HashJobOptions,
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** parameters.costLog2,
    r: parameters.blockSize,
    p: parameters.parallelization,
    // Node's default maxmem (32 MiB) is just below what N = 2^15, r = 8 needs.
    maxmem: scryptMemory(parameters),
  };
  return passwordHashScheduler.run(() => scryptAsync(password, salt, keyLength, options), schedule);
}
