/**
 * A small Compound File Binary ([MS-CFB], OLE2) writer for test fixtures: header, FAT (and DIFAT
 * sectors when more than 109 FAT sectors are needed), a directory whose storages hold their
 * children in a balanced binary search tree (all black), and stream data in regular sectors.
 * Streams of 4,096 bytes or more (the default size) are stored as real files store them; smaller
 * streams are also put in regular sectors, not in a mini stream, which is enough for tests about
 * the directory. The layout is returned so that tests can corrupt it.
 */
import { Buffer } from 'node:buffer';

export interface CfbNode {
  name: string;
  /** Default `stream`, or `storage` when `children` is given. */
  kind?: 'stream' | 'storage';
  /** Stream size in bytes (default 4096). */
  size?: number;
  children?: readonly CfbNode[];
}

export interface CfbWriterOptions {
  /** 3: 512-byte sectors (default); 4: 4096-byte sectors. */
  version?: 3 | 4;
  /** The root entry's CLSID (16 bytes). */
  rootClassId?: Buffer;
}

export interface CfbFile {
  bytes: Buffer;
  sectorSize: number;
  directorySectors: number[];
  fatSectors: number[];
  difatSectors: number[];
  /** Offset in `bytes` of directory entry `id`. */
  directoryEntryOffset(id: number): number;
  /** Offset in `bytes` of the FAT entry of `sector`. */
  fatEntryOffset(sector: number): number;
}

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const NOSTREAM = 0xffffffff;
export const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;

interface FlatEntry {
  name: string;
  type: 1 | 2 | 5;
  size: number;
  children: number[];
  left: number;
  right: number;
  child: number;
  start: number;
}

