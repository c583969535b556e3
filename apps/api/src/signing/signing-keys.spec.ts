import {
  generateSigningKey,
  keyIdOf,
  parsePublicKeys,
  verifyPack,
  writePack,
} from '@duty/api/evidence-pack';
import { createHash, createPrivateKey } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config/config';
import { SigningKeyError, SigningKeys } from './signing-keys';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'duty-signing-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const configIn = (root: string, env: Record<string, string> = {}) =>
  loadConfig({ DATA_DIR: root, ...env }, root).signing;

/** A pino logger whose lines are kept in memory. */
function memoryLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), text: () => lines.join('') };
}

/** A one-file pack signed by `keys`, written to a file. */
async function signedPack(keys: SigningKeys, file: string): Promise<void> {
  const content = Buffer.from('%PDF-1.7 签名测试');
  const output = createWriteStream(file);
  await writePack(
    [
      {
        path: '武汉市/江岸区/第3条/任务-00000001/v1-通知.pdf',
        sha256: createHash('sha256').update(content).digest('hex'),
        size: content.length,
        uploadedAt: new Date('2026-03-01T00:00:00.000Z'),
        uploader: 'jiangan-scjg',
        unitCode: '420102',
        article: 3,
        paragraph: null,
        taskStatus: 'SUBMITTED',
        documentNumber: null,
        open: async () => Readable.from([content]),
      },
    ],
    output,
    { signer: keys.signer, info: { cycleId: 'test' } },
  );
  await finished(output);
}

describe('the signing key', () => {
  it('is generated at the first start under DATA_DIR/keys with mode 0600, published as <kid>.pem, never logged; the next start reuses it', async () => {
    const config = configIn(dir);
    expect(config.keyFile).toBe(path.join(dir, 'keys', 'signing-key.pem'));
    const log = memoryLogger();
    const keys = await SigningKeys.load(config, log.logger);
    expect(keys.signer.alg).toBe('Ed25519');
    expect((await stat(config.keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(config.keyFile))).mode & 0o777).toBe(0o700);
    const pem = await readFile(config.keyFile, 'utf8');
    expect(keyIdOf(createPrivateKey(pem))).toBe(keys.signer.kid);
    expect(await readdir(config.publicKeysDir)).toEqual([`${keys.signer.kid}.pem`]);

    // The log names the key id, never the key.
    const body = pem.split('\n')[1];
    expect(log.text()).toContain(keys.signer.kid);
    expect(log.text()).toContain('Signing key generated');
    expect(log.text()).not.toContain(body.slice(0, 20));
    expect(JSON.stringify(keys.document())).not.toMatch(/PRIVATE/);

    const again = await SigningKeys.load(config);
    expect(again.signer.kid).toBe(keys.signer.kid);
    expect(again.publicKeys).toHaveLength(1);
  });

  it('keeps the public keys of earlier keys after a rotation: old packs still verify with the new document', async () => {
    const config = configIn(dir);
    const first = await SigningKeys.load(config);
    const oldPack = path.join(dir, 'old.zip');
    await signedPack(first, oldPack);

    // Rotation: the old key file is taken away (archived offline or destroyed), the server restarts.
    await rename(config.keyFile, path.join(dir, 'retired-key.pem'));
    const second = await SigningKeys.load(config);
    expect(second.signer.kid).not.toBe(first.signer.kid);
    const document = second.document();
    expect(document.keys.map((k) => [k.kid, k.status])).toEqual([
      [second.signer.kid, 'current'],
      [first.signer.kid, 'retired'],
    ]);
    const published = parsePublicKeys(JSON.stringify(document));
    const oldReport = await verifyPack(oldPack, { publicKeys: published });
    expect(oldReport.signature).toMatchObject({ status: 'valid', kid: first.signer.kid });
    const newPack = path.join(dir, 'new.zip');
    await signedPack(second, newPack);
    expect((await verifyPack(newPack, { publicKeys: published })).ok).toBe(true);
  });

  it('refuses a key file others may read, one that is not a key, and one of another algorithm', async () => {
    const config = configIn(dir);
    await SigningKeys.load(config);
    await chmod(config.keyFile, 0o644);
    await expect(SigningKeys.load(config)).rejects.toThrow(
      /may be read by other users \(mode 644\); make it 0600/,
    );
    await writeFile(config.keyFile, 'not a key', { mode: 0o600 });
    await chmod(config.keyFile, 0o600);
    await expect(SigningKeys.load(config)).rejects.toThrow(
      /is not an unencrypted PKCS#8 PEM private key/,
    );
    await expect(SigningKeys.load(config)).rejects.toBeInstanceOf(SigningKeyError);

    const sm2 = generateSigningKey('SM2');
    await writeFile(config.keyFile, sm2.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(SigningKeys.load(config)).rejects.toThrow(
      /holds an SM2 key, SIGNING_ALGORITHM asks for Ed25519/,
    );
  });

  it('SIGNING_ALGORITHM=sm2 signs with SM2 and SM3 on this platform (OpenSSL offers the SM2 curve)', async () => {
    const config = configIn(dir, { SIGNING_ALGORITHM: 'sm2' });
    expect(config.algorithm).toBe('SM2');
    const keys = await SigningKeys.load(config);
    expect(keys.signer.alg).toBe('SM2');
    const file = path.join(dir, 'sm2.zip');
    await signedPack(keys, file);
    const published = parsePublicKeys(JSON.stringify(keys.document()));
    expect(published[0].alg).toBe('SM2');
    expect(await verifyPack(file, { publicKeys: published })).toMatchObject({
      ok: true,
      signature: { status: 'valid', alg: 'SM2' },
    });
  });

  it('refuses an unknown SIGNING_ALGORITHM by name', () => {
    expect(() => loadConfig({ SIGNING_ALGORITHM: 'rsa' }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ SIGNING_ALGORITHM: 'rsa' }, dir)).toThrow(/SIGNING_ALGORITHM/);
  });
});
