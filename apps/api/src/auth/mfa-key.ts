import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ensurePrivateDirectory } from '../common/private-directory';

const KEY_BYTES = 32;

/**
 * The AES-256 key that seals TOTP secrets in app_user, read from MFA_KEY_FILE: outside the
 * database, so that a copy of the database (a dump, a backup, a superuser's SELECT) does not
 * give anyone the second factors. Created (0600, in a 0700 directory) at the first enrolment
 * when missing. Back it up with the database: without it every enrolled user must be reset by
 * the security administrator.
 */
@Injectable()
export class MfaKeyStore {
  private key: Promise<Buffer> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): Promise<Buffer> {
    this.key ??= this.load().catch((error: unknown) => {
      this.key = null; // a transient read error must not stick
      throw error;
    });
    return this.key;
  }

  private async load(): Promise<Buffer> {
    const file = this.config.auth.mfa.keyFile;
    try {
      return parseKey(await readFile(file, 'utf8'), file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await ensurePrivateDirectory(path.dirname(file));
    const key = randomBytes(KEY_BYTES);
    try {
      // wx: when two requests race on a fresh server, one writes and both read the winner.
      await writeFile(file, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
      await chmod(file, 0o600);
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return parseKey(await readFile(file, 'utf8'), file);
    }
  }
}

function parseKey(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${file} does not hold a base64 ${KEY_BYTES}-byte key (MFA_KEY_FILE)`);
  }
  return key;
}
