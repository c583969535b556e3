/** Tiny real files for tests, written to a temporary directory. */
import { Buffer } from 'node:buffer';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../sample-pdf';

/** A real 1×1 RGBA PNG (signature, IHDR, IDAT, IEND, valid CRCs). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A real 1×1 grey baseline JPEG (160 bytes): SOI, APP0 JFIF 1.01, DQT (all 1), SOF0 1×1 with one
 * component, one-code DC and AC Huffman tables, SOS, the entropy-coded block (DC difference 0,
 * end of block: bits 00, padded with ones: 0x3F), EOI.
 */
export const JPEG_1X1 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAAA/AD//2Q==',
  'base64',
);

/** A minimal valid one-page PDF 1.4 (header, catalog, pages, page, content, font, xref, trailer). */
export function minimalPdf(): Buffer {
  return samplePdf([]);
}

/** A temporary directory for one test file; `cleanup` removes it. */
export class TempFiles {
  private directory: string | undefined;
  private counter = 0;

  async write(name: string, content: Buffer | string): Promise<string> {
    this.directory ??= await mkdtemp(join(tmpdir(), 'file-types-'));
    // Each file in its own numbered name: the detector must not look at the name anyway.
    const path = join(this.directory, `${++this.counter}-${name}`);
    await writeFile(path, content);
    return path;
  }

  async cleanup(): Promise<void> {
    if (this.directory !== undefined) await rm(this.directory, { recursive: true, force: true });
    this.directory = undefined;
  }
}
