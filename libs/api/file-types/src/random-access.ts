import type { FileHandle } from 'node:fs/promises';

/**
 * Positional reads from a file of known size. `read` returns fewer bytes than asked only at the
 * end of the file; the parsers treat a short read as a truncated (invalid) structure.
 */
export interface RandomAccessReader {
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

/** A reader over an open file handle; `bytesRead` counts what was actually read. */
export class FileHandleReader implements RandomAccessReader {
  bytesRead = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<Buffer> {
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length)) {
      throw new RangeError(`invalid read: offset ${offset}, length ${length}`);
    }
    const wanted = Math.max(0, Math.min(length, this.size - offset));
    const buffer = Buffer.alloc(wanted);
    let filled = 0;
    while (filled < wanted) {
      const { bytesRead } = await this.handle.read(
        buffer,
        filled,
        wanted - filled,
        offset + filled,
      );
      if (bytesRead === 0) break; // the file shrank while we read it
      filled += bytesRead;
    }
    this.bytesRead += filled;
    return filled === wanted ? buffer : buffer.subarray(0, filled);
  }
}

/** An in-memory reader (tests, and callers that already hold a small buffer). */
export class BufferReader implements RandomAccessReader {
  bytesRead = 0;
  readonly size: number;

  constructor(private readonly buffer: Buffer) {
    this.size = buffer.length;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const chunk = this.buffer.subarray(offset, Math.min(this.size, offset + Math.max(0, length)));
    this.bytesRead += chunk.length;
    return chunk;
  }
}

/**
 * Sequential reads through a window of at least `windowSize` bytes, so that walking thousands of
 * small records (ZIP central directory entries) costs a few large reads, not one per record.
 */
export class WindowedReader {
  private windowStart = 0;
  private window: Buffer = Buffer.alloc(0);

  constructor(
    private readonly reader: RandomAccessReader,
    /** Reads never extend past this offset unless asked to. */
    private readonly end: number,
    private readonly windowSize = 64 * 1024,
  ) {}

  /** `length` bytes at `offset`, or fewer at the end of the file. */
  async get(offset: number, length: number): Promise<Buffer> {
    const start = offset - this.windowStart;
    if (start >= 0 && start + length <= this.window.length) {
      return this.window.subarray(start, start + length);
    }
    const ahead = Math.min(this.windowSize, this.end - offset);
    this.window = await this.reader.read(offset, Math.max(length, ahead));
    this.windowStart = offset;
    return this.window.subarray(0, Math.min(length, this.window.length));
  }
}