export function writeCfb(children: readonly CfbNode[], options: CfbWriterOptions = {}): CfbFile {
  const version = options.version ?? 3;
  const sectorSize = version === 4 ? 4096 : 512;
  const perFat = sectorSize / 4;

  // Directory entries, breadth first; the root is entry 0.
  const entries: FlatEntry[] = [];
  const add = (name: string, type: 1 | 2 | 5, size: number): number => {
    entries.push({
      name,
      type,
      size,
      children: [],
      left: NOSTREAM,
      right: NOSTREAM,
      child: NOSTREAM,
      start: ENDOFCHAIN,
    });
    return entries.length - 1;
  };
  const queue: [number, readonly CfbNode[]][] = [[add('Root Entry', 5, 0), children]];
  while (queue.length > 0) {
    const [parent, nodes] = queue.shift() as [number, readonly CfbNode[]];
    for (const node of nodes) {
      const storage = node.kind === 'storage' || node.children !== undefined;
      const id = add(node.name, storage ? 1 : 2, storage ? 0 : (node.size ?? 4096));
      entries[parent].children.push(id);
      if (storage) queue.push([id, node.children ?? []]);
    }
  }
  for (const entry of entries) {
    const sorted = [...entry.children].sort((a, b) =>
      compareNames(entries[a].name, entries[b].name),
    );
    const build = (low: number, high: number): number => {
      if (low > high) return NOSTREAM;
      const middle = (low + high) >> 1;
      const id = sorted[middle];
      entries[id].left = build(low, middle - 1);
      entries[id].right = build(middle + 1, high);
      return id;
    };
    entry.child = build(0, sorted.length - 1);
  }

  // Sectors: stream data, then the directory, then the FAT, then the DIFAT.
  const chains: number[][] = [];
  let next = 0;
  const allocate = (count: number): number[] => {
    const chain = Array.from({ length: count }, (_, i) => next + i);
    next += count;
    chains.push(chain);
    return chain;
  };
  for (const entry of entries) {
    if (entry.type === 2 && entry.size > 0)
      entry.start = allocate(Math.ceil(entry.size / sectorSize))[0];
  }
  const directorySectors = allocate(Math.ceil(entries.length / (sectorSize / 128)));
  let fatCount = 1;
  let difatCount = 0;
  for (;;) {
    const total = next + fatCount + difatCount;
    const neededFat = Math.ceil(total / perFat);
    const neededDifat = neededFat > 109 ? Math.ceil((neededFat - 109) / (perFat - 1)) : 0;
    if (neededFat === fatCount && neededDifat === difatCount) break;
    fatCount = neededFat;
    difatCount = neededDifat;
  }
  const fatSectors = Array.from({ length: fatCount }, (_, i) => next + i);
  next += fatCount;
  const difatSectors = Array.from({ length: difatCount }, (_, i) => next + i);
  next += difatCount;

  const fat = new Uint32Array(fatCount * perFat).fill(FREESECT);
  for (const chain of chains) {
    chain.forEach((sector, i) => (fat[sector] = i + 1 < chain.length ? chain[i + 1] : ENDOFCHAIN));
  }
  for (const sector of fatSectors) fat[sector] = FATSECT;
  for (const sector of difatSectors) fat[sector] = DIFSECT;

  const body = Buffer.alloc(next * sectorSize);
  const sectorOffset = (sector: number) => sector * sectorSize; // within body
  // Stream data: a recognisable pattern.
  for (const entry of entries) {
    if (entry.type === 2 && entry.size > 0) {
      body.fill(0x5a, sectorOffset(entry.start), sectorOffset(entry.start) + entry.size);
    }
  }
  // Directory.
  entries.forEach((entry, id) => {
    const offset = sectorOffset(directorySectors[0]) + id * 128;
    const name = Buffer.from(entry.name, 'utf16le');
    if (name.length > 62) throw new RangeError(`CFB name too long: ${entry.name}`);
    name.copy(body, offset);
    body.writeUInt16LE(name.length + 2, offset + 0x40);
    body[offset + 0x42] = entry.type;
    body[offset + 0x43] = 1; // black
    body.writeUInt32LE(entry.left, offset + 0x44);
    body.writeUInt32LE(entry.right, offset + 0x48);
    body.writeUInt32LE(entry.child, offset + 0x4c);
    if (id === 0 && options.rootClassId) options.rootClassId.copy(body, offset + 0x50);
    body.writeUInt32LE(entry.start, offset + 0x74);
    body.writeBigUInt64LE(BigInt(entry.size), offset + 0x78);
  });
  for (let id = entries.length; id < directorySectors.length * (sectorSize / 128); id++) {
    const offset = sectorOffset(directorySectors[0]) + id * 128;
    body.writeUInt32LE(NOSTREAM, offset + 0x44);
    body.writeUInt32LE(NOSTREAM, offset + 0x48);
    body.writeUInt32LE(NOSTREAM, offset + 0x4c);
  }
  // FAT.
  fatSectors.forEach((sector, i) => {
    for (let j = 0; j < perFat; j++)
      body.writeUInt32LE(fat[i * perFat + j], sectorOffset(sector) + j * 4);
  });
  // DIFAT sectors: FAT sector numbers beyond the first 109, then the next DIFAT sector.
  difatSectors.forEach((sector, i) => {
    for (let j = 0; j < perFat - 1; j++) {
      const fatIndex = 109 + i * (perFat - 1) + j;
      body.writeUInt32LE(
        fatIndex < fatCount ? fatSectors[fatIndex] : FREESECT,
        sectorOffset(sector) + j * 4,
      );
    }
    body.writeUInt32LE(
      i + 1 < difatSectors.length ? difatSectors[i + 1] : ENDOFCHAIN,
      sectorOffset(sector) + (perFat - 1) * 4,
    );
  });

  const header = Buffer.alloc(sectorSize);
  CFB_MAGIC.copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(version, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(version === 4 ? 12 : 9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(version === 4 ? directorySectors.length : 0, 0x28);
  header.writeUInt32LE(fatCount, 0x2c);
  header.writeUInt32LE(directorySectors[0], 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(ENDOFCHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(0, 0x40);
  header.writeUInt32LE(difatCount > 0 ? difatSectors[0] : ENDOFCHAIN, 0x44);
  header.writeUInt32LE(difatCount, 0x48);
  for (let i = 0; i < 109; i++) {
    header.writeUInt32LE(i < fatCount ? fatSectors[i] : FREESECT, 0x4c + i * 4);
  }

  return {
    bytes: Buffer.concat([header, body]),
    sectorSize,
    directorySectors,
    fatSectors,
    difatSectors,
    directoryEntryOffset: (id) =>
      sectorSize +
      directorySectors[Math.floor(id / (sectorSize / 128))] * sectorSize +
      (id % (sectorSize / 128)) * 128,
    fatEntryOffset: (sector) =>
      sectorSize + fatSectors[Math.floor(sector / perFat)] * sectorSize + (sector % perFat) * 4,
  };
}

/** CFB order: shorter names first, then by upper-case code units. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const upperA = a.toUpperCase();
  const upperB = b.toUpperCase();
  return upperA < upperB ? -1 : upperA > upperB ? 1 : 0;
}

/** A Word 97-2003 document's root: WordDocument, 1Table, and the property set streams. */
export function docNodes(): CfbNode[] {
  return [
    { name: 'WordDocument' },
    { name: '1Table' },
    { name: '\u0005SummaryInformation' },
    { name: '\u0005DocumentSummaryInformation' },
    { name: '\u0001CompObj', size: 4096 },
  ];
}

/** An Excel 97-2003 workbook's root: Workbook and the property set streams. */
export function xlsNodes(): CfbNode[] {
  return [
    { name: 'Workbook' },
    { name: '\u0005SummaryInformation' },
    { name: '\u0005DocumentSummaryInformation' },
  ];
}
