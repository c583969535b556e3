/**
 * A one-page A4 PDF whose lines may be Chinese, for the demo evidence (佐证材料).
 *
 * The text is set in STSong-Light, one of the standard CJK fonts of PDF (Adobe-GB1 character
 * collection) that PDF readers supply themselves, so nothing is embedded and the file stays
 * small: a Type0 font with the `UniGB-UCS2-H` CMap, whose character codes are the UCS-2 code
 * units of the text, written as hex strings. A ToUnicode CMap lets readers copy and search the text. Characters outside the Basic Multilingual Plane are replaced by 〓.
 */
export function chinesePdf(lines: string[], options: { title?: string } = {}): Buffer {
  const hex = (text: string) =>
    Array.from(text, (ch) => {
      const code = ch.codePointAt(0)!;
      return (code > 0xffff ? 0x3013 : code).toString(16).toUpperCase().padStart(4, '0');
    }).join('');
  const [first, ...rest] = lines;
  const stream = [
    'BT',
    '/F1 16 Tf 72 770 Td 26 TL',
    `<${hex(first ?? '')}> Tj`,
    '/F1 12 Tf 20 TL T*',
    ...rest.map((line) => `T* <${hex(line)}> Tj`),
    'ET',
  ].join('\n');
  // ToUnicode: the codes are UCS-2 already, so each character used maps to itself.
  const used = [...new Set(lines.flatMap((line) => hex(line).match(/.{4}/g) ?? []))].sort();
  const blocks: string[] = [];
  for (let i = 0; i < used.length; i += 100) {
    const block = used.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar`, ...block.map((c) => `<${c}> <${c}>`), 'endbfchar');
  }
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS2 def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const infoTitle = options.title ? ` /Title <FEFF${hex(options.title)}>` : '';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Length ${Buffer.byteLength(toUnicode, 'latin1')} >>\nstream\n${toUnicode}\nendstream`,
    `<< /Producer (duty demo seed)${infoTitle} >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The text of a PDF made by `chinesePdf`, decoded from its hex strings (tests). */
export function chinesePdfText(pdf: Buffer): string[] {
  const content = pdf.toString('latin1');
  const stream = /stream\n(BT[\s\S]*?ET)\nendstream/.exec(content)?.[1] ?? '';
  return Array.from(stream.matchAll(/<([0-9A-F]*)> Tj/g), (m) =>
    String.fromCharCode(...(m[1].match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))),
  );
}
