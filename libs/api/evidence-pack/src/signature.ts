import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  getCurves,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Signatures of sealed evidence packs and frozen result sets: Ed25519 (RFC 8032), or SM2 with
 * SM3 (GB/T 32918, GB/T 32905) where the platform's OpenSSL offers the SM2 curve. A signature
 * is over bytes (a pack's manifest.sha256, a result set's canonical JSON), made with the
 * server's private key and checked offline against its published public key, named by a key
 * id (the first 16 hex digits of the SHA-256 of the public key's SubjectPublicKeyInfo DER).
 */
export type SignatureAlgorithm = 'Ed25519' | 'SM2';
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['Ed25519', 'SM2'];

/** What signs: the algorithm, the key id, and a function of the bytes. Never exposes the key. */
export interface Signer {
  readonly alg: SignatureAlgorithm;
  readonly kid: string;
  sign(data: Buffer): Buffer;
}

/** A published public key. */
export interface PublicKeyRecord {
  kid: string;
  alg: SignatureAlgorithm;
  publicKey: KeyObject;
  /** `current` signs new packs; `retired` keys only verify what they signed before a rotation. */
  status?: 'current' | 'retired';
}

/** The signature record (manifest.sig.json in a pack, `signature` in a result set). */
export interface SignatureRecord {
  format: typeof SIGNATURE_FORMAT;
  alg: SignatureAlgorithm;
  kid: string;
  /** What was signed: a file name in the pack, or `document` for a result set. */
  signed: string;
  /** SHA-256 of the signed bytes (informative: lets a reader see what the signature is about). */
  signedSha256: string;
  signedAt: string;
  /** The signature, base64 (Ed25519: 64 bytes; SM2: DER-encoded r and s). */
  signature: string;
}

export const SIGNATURE_FORMAT = 'duty-signature/1';
/** Format of the well-known public key document. */
export const PUBLIC_KEYS_FORMAT = 'duty-signing-keys/1';
/** Where the server publishes its public keys (unauthenticated). */
export const PUBLIC_KEYS_PATH = '/.well-known/duty-signing-keys.json';

/** DER of the SM2 curve's OID 1.2.156.10197.1.301, as it appears in an SM2 key's SPKI. */
const SM2_OID_DER = Buffer.from('06082a811ccf5501822d', 'hex');

/** A signature, a key file or a key document that cannot be read. */
export class SignatureFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignatureFormatError';
  }
}

/**
 * Why `alg` cannot be used on this platform, or null when it can. SM2 needs OpenSSL's SM2
 * curve and SM3 digest, and a sign/verify round trip through PEM (Node's own `ec` type signs
 * plain ECDSA on the SM2 curve; a key read back from PEM is OpenSSL's SM2 type, which signs SM2).
 */
export function algorithmUnavailable(alg: SignatureAlgorithm): string | null {
  if (alg === 'Ed25519') return null;
  if (!getCurves().includes('SM2')) {
    return `this platform's OpenSSL (${process.versions.openssl}) offers no SM2 curve`;
  }
  try {
    const { privateKey, publicKey } = generateSigningKey('SM2');
    const data = Buffer.from('sm2 self-test');
    const signature = signWith('SM2', privateKey, data);
    if (!verifyWith('SM2', publicKey, data, signature)) return 'the SM2 self-test failed';
    if (verifyWith('SM2', publicKey, Buffer.from('sm2 self-tesT'), signature)) {
      return 'the SM2 self-test accepted a wrong signature';
    }
    return null;
  } catch (error) {
    return `SM2 is not usable: ${errorMessage(error)}`;
  }
}

