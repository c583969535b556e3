/**
 * Just enough of the Compound File Binary format ([MS-CFB], "OLE2") to list the streams and
 * storages at the root of a Word 97-2003 or Excel 97-2003 file: the header, the FAT entries (and
 * DIFAT sectors) of the directory chain, and the directory entries reachable from the root's
 * red-black tree. Stream contents are never read.
 */
import { cfbInvalid } from './detection-error';
import { RandomAccessReader } from './random-access';

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const HEADER_SIZE = 512;
const DIRECTORY_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;
const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const NOSTREAM = 0xffffffff;
const MAXREGSID = 0xfffffffa;

const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** Bounds that real documents stay far below; beyond them the file is refused as invalid. */
const MAX_DIRECTORY_SECTORS = 32_768;
const MAX_ROOT_CHILDREN = 100_000;

/** Root CLSIDs of Windows Installer packages, patches and transforms ({000C108x-…-46}). */
const MSI_CLASS_IDS = new Set([0x000c1084, 0x000c1086, 0x000c1082]);
const MSI_CLASS_ID_TAIL = Buffer.from([0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]);

export interface CfbRootEntry {
  name: string;
  kind: 'storage' | 'stream';
}

export interface CfbRoot {
  entries: CfbRootEntry[];
  /** The root entry's CLSID identifies Windows Installer files. */
  isWindowsInstaller: boolean;
}

/** Lists the root storage's children. Throws a CFB_INVALID `DetectionError` when malformed. */
export async function readCfbRoot(reader: RandomAccessReader): Promise<CfbRoot> {
  const file = await CompoundFile.open(reader);
  const root = await file.directoryEntry(0);
  if (root.type !== TYPE_ROOT) throw cfbInvalid('第一个目录项不是根存储');
  const isWindowsInstaller =
    MSI_CLASS_IDS.has(root.classId.readUInt32LE(0)) &&
    root.classId.subarray(4).equals(MSI_CLASS_ID_TAIL);

  const entries: CfbRootEntry[] = [];
  const visited = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    if (id === NOSTREAM) continue;
    if (id > MAXREGSID || id === 0) throw cfbInvalid('目录树引用了无效的目录项');
    if (visited.has(id)) throw cfbInvalid('目录树有环');
    visited.add(id);
    if (visited.size > MAX_ROOT_CHILDREN) throw cfbInvalid('根存储下的目录项过多');
    const entry = await file.directoryEntry(id);
    if (entry.type !== TYPE_STORAGE && entry.type !== TYPE_STREAM) {
      throw cfbInvalid('目录树引用了空的目录项');
    }
    entries.push({ name: entry.name, kind: entry.type === TYPE_STREAM ? 'stream' : 'storage' });
    pending.push(entry.right, entry.left);
  }
  return { entries, isWindowsInstaller };
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  classId: Buffer;
}

class CompoundFile {
  private readonly fatEntriesPerSector: number;
  private readonly fatSectorCache = new Map<number, Buffer>();
  private readonly difatSectors: Buffer[] = [];
  private nextDifatSector: number;
  private readonly directoryChain: number[];
  private readonly directorySectors = new Set<number>();
  private directoryChainEnded = false;
  private readonly directorySectorCache = new Map<number, Buffer>();

  private constructor(
    private readonly reader: RandomAccessReader,
    private readonly header: Buffer,
    private readonly sectorSize: number,
    private readonly sectorCount: number,
  ) {
    this.fatEntriesPerSector = sectorSize / 4;
    this.nextDifatSector = header.readUInt32LE(0x44);
    const firstDirectorySector = header.readUInt32LE(0x30);
    this.checkSector(firstDirectorySector, '目录');
    this.directoryChain = [firstDirectorySector];
    this.directorySectors.add(firstDirectorySector);
  }

