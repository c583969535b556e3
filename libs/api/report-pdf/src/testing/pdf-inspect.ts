import { inflateSync } from 'node:zlib';

/**
 * A reader of the PDFs report-pdf writes, for tests: checks the cross-reference table and the
 * references, and recovers each page's text through the fonts' ToUnicode CMaps (what copy and
 * search in a viewer do). Not a general PDF parser.
 */
export interface PdfObject {
  id: number;
  /** The object's text before any stream data (latin1). */
  head: string;
  /** The decoded stream data, when the object is a stream. */
  stream: Buffer | null;
}

export interface InspectedPdf {
  objects: Map<number, PdfObject>;
  trailer: string;
  /** Problems found: wrong xref offsets, references to missing objects, a malformed file. */
  problems: string[];
  /** Each page's text, one line per text object (BT … ET). */
  pages: string[];
  info: string;
}

export function inspectPdf(pdf: Buffer): InspectedPdf {
  const problems: string[] = [];
  const text = pdf.toString('latin1');
  if (!text.startsWith('%PDF-')) problems.push('no %PDF- header');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) throw new Error('no startxref at the end of the file');
  const xrefAt = Number(startxref[1]);
  const xref = /^xref\s+0 (\d+)\s*\n/.exec(text.slice(xrefAt));
  if (!xref) throw new Error(`startxref ${xrefAt} does not point at an xref table`);
  const count = Number(xref[1]);
  const entriesAt = xrefAt + xref[0].length;
  const objects = new Map<number, PdfObject>();
  for (let id = 0; id < count; id++) {
    const entry = text.slice(entriesAt + id * 20, entriesAt + id * 20 + 20);
    const match = /^(\d{10}) (\d{5}) ([nf])(?: \n|\r\n| \r)$/.exec(entry);
    if (!match) {
      problems.push(`xref entry ${id} is malformed: ${JSON.stringify(entry)}`);
      continue;
    }
    if (match[3] === 'f') continue;
    const offset = Number(match[1]);
    const header = `${id} 0 obj`;
    if (text.slice(offset, offset + header.length) !== header) {
      problems.push(`xref offset of object ${id} (${offset}) does not point at "${header}"`);
      continue;
    }
    objects.set(id, readObject(pdf, text, id, offset + header.length));
  }
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text)?.[1] ?? '';
  if (!trailer) problems.push('no trailer');
  const sizeMatch = /\/Size (\d+)/.exec(trailer);
  if (!sizeMatch || Number(sizeMatch[1]) !== count)
    problems.push('trailer /Size differs from xref');
  for (const [where, body] of [
    ['trailer', trailer] as const,
    ...[...objects.values()].map((o) => [`object ${o.id}`, o.head] as const),
  ]) {
    for (const ref of body.matchAll(/(\d+) 0 R\b/g)) {
      if (!objects.has(Number(ref[1])))
        problems.push(`${where} refers to missing object ${ref[1]}`);
    }
  }
  const get = (dict: string, key: string): PdfObject | undefined => {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
    return m ? objects.get(Number(m[1])) : undefined;
  };
  const root = get(trailer, 'Root');
  const pagesObj = root && get(root.head, 'Pages');
  const kids = pagesObj
    ? [...(/\/Kids \[([^\]]*)\]/.exec(pagesObj.head)?.[1] ?? '').matchAll(/(\d+) 0 R/g)]
    : [];
  const pages = kids.map((kid) => {
    const page = objects.get(Number(kid[1]));
    if (!page) return '';
    const fonts = new Map<string, Map<number, string>>();
    for (const f of page.head.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const type0 = objects.get(Number(f[2]));
      const cmap = type0 && get(type0.head, 'ToUnicode');
      if (cmap?.stream) fonts.set(f[1], parseToUnicode(cmap.stream.toString('latin1')));
    }
    const content = get(page.head, 'Contents');
    return content?.stream ? pageText(content.stream.toString('latin1'), fonts) : '';
  });
  const info = get(trailer, 'Info')?.head ?? '';
  return { objects, trailer, problems, pages, info };
}

function readObject(pdf: Buffer, text: string, id: number, from: number): PdfObject {
  const end = text.indexOf('endobj', from);
  const streamAt = text.indexOf('stream', from);
  if (streamAt === -1 || streamAt > end) return { id, head: text.slice(from, end), stream: null };
  const head = text.slice(from, streamAt);
  const length = Number(/\/Length (\d+)/.exec(head)?.[1]);
  const dataAt = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
  let data: Buffer = pdf.subarray(dataAt, dataAt + length);
  if (text.slice(dataAt + length, dataAt + length + 11).trim() !== 'endstream') {
    throw new Error(`object ${id}: /Length ${length} does not end at endstream`);
  }
  if (/\/Filter \/FlateDecode/.test(head)) data = inflateSync(data);
  return { id, head, stream: data };
}

/** glyph code → text, from a ToUnicode CMap's bfchar and bfrange entries. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(m[1], 16), utf16(m[2]));
    }
  }
  return map;
}

function pageText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
    let font: Map<number, string> | undefined;
    let line = '';
    for (const op of block[1].matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g)) {
      if (op[1]) font = fonts.get(op[1]);
      else {
        for (let i = 0; i < op[2].length; i += 4) {
          const code = parseInt(op[2].slice(i, i + 4), 16);
          line += font?.get(code) ?? '\ufffd';
        }
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}