/** A new key pair, as the OpenSSL key types that sign `alg`. */
export function generateSigningKey(alg: SignatureAlgorithm): {
  privateKey: KeyObject;
  publicKey: KeyObject;
} {
  if (alg === 'Ed25519') return generateKeyPairSync('ed25519');
  const pair = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  // Read back through PEM: OpenSSL then types them SM2 (see algorithmUnavailable).
  const privateKey = createPrivateKey(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The algorithm of a public or private key, or null when it is neither Ed25519 nor SM2. */
export function algorithmOf(key: KeyObject): SignatureAlgorithm | null {
  if (key.asymmetricKeyType === 'ed25519') return 'Ed25519';
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // Node does not name OpenSSL's SM2 key type; an `ec` key on the SM2 curve would sign ECDSA.
  if (publicKey.asymmetricKeyType === undefined && spki.includes(SM2_OID_DER)) return 'SM2';
  return null;
}

/** The key id: the first 16 hex digits of SHA-256 over the public key's SPKI DER. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

export function signWith(alg: SignatureAlgorithm, privateKey: KeyObject, data: Buffer): Buffer {
  return alg === 'Ed25519' ? sign(null, data, privateKey) : sign('sm3', data, privateKey);
}

export function verifyWith(
  alg: SignatureAlgorithm,
  publicKey: KeyObject,
  data: Buffer,
  signature: Buffer,
): boolean {
  try {
    return alg === 'Ed25519'
      ? verify(null, data, publicKey, signature)
      : verify('sm3', data, publicKey, signature);
  } catch {
    return false; // a malformed signature or a key of another type
  }
}

/** A signer over a private key (kept in the closure, never in a property). */
export function signerOf(privateKey: KeyObject): Signer {
  const alg = algorithmOf(privateKey);
  if (alg === null) throw new SignatureFormatError('the key is neither Ed25519 nor SM2');
  const kid = keyIdOf(privateKey);
  return { alg, kid, sign: (data) => signWith(alg, privateKey, data) };
}

/** The signature record of `data`, named `signed`. */
export function signatureRecord(signer: Signer, signed: string, data: Buffer): SignatureRecord {
  return {
    format: SIGNATURE_FORMAT,
    alg: signer.alg,
    kid: signer.kid,
    signed,
    signedSha256: createHash('sha256').update(data).digest('hex'),
    signedAt: new Date().toISOString(),
    signature: signer.sign(data).toString('base64'),
  };
}

/** Reads a signature record (parsed JSON); throws a SignatureFormatError naming what is wrong. */
export function parseSignatureRecord(value: unknown): SignatureRecord {
  const fail = (what: string): never => {
    throw new SignatureFormatError(`signature record: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not an object');
  const record = value as Record<string, unknown>;
  if (record.format !== SIGNATURE_FORMAT) fail(`format is not ${SIGNATURE_FORMAT}`);
  if (!SIGNATURE_ALGORITHMS.includes(record.alg as SignatureAlgorithm)) {
    fail(`alg is not one of ${SIGNATURE_ALGORITHMS.join(', ')}`);
  }
  for (const field of ['kid', 'signed', 'signedSha256', 'signedAt', 'signature'] as const) {
    if (typeof record[field] !== 'string' || record[field] === '') fail(`${field} is missing`);
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(record.signature as string)) fail('signature is not base64');
  return record as unknown as SignatureRecord;
}

/** The outcome of checking a signature against known public keys. */
export interface SignatureCheck {
  /**
   * - `valid`: made by the named key over these bytes;
   * - `invalid`: the key is known, the signature does not match the bytes (they were changed);
   * - `unknown-key`: no published key has this key id;
   * - `algorithm-mismatch`: the key id is known for another algorithm.
   */
  status: 'valid' | 'invalid' | 'unknown-key' | 'algorithm-mismatch';
  detail: string;
}

export function checkSignature(
  record: SignatureRecord,
  data: Buffer,
  keys: readonly PublicKeyRecord[],
): SignatureCheck {
  const key = keys.find((k) => k.kid === record.kid);
  if (key === undefined) {
    const known = keys.map((k) => k.kid).join(', ') || 'none';
    return {
      status: 'unknown-key',
      detail: `signed with key ${record.kid}, which is not among the public keys given (${known})`,
    };
  }
  if (key.alg !== record.alg) {
    return {
      status: 'algorithm-mismatch',
      detail: `the record says ${record.alg}, key ${record.kid} is ${key.alg}`,
    };
  }
  const signature = Buffer.from(record.signature, 'base64');
  if (!verifyWith(key.alg, key.publicKey, data, signature)) {
    const actual = createHash('sha256').update(data).digest('hex');
    return {
      status: 'invalid',
      detail: `${key.alg} signature by key ${key.kid} does not match ${record.signed} (SHA-256 ${actual}; signed ${record.signedSha256})`,
    };
  }
  return { status: 'valid', detail: `${key.alg} signature by key ${key.kid}` };
}

/** One key of the well-known document (JWK members where a JWK exists for the algorithm). */
export interface PublicKeyJson {
  kid: string;
  alg: SignatureAlgorithm;
  use: 'sig';
  status: 'current' | 'retired';
  /** SubjectPublicKeyInfo, PEM: what `openssl pkeyutl -verify -pubin -inkey` reads. */
  publicKeyPem: string;
  kty?: string;
  crv?: string;
  x?: string;
}

/** The well-known document: every public key that signed something, the current one first. */
export function publicKeysDocument(keys: readonly PublicKeyRecord[]): {
  format: string;
  keys: PublicKeyJson[];
} {
  const ordered = [...keys].sort(
    (a, b) => Number(b.status === 'current') - Number(a.status === 'current'),
  );
  return {
    format: PUBLIC_KEYS_FORMAT,
    keys: ordered.map((k) => {
      const json: PublicKeyJson = {
        kid: k.kid,
        alg: k.alg,
        use: 'sig',
        status: k.status ?? 'retired',
        publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      };
      if (k.alg === 'Ed25519') {
        const jwk = k.publicKey.export({ format: 'jwk' });
        Object.assign(json, { kty: jwk.kty, crv: jwk.crv, x: jwk.x });
      }
      return json;
    }),
  };
}

/**
 * Public keys from a file's text: the well-known JSON document (saved from the server), or one
 * or more PEM public keys (their key ids are computed). Throws a SignatureFormatError otherwise,
 * and when a document's key id does not match its key (a key id cannot be chosen).
 */
export function parsePublicKeys(text: string): PublicKeyRecord[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) return parsePublicKeysDocument(trimmed);
  const blocks = trimmed.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g);
  if (!blocks) {
    throw new SignatureFormatError(
      'neither the JSON key document nor a PEM public key (-----BEGIN PUBLIC KEY-----)',
    );
  }
  return blocks.map((pem) => publicKeyRecord(pem));
}

function parsePublicKeysDocument(text: string): PublicKeyRecord[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SignatureFormatError(`key document is not JSON: ${errorMessage(error)}`);
  }
  const keys = (document as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new SignatureFormatError('key document has no "keys" array');
  }
  return keys.map((entry, index) => {
    const key = entry as Partial<PublicKeyJson>;
    if (typeof key.publicKeyPem !== 'string') {
      throw new SignatureFormatError(`key document: keys[${index}] has no publicKeyPem`);
    }
    const record = publicKeyRecord(key.publicKeyPem, `keys[${index}]`);
    if (key.kid !== record.kid) {
      throw new SignatureFormatError(
        `key document: keys[${index}] says kid ${String(key.kid)}, its key's id is ${record.kid}`,
      );
    }
    if (key.alg !== record.alg) {
      throw new SignatureFormatError(
        `key document: keys[${index}] says alg ${String(key.alg)}, its key is ${record.alg}`,
      );
    }
    return { ...record, status: key.status === 'current' ? 'current' : 'retired' };
  });
}

