import { deflateSync } from 'node:zlib';

/**
 * A PDF file being written: numbered indirect objects (generation 0), a classic cross-reference
 * table and trailer. Object bodies are PDF syntax; streams are Flate-compressed unless asked not.
 */
export class PdfFile {
  private readonly bodies = new Map<number, Buffer>();
  private next = 1;

  /** A new object number (its body is set later). */
  allocate(): number {
    return this.next++;
  }

  set(id: number, body: string | Buffer): void {
    this.bodies.set(id, typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  }

  add(body: string | Buffer): number {
    const id = this.allocate();
    this.set(id, body);
    return id;
  }

  /** A stream object: `dict` holds the entries besides /Length and /Filter. */
  setStream(id: number, data: Buffer, dict = '', compress = true): void {
    const content = compress ? deflateSync(data, { level: 9 }) : data;
    const filter = compress ? ' /Filter /FlateDecode' : '';
    this.set(
      id,
      Buffer.concat([
        Buffer.from(`<< /Length ${content.length}${filter}${dict ? ` ${dict}` : ''} >>\nstream\n`),
        content,
        Buffer.from('\nendstream'),
      ]),
    );
  }

  addStream(data: Buffer, dict = '', compress = true): number {
    const id = this.allocate();
    this.setStream(id, data, dict, compress);
    return id;
  }

  /** The file: header, objects in number order, xref, trailer (`root` and `info` objects). */
  toBuffer(root: number, info: number, fileId: string): Buffer {
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = parts[0].length;
    const offsets: number[] = [];
    for (let id = 1; id < this.next; id++) {
      const body = this.bodies.get(id);
      if (!body) throw new Error(`PDF object ${id} was allocated but never written`);
      offsets[id] = offset;
      const chunk = Buffer.concat([Buffer.from(`${id} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
      parts.push(chunk);
      offset += chunk.length;
    }
    const xref = [`xref\n0 ${this.next}\n`, '0000000000 65535 f \n'];
    for (let id = 1; id < this.next; id++) {
      xref.push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
    }
    xref.push(
      `trailer\n<< /Size ${this.next} /Root ${root} 0 R /Info ${info} 0 R /ID [<${fileId}> <${fileId}>] >>\n`,
      `startxref\n${offset}\n%%EOF\n`,
    );
    parts.push(Buffer.from(xref.join(''), 'latin1'));
    return Buffer.concat(parts);
  }
}

/** A PDF text string: printable ASCII as a literal, anything else as UTF-16BE hex with a BOM. */
export function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** A PDF date: `D:YYYYMMDDHHmmSSZ` (UTC). */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** A number as PDF writes it: at most 3 decimals, no trailing zeros. */
export function num(n: number): string {
  const text = (Math.round(n * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}
