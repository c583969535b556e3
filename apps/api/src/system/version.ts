import { readFileSync } from 'node:fs';
import path from 'node:path';

function readVersion(): string {
  // package.json sits at the repository root both in the source tree and in the image.
  for (const dir of [process.cwd(), path.resolve(__dirname, '../../../../..')]) {
    try {
      return (
        JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
      ).version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();
