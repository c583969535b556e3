import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import {
  algorithmOf,
  algorithmUnavailable,
  canonicalJson,
  generateSigningKey,
  keyIdOf,
  parsePublicKeys,
  publicKeysDocument,
  signatureRecord,
  signerOf,
  signJson,
  verifySignedJson,
  type PublicKeyRecord,
  type SignatureAlgorithm,
} from './signature';
import {
  makeTempDir,
  readZip,
  sampleEntries,
  tamperAndReseal,
  writePackToFile,
} from './testing/pack-fixtures';
import { verifyPack } from './verify-pack';

let dir: string;
let cleanup: () => Promise<void>;
let counter = 0;
const nextZip = (): string => join(dir, `signed-${++counter}.zip`);

beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
afterAll(() => cleanup());

/** A key pair with its published form (through the well-known document, as a verifier gets it). */
function keyPair(alg: SignatureAlgorithm) {
  const { privateKey } = generateSigningKey(alg);
  const signer = signerOf(privateKey);
  const published = parsePublicKeys(
    JSON.stringify(
      publicKeysDocument([
        { kid: signer.kid, alg, publicKey: createPublicKey(privateKey), status: 'current' },
      ]),
    ),
  );
  return { signer, published };
}

const ALGORITHMS: SignatureAlgorithm[] = [
  'Ed25519',
  // SM2 only where this platform's OpenSSL offers it.
  ...(algorithmUnavailable('SM2') === null ? (['SM2'] as const) : []),
];

describe.each(ALGORITHMS)('signed packs (%s)', (alg) => {
  const { signer, published } = keyPair(alg);
  let signed: string;

  beforeAll(async () => {
    signed = nextZip();
    await writePackToFile(sampleEntries(), signed, {
      signer,
      info: { cycleId: 'c-1', exportedBy: 'auditor' },
    });
  });

  it('carries manifest.json and manifest.sig.json, covered and checked with the public key', async () => {
    const names = (await readZip(signed)).entries.map(({ entry }) => entry.fileName);
    expect(names.slice(0, 4)).toEqual([
      'manifest.csv',
      'manifest.sha256',
      'manifest.json',
      'manifest.sig.json',
    ]);
    const report = await verifyPack(signed, { publicKeys: published });
    expect(report).toMatchObject({ ok: true, checked: 5, problems: [] });
    expect(report.signature).toMatchObject({ status: 'valid', kid: signer.kid, alg });
    expect(report.info).toMatchObject({
      format: 'duty-evidence-pack/1',
      cycleId: 'c-1',
      exportedBy: 'auditor',
      files: { listed: 5, included: 5, unavailable: 0 },
    });
  });

  it('without public keys: passes on the hashes, the signature reported as unchecked', async () => {
    const report = await verifyPack(signed);
    expect(report.ok).toBe(true);
    expect(report.signature).toMatchObject({ status: 'unchecked', kid: signer.kid });
  });

  it('fails when a file was changed and the manifests rebuilt to match', async () => {
    const forged = nextZip();
    const target = sampleEntries()[1].path;
    await tamperAndReseal(signed, forged, new Map([[target, Buffer.from('%PDF-1.7 forged')]]));
    // Every hash agrees with the files: only the signature tells.
    expect(await verifyPack(forged)).toMatchObject({ ok: true, problems: [] });
    const report = await verifyPack(forged, { publicKeys: published });
    expect(report.ok).toBe(false);
    expect(report.signature.status).toBe('invalid');
    expect(report.problems).toEqual([
      {
        path: 'manifest.sig.json',
        kind: 'signature',
        detail: expect.stringMatching(
          new RegExp(`^${alg} signature by key ${signer.kid} does not match manifest.sha256`),
        ),
      },
    ]);
  });

  it('fails when the signature is missing', async () => {
    const stripped = nextZip();
    await tamperAndReseal(signed, stripped, new Map(), { signature: 'drop' });
    const report = await verifyPack(stripped, { publicKeys: published });
    expect(report.ok).toBe(false);
    expect(report.signature.status).toBe('missing');
    expect(report.problems).toEqual([
      {
        path: 'manifest.sig.json',
        kind: 'signature',
        detail: 'the pack has no manifest.sig.json',
      },
    ]);
  });

  it('fails when the key id is unknown, and when a forger signs with a key of their own', async () => {
    const other = keyPair(alg);
    const report = await verifyPack(signed, { publicKeys: other.published });
    expect(report.ok).toBe(false);
    expect(report.signature.status).toBe('unknown-key');
    expect(report.problems[0].detail).toContain(`signed with key ${signer.kid}`);

    // Re-signing a rebuilt pack with another key gives that key's id: unknown to the verifier.
    const forged = nextZip();
    const target = sampleEntries()[0].path;
    await tamperAndReseal(signed, forged, new Map([[target, Buffer.from('%PDF forged')]]));
    const resigned = nextZip();
    const { entries } = await readZip(forged);
    const checksum = entries.find(({ entry }) => entry.fileName === 'manifest.sha256')!.data;
    const record = Buffer.from(
      JSON.stringify(signatureRecord(other.signer, 'manifest.sha256', checksum)),
    );
    await tamperAndReseal(forged, resigned, new Map(), { signature: record });
    const resignedReport = await verifyPack(resigned, { publicKeys: published });
    expect(resignedReport.signature.status).toBe('unknown-key');
    expect(resignedReport.ok).toBe(false);
  });

  it('fails when manifest.json is changed (it is covered by manifest.sha256)', async () => {
    const forged = nextZip();
    const { entries } = await readZip(signed);
    const info = entries.find(({ entry }) => entry.fileName === 'manifest.json')!.data;
    const edited = Buffer.from(info.toString('utf8').replace('"auditor"', '"someone"'));
    await tamperAndReseal(signed, forged, new Map([['manifest.json', edited]]));
    const report = await verifyPack(forged, { publicKeys: published });
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({
      path: 'manifest.json',
      kind: 'manifest',
      detail: expect.stringContaining('manifest.sha256 records'),
    });
  });
});

