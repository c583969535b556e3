/**
 * A small ZIP writer for test fixtures (APPNOTE 6.3): local file headers, stored or deflated
 * data, the central directory and the end of central directory record, optionally ZIP64. It can
 * also lie: declare sizes that are not stored (zip bombs), put another name in a local header,
 * point entries at other offsets, so that the detector's checks can be exercised.
 */
import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipWriterEntry {
  name: string;
  data?: Buffer | string;
  /** Default `deflate`. */
  method?: 'store' | 'deflate';
  /** Sizes declared in both headers instead of the real ones. */
  declaredCompressedSize?: number;
  declaredUncompressedSize?: number;
  /** Sizes and offset in a ZIP64 extra field (0xFFFFFFFF in the 32-bit fields). */
  zip64?: boolean;
  /** General purpose flags; bit 11 (UTF-8) is added for non-ASCII names. */
  flags?: number;
  /** Another name in the local header than in the central directory. */
  localName?: string;
  /** An Info-ZIP Unicode Path extra field (0x7075) in the central directory. */
  unicodePath?: string;
  /** Another local header offset in the central directory than the real one. */
  centralOffset?: number;
}

export interface ZipWriterOptions {
  comment?: string;
  /** A ZIP64 end of central directory record and locator (and saturated EOCD fields). */
  zip64?: boolean;
  /** Another entry count in the end record than the real one. */
  declaredEntryCount?: number;
  /** Bytes before the first entry (offsets count them, as in a self-extracting archive). */
  prefix?: Buffer;
  /** Bytes after the end record. */
  suffix?: Buffer;
}

const DOS_TIME = 0x6000; // 12:00:00
const DOS_DATE = (2024 - 1980) * 512 + 1 * 32 + 1; // 2024-01-01

export function writeZip(
  entries: readonly ZipWriterEntry[],
  options: ZipWriterOptions = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = options.prefix?.length ?? 0;
  if (options.prefix) locals.push(options.prefix);

  for (const entry of entries) {
    const raw =
      typeof entry.data === 'string'
        ? Buffer.from(entry.data, 'utf8')
        : (entry.data ?? Buffer.alloc(0));
    const method = entry.method === 'store' ? 0 : 8;
    const stored = method === 0 ? raw : deflateRawSync(raw);
    const compressedSize = entry.declaredCompressedSize ?? stored.length;
    const uncompressedSize = entry.declaredUncompressedSize ?? raw.length;
    const name = Buffer.from(entry.name, 'utf8');
    const localName = Buffer.from(entry.localName ?? entry.name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0;
    const flags = (entry.flags ?? 0) | utf8;
    const checksum = crc32(raw);
    const zip64 = entry.zip64 === true;
    if (!zip64 && Math.max(compressedSize, uncompressedSize, offset) >= 0xffffffff) {
      throw new RangeError(`entry ${entry.name} needs zip64`);
    }

    const localExtra = zip64
      ? extraField(0x0001, u64(uncompressedSize), u64(compressedSize))
      : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : compressedSize, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : uncompressedSize, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    locals.push(local, localName, localExtra, stored);

    const localOffset = entry.centralOffset ?? offset;
    const centralExtras: Buffer[] = [];
    if (zip64)
      centralExtras.push(
        extraField(0x0001, u64(uncompressedSize), u64(compressedSize), u64(localOffset)),
      );
    if (entry.unicodePath !== undefined) {
      const version = Buffer.from([1]);
      const nameCrc = Buffer.alloc(4);
      nameCrc.writeUInt32LE(crc32(name));
      centralExtras.push(
        extraField(0x7075, version, nameCrc, Buffer.from(entry.unicodePath, 'utf8')),
      );
    }
    const centralExtra = Buffer.concat(centralExtras);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : compressedSize, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(entry.name.endsWith('/') ? 0x41ed0010 : 0x81a40000, 38);
    central.writeUInt32LE(zip64 ? 0xffffffff : localOffset, 42);
    centrals.push(central, name, centralExtra);

    offset += local.length + localName.length + localExtra.length + stored.length;
  }

  const centralDirectory = Buffer.concat(centrals);
  const cdOffset = offset;
  const count = options.declaredEntryCount ?? entries.length;
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(centralDirectory.length), 40);
    record.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdOffset + centralDirectory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : count & 0xffff, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : count & 0xffff, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : centralDirectory.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : cdOffset, 16);
  end.writeUInt16LE(comment.length, 20);
  tail.push(end, comment);
  if (options.suffix) tail.push(options.suffix);
  return Buffer.concat([...locals, centralDirectory, ...tail]);
}

function extraField(id: number, ...parts: Buffer[]): Buffer {
  const data = Buffer.concat(parts);
  const header = Buffer.alloc(4);
  header.writeUInt16LE(id, 0);
  header.writeUInt16LE(data.length, 2);
  return Buffer.concat([header, data]);
}

function u64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(BigInt(value));
  return buffer;
}

/** The parts of a minimal DOCX ([Content_Types].xml, _rels/.rels, word/document.xml). */
export function docxEntries(text = '佐证材料'): ZipWriterEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    { name: '_rels/.rels', data: rels('word/document.xml') },
    {
      name: 'word/document.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    },
  ];
}

/** The parts of a minimal XLSX. */
export function xlsxEntries(): ZipWriterEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    { name: '_rels/.rels', data: rels('xl/workbook.xml') },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
    },
  ];
}

/** The parts of a minimal PPTX-like package (refused). */
export function pptxEntries(): ZipWriterEntry[] {
  return [
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: '_rels/.rels', data: rels('ppt/presentation.xml') },
    { name: 'ppt/presentation.xml', data: '<p:presentation/>' },
  ];
}

/** The parts of a minimal OFD (GB/T 33190): OFD.xml at the root, then the document. */
export function ofdEntries(): ZipWriterEntry[] {
  return [
    {
      name: 'OFD.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">' +
        '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>' +
        '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    },
    {
      name: 'Doc_0/Document.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>' +
        '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>' +
        '<ofd:MaxUnitID>1</ofd:MaxUnitID></ofd:CommonData><ofd:Pages/></ofd:Document>',
    },
  ];
}

function rels(target: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/>` +
    '</Relationships>'
  );
}
