import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { CFB_SIGNATURE } from './cfb';
import { detectWithReader } from './detect';
import { BufferReader } from './random-access';
import { docNodes, writeCfb } from './test-support/cfb-writer';
import { JPEG_1X1, PNG_1X1 } from './test-support/fixtures';
import { docxEntries, ofdEntries, writeZip } from './test-support/zip-writer';
import { EVIDENCE_FILE_TYPES } from './types';

/** Every input resolves to a well-formed result: no exception escapes the parsers. */
async function expectWellFormed(bytes: Uint8Array): Promise<void> {
  const result = await detectWithReader(new BufferReader(Buffer.from(bytes)));
  if (result.ok) {
    expect(EVIDENCE_FILE_TYPES).toContain(result.detected.type);
  } else {
    expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  }
}

const seeds = [
  writeZip(docxEntries()),
  writeZip(ofdEntries(), { comment: 'c' }),
  writeZip(
    docxEntries().map((entry) => ({ ...entry, zip64: true })),
    { zip64: true },
  ),
  writeCfb(docNodes()).bytes,
  writeCfb(docNodes(), { version: 4 }).bytes,
  PNG_1X1,
  JPEG_1X1,
];

/** A seed with some bytes overwritten, maybe truncated: structures that almost parse. */
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([seed, edits, cut]) => {
    const bytes = Buffer.from(seed);
    for (const [position, value] of edits) bytes[position % bytes.length] = value;
    return cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

describe('detection never throws on hostile input', () => {
  it('handles arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), expectWellFormed), {
      numRuns: Number(process.env.FUZZ_RUNS ?? 500),
    });
  });

  it('handles arbitrary bytes after a ZIP or OLE2 signature', async () => {
    const prefixed = fc
      .tuple(
        fc.constantFrom(
          Buffer.from('PK\x03\x04', 'latin1'),
          Buffer.from('PK\x05\x06', 'latin1'),
          CFB_SIGNATURE,
        ),
        fc.uint8Array({ maxLength: 4096 }),
      )
      .map(([magic, rest]) => Buffer.concat([magic, rest]));
    await fc.assert(fc.asyncProperty(prefixed, expectWellFormed), {
      numRuns: Number(process.env.FUZZ_RUNS ?? 500),
    });
  });

  it('handles mutated and truncated valid containers', async () => {
    await fc.assert(fc.asyncProperty(mutated, expectWellFormed), {
      numRuns: Number(process.env.FUZZ_RUNS ?? 1500),
    });
  });
});