describe('keys', () => {
  it('key id: 16 hex digits of the SPKI hash, the same for the private and the public key', () => {
    const { privateKey, publicKey } = generateSigningKey('Ed25519');
    expect(keyIdOf(privateKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(privateKey)).toBe(keyIdOf(publicKey));
    expect(algorithmOf(publicKey)).toBe('Ed25519');
  });

  it('reads PEM public keys and the well-known document, and refuses a kid that is not its key’s', () => {
    const a = generateSigningKey('Ed25519');
    const b = generateSigningKey('Ed25519');
    const pem = (k: typeof a) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fromPem = parsePublicKeys(`${pem(a)}\n${pem(b)}`);
    expect(fromPem.map((k) => k.kid)).toEqual([keyIdOf(a.publicKey), keyIdOf(b.publicKey)]);
    const records: PublicKeyRecord[] = [
      { kid: keyIdOf(a.publicKey), alg: 'Ed25519', publicKey: a.publicKey, status: 'retired' },
      { kid: keyIdOf(b.publicKey), alg: 'Ed25519', publicKey: b.publicKey, status: 'current' },
    ];
    const document = publicKeysDocument(records);
    expect(document.keys.map((k) => [k.kid, k.status])).toEqual([
      [keyIdOf(b.publicKey), 'current'],
      [keyIdOf(a.publicKey), 'retired'],
    ]);
    expect(document.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig' });
    const parsed = parsePublicKeys(JSON.stringify(document));
    expect(parsed.map((k) => k.kid)).toEqual(document.keys.map((k) => k.kid));

    const lying = { ...document, keys: [{ ...document.keys[0], kid: keyIdOf(a.publicKey) }] };
    expect(() => parsePublicKeys(JSON.stringify(lying))).toThrow(/says kid .*, its key's id is/);
    expect(() => parsePublicKeys('hello')).toThrow(/neither the JSON key document nor a PEM/);
  });
});

describe('signed JSON documents (result sets)', () => {
  const { signer, published } = keyPair('Ed25519');
  const document = { b: [1, '二', { y: null, x: true }], a: '85.50', é: 'ü' };

  it('canonical JSON sorts keys and drops white space', () => {
    expect(canonicalJson(document)).toBe('{"a":"85.50","b":[1,"二",{"x":true,"y":null}],"é":"ü"}');
  });

  it('verifies however the document is indented, and fails when a value is changed', () => {
    const signed = signJson(signer, document);
    const pretty = JSON.stringify(signed, null, 2);
    expect(verifySignedJson(pretty, published).check).toMatchObject({ status: 'valid' });
    const edited = pretty.replace('"85.50"', '"95.50"');
    expect(verifySignedJson(edited, published).check).toMatchObject({ status: 'invalid' });
    const unsigned = JSON.stringify({ document });
    expect(verifySignedJson(unsigned, published)).toMatchObject({ signature: null, check: null });
    const other = keyPair('Ed25519');
    expect(verifySignedJson(pretty, other.published).check).toMatchObject({
      status: 'unknown-key',
    });
  });
});