function publicKeyRecord(pem: string, where = 'PEM'): PublicKeyRecord {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch (error) {
    throw new SignatureFormatError(`${where}: not a public key: ${errorMessage(error)}`);
  }
  const alg = algorithmOf(publicKey);
  if (alg === null) throw new SignatureFormatError(`${where}: neither an Ed25519 nor an SM2 key`);
  return { kid: keyIdOf(publicKey), alg, publicKey };
}

/**
 * JSON with object keys sorted (by UTF-16 code units) and no white space: the canonical form
 * (RFC 8785 for the values a result set holds: strings, integers, decimals, booleans, null)
 * over which a JSON document is signed, so that the signature survives re-indentation.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new SignatureFormatError('canonical JSON: a number is not finite');
    }
    const text = JSON.stringify(value);
    if (text === undefined) throw new SignatureFormatError('canonical JSON: not a JSON value');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A signed JSON document: `{ document, signature }`, the signature over canonicalJson(document). */
export interface SignedJson<T> {
  document: T;
  signature: SignatureRecord;
}

export function signJson<T>(signer: Signer, document: T): SignedJson<T> {
  const data = Buffer.from(canonicalJson(document), 'utf8');
  return { document, signature: signatureRecord(signer, 'document', data) };
}

/** Checks a signed JSON document's text; `signature: null` when it carries none. */
export function verifySignedJson(
  text: string,
  keys: readonly PublicKeyRecord[],
): { document: unknown; signature: SignatureRecord | null; check: SignatureCheck | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SignatureFormatError(`not JSON: ${errorMessage(error)}`);
  }
  const { document, signature } = (parsed ?? {}) as { document?: unknown; signature?: unknown };
  if (document === undefined) throw new SignatureFormatError('no "document" member');
  if (signature === undefined || signature === null)
    return { document, signature: null, check: null };
  const record = parseSignatureRecord(signature);
  const data = Buffer.from(canonicalJson(document), 'utf8');
  return { document, signature: record, check: checkSignature(record, data, keys) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