  static async open(reader: RandomAccessReader): Promise<CompoundFile> {
    const header = await reader.read(0, HEADER_SIZE);
    if (header.length < HEADER_SIZE) throw cfbInvalid('文件头不完整');
    if (!header.subarray(0, 8).equals(CFB_SIGNATURE)) throw cfbInvalid('签名无效');
    const major = header.readUInt16LE(0x1a);
    const sectorShift = header.readUInt16LE(0x1e);
    if (header.readUInt16LE(0x1c) !== 0xfffe) throw cfbInvalid('字节序标记无效');
    if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
      throw cfbInvalid(`不支持的版本 ${major}（扇区大小 2^${sectorShift}）`);
    }
    if (header.readUInt16LE(0x20) !== 6) throw cfbInvalid('迷你扇区大小无效');
    const sectorSize = 1 << sectorShift;
    // The header occupies the whole first sector; a partial last sector is tolerated.
    const sectorCount = Math.ceil((reader.size - sectorSize) / sectorSize);
    if (sectorCount < 1) throw cfbInvalid('文件被截断');
    return new CompoundFile(reader, header, sectorSize, sectorCount);
  }

  async directoryEntry(id: number): Promise<DirectoryEntry> {
    const perSector = this.sectorSize / DIRECTORY_ENTRY_SIZE;
    const chainIndex = Math.floor(id / perSector);
    while (this.directoryChain.length <= chainIndex) {
      if (this.directoryChainEnded) throw cfbInvalid('目录项编号超出目录范围');
      const next = await this.fatEntry(this.directoryChain[this.directoryChain.length - 1]);
      if (next === ENDOFCHAIN) {
        this.directoryChainEnded = true;
        continue;
      }
      this.checkSector(next, '目录');
      if (this.directorySectors.has(next)) throw cfbInvalid('目录扇区链有环');
      if (this.directoryChain.length >= MAX_DIRECTORY_SECTORS) throw cfbInvalid('目录过大');
      this.directoryChain.push(next);
      this.directorySectors.add(next);
    }
    const sector = this.directoryChain[chainIndex];
    let data = this.directorySectorCache.get(sector);
    if (data === undefined) {
      data = await this.readSector(sector);
      this.directorySectorCache.set(sector, data);
    }
    const start = (id % perSector) * DIRECTORY_ENTRY_SIZE;
    return parseDirectoryEntry(data.subarray(start, start + DIRECTORY_ENTRY_SIZE));
  }

  /** The FAT entry of `sector`: the next sector of its chain. */
  private async fatEntry(sector: number): Promise<number> {
    const index = Math.floor(sector / this.fatEntriesPerSector);
    if (index >= this.header.readUInt32LE(0x2c)) throw cfbInvalid('FAT 表过短');
    const fatSector = await this.fatSectorNumber(index);
    let data = this.fatSectorCache.get(fatSector);
    if (data === undefined) {
      data = await this.readSector(fatSector);
      this.fatSectorCache.set(fatSector, data);
    }
    return data.readUInt32LE((sector % this.fatEntriesPerSector) * 4);
  }

  /** Where the `index`-th FAT sector is: in the header's DIFAT array, then in DIFAT sectors. */
  private async fatSectorNumber(index: number): Promise<number> {
    let sector: number;
    if (index < HEADER_DIFAT_ENTRIES) {
      sector = this.header.readUInt32LE(0x4c + 4 * index);
    } else {
      const perDifatSector = this.fatEntriesPerSector - 1; // the last entry links to the next
      const difatIndex = Math.floor((index - HEADER_DIFAT_ENTRIES) / perDifatSector);
      const difatCount = this.header.readUInt32LE(0x48);
      while (this.difatSectors.length <= difatIndex) {
        if (this.difatSectors.length >= difatCount) throw cfbInvalid('DIFAT 表过短');
        this.checkSector(this.nextDifatSector, 'DIFAT');
        const data = await this.readSector(this.nextDifatSector);
        this.difatSectors.push(data);
        this.nextDifatSector = data.readUInt32LE(perDifatSector * 4);
      }
      const slot = (index - HEADER_DIFAT_ENTRIES) % perDifatSector;
      sector = this.difatSectors[difatIndex].readUInt32LE(slot * 4);
    }
    this.checkSector(sector, 'FAT');
    return sector;
  }

  private checkSector(sector: number, what: string): void {
    if (sector > MAXREGSECT || sector >= this.sectorCount) {
      throw cfbInvalid(`${what}扇区编号无效或超出文件范围（文件可能不完整）`);
    }
  }

  private async readSector(sector: number): Promise<Buffer> {
    const data = await this.reader.read((sector + 1) * this.sectorSize, this.sectorSize);
    if (data.length === this.sectorSize) return data;
    const padded = Buffer.alloc(this.sectorSize);
    data.copy(padded);
    return padded;
  }
}

function parseDirectoryEntry(data: Buffer): DirectoryEntry {
  const nameLength = data.readUInt16LE(0x40);
  const type = data[0x42];
  if (type !== 0 && (nameLength < 2 || nameLength > 64 || nameLength % 2 !== 0)) {
    throw cfbInvalid('目录项名称长度无效');
  }
  return {
    name: type === 0 ? '' : data.toString('utf16le', 0, nameLength - 2),
    type,
    left: data.readUInt32LE(0x44),
    right: data.readUInt32LE(0x48),
    child: data.readUInt32LE(0x4c),
    classId: data.subarray(0x50, 0x60),
  };
}
