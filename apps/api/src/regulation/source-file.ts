/**
 * A regulation file as received (bytes) → its text: DOCX, the form offices receive texts in, or
 * plain text in any encoding the parser library's decoder recognises.
 *
 * DOCX is read here rather than in the parser library because it needs unzip (yauzl). Only the
 * text of the main document part is taken: one line per paragraph (w:p), the text of its runs
 * (w:t), tabs and line breaks. Automatic list numbering is not reproduced (regulations type their
 * 第X条 headings), nor are headers, footers, footnotes or comments.
 */
import {
  decodeRegulationSource,
  RegulationSourceError,
  RegulationSourceErrorCode,
  type SourceEncoding,
} from '@duty/regulation/parser';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';

export type RegulationSource =
  | { format: 'text'; text: string; encoding: SourceEncoding; bom: boolean }
  | { format: 'docx'; text: string };

export interface DocxLimits {
  /** Most entries in the archive's central directory. */
  maxEntries: number;
  /** Most bytes of the decompressed main document part (word/document.xml). */
  maxDocumentBytes: number;
  /** Most bytes of the decompressed [Content_Types].xml. */
  maxContentTypesBytes: number;
}

/**
 * A regulation of 2 million characters (the import's limit) is about 20 MB of document.xml with
 * Word's run markup; anything far beyond that is refused before it is decompressed in full.
 */
export const DEFAULT_DOCX_LIMITS: Readonly<DocxLimits> = Object.freeze({
  maxEntries: 10_000,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxContentTypesBytes: 1024 * 1024,
});

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const CONTENT_TYPES = '[Content_Types].xml';

/** Content types of a WordprocessingML main part: document, template, and their macro-enabled forms. */
const WORD_MAIN_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);
/** Other Office main parts, named when one is uploaded instead of a Word document. */
const OTHER_OFFICE_PARTS: ReadonlyArray<[RegExp, string]> = [
  [/spreadsheetml|ms-excel/u, 'Excel 工作簿'],
  [/presentationml|ms-powerpoint/u, 'PowerPoint 演示文稿'],
];

/** WordprocessingML namespaces: transitional (what Word and WPS write) and strict. */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const SAVE_AS_HINT = '请在 Word 或 WPS 中另存为 .docx 或 UTF-8 编码的纯文本（.txt）后重试。';

function refuse(
  code: RegulationSourceErrorCode,
  reason: string,
  fileName: string | undefined,
): RegulationSourceError {
  return new RegulationSourceError(code, fileName ? `文件“${fileName}”：${reason}` : reason);
}

/**
 * Reads a regulation file: DOCX when the bytes are a ZIP archive with `[Content_Types].xml`,
 * otherwise text decoded by `decodeRegulationSource` (UTF-8, UTF-16, GB18030).
 *
 * @param fileName only used in messages
 * @throws RegulationSourceError (UNSUPPORTED_FORMAT, UNSUPPORTED_ENCODING, SOURCE_TOO_LARGE)
 */
export async function readRegulationSource(
  bytes: Uint8Array,
  fileName?: string,
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): Promise<RegulationSource> {
  if (ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) {
    return { format: 'docx', text: await readDocx(Buffer.from(bytes), fileName, limits) };
  }
  try {
    return { format: 'text', ...decodeRegulationSource(bytes) };
  } catch (error) {
    if (error instanceof RegulationSourceError && fileName) {
      throw new RegulationSourceError(error.code, `文件“${fileName}”：${error.reason}`, error.line);
    }
    throw error;
  }
}

async function readDocx(
  buffer: Buffer,
  fileName: string | undefined,
  limits: DocxLimits,
): Promise<string> {
  const corrupt = (error: unknown) =>
    refuse(
      RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
      `ZIP/DOCX 文件已损坏，无法读取（${error instanceof Error ? error.message : String(error)}）。${SAVE_AS_HINT}`,
      fileName,
    );
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw corrupt(error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refuse(
        RegulationSourceErrorCode.SOURCE_TOO_LARGE,
        `压缩包有 ${zip.entryCount} 个条目，超过上限 ${limits.maxEntries}，已拒绝。`,
        fileName,
      );
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    } catch (error) {
      throw corrupt(error);
    }

    const contentTypesEntry = entries.get(CONTENT_TYPES);
    if (!contentTypesEntry) {
      throw refuse(
        RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
        `文件是 ZIP 压缩包，但不是 Word（.docx）文档（没有 ${CONTENT_TYPES}）。${SAVE_AS_HINT}`,
        fileName,
      );
    }
    const contentTypes = await readEntry(
      zip,
      contentTypesEntry,
      limits.maxContentTypesBytes,
      fileName,
    );
    const mainPart = findMainPart(contentTypes.toString('utf8'), entries, fileName);
    const xml = await readEntry(zip, mainPart, limits.maxDocumentBytes, fileName);
    const text = documentXmlToText(xml.toString('utf8'));
    if (text.trim() === '') {
      throw refuse(
        RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
        'Word 文档中没有文字（可能只有扫描图片）。请提供文字版本。',
        fileName,
      );
    }
    return text;
  } finally {
    zip.close();
  }
}

function findMainPart(
  contentTypesXml: string,
  entries: ReadonlyMap<string, Entry>,
  fileName: string | undefined,
): Entry {
  const overrides = [...contentTypesXml.matchAll(/<(?:\w+:)?Override\b([^>]*)>/gu)].map((m) => ({
    partName: attribute(m[1] ?? '', 'PartName')?.replace(/^\//u, ''),
    contentType: attribute(m[1] ?? '', 'ContentType') ?? '',
  }));
  const main = overrides.find((o) => WORD_MAIN_CONTENT_TYPES.has(o.contentType));
  const entry = main?.partName === undefined ? undefined : entries.get(main.partName);
  if (entry) return entry;
  const other = OTHER_OFFICE_PARTS.find(([re]) => overrides.some((o) => re.test(o.contentType)));
  throw refuse(
    RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
    other
      ? `文件是 ${other[1]}，不是 Word 文档。${SAVE_AS_HINT}`
      : `文件是 Office Open XML 压缩包，但找不到 Word 文档正文部件。${SAVE_AS_HINT}`,
    fileName,
  );
}

/**
 * Decompresses one entry, refusing it when its declared size or the bytes actually produced
 * exceed `limit` (a zip bomb declares a small size or a huge one; both stop here).
 */
async function readEntry(
  zip: ZipFile,
  entry: Entry,
  limit: number,
  fileName: string | undefined,
): Promise<Buffer> {
  const tooLarge = () =>
    refuse(
      RegulationSourceErrorCode.SOURCE_TOO_LARGE,
      `压缩包中的“${entry.fileName}”解压后超过 ${Math.round(limit / 1024 / 1024)} MB 上限，疑似压缩炸弹，已拒绝。`,
      fileName,
    );
  if (entry.isEncrypted()) {
    throw refuse(
      RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
      `压缩包中的“${entry.fileName}”已加密，无法读取。${SAVE_AS_HINT}`,
      fileName,
    );
  }
  if (entry.uncompressedSize > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        stream.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof RegulationSourceError) throw error;
    throw refuse(
      RegulationSourceErrorCode.UNSUPPORTED_FORMAT,
      `压缩包中的“${entry.fileName}”已损坏，无法解压（${error instanceof Error ? error.message : String(error)}）。${SAVE_AS_HINT}`,
      fileName,
    );
  }
  return Buffer.concat(chunks);
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(attributes);
  const raw = m ? (m[1] ?? m[2]) : undefined;
  return raw === undefined ? undefined : decodeXmlEntities(raw);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/gu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return XML_ENTITIES[ref] ?? whole;
  });
}

/** Start tags, end tags, text; comments, processing instructions and DOCTYPE are skipped. */
const XML_TOKEN_RE =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/gu;

/**
 * The text of a WordprocessingML main part: one line per paragraph (w:p), with the text of w:t
 * elements, w:tab as a tab and w:br/w:cr as line breaks. Deleted text (w:delText) and field codes
 * (w:instrText) are not w:t and so drop out; mc:Fallback is skipped because it repeats the
 * content of mc:Choice (text boxes). Prefixes are resolved through their xmlns declarations.
 */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  /** Open paragraphs, innermost last (a text box paragraph sits inside a run of another). */
  const paragraphs: string[] = [];
  const scopes: Array<Map<string, string>> = [new Map()];
  const open: Array<{ name: string; pushedScope: boolean }> = [];
  let textDepth = 0;
  let runDepth = 0;
  let skipDepth = 0;

  const append = (text: string) => {
    if (paragraphs.length === 0) paragraphs.push('');
    paragraphs[paragraphs.length - 1] += text;
  };
  const breakLine = () => {
    lines.push(paragraphs.pop() ?? '');
    paragraphs.push('');
  };
  const resolve = (qualified: string): { ns: string | undefined; local: string } => {
    const colon = qualified.indexOf(':');
    const prefix = colon === -1 ? '' : qualified.slice(0, colon);
    const local = colon === -1 ? qualified : qualified.slice(colon + 1);
    return { ns: scopes[scopes.length - 1]?.get(prefix), local };
  };

  for (const m of xml.matchAll(XML_TOKEN_RE)) {
    const [, cdata, slash, qualified, attrs, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (skipDepth === 0 && textDepth > 0) {
        append(cdata ?? decodeXmlEntities(text ?? ''));
      }
      continue;
    }
    if (qualified === undefined) continue;
    if (slash === '/') {
      const element = open.pop();
      if (!element) continue;
      const { ns, local } = resolve(element.name);
      if (element.pushedScope) scopes.pop();
      if (skipDepth > 0) {
        skipDepth--;
        continue;
      }
      if (ns !== undefined && W_NAMESPACES.has(ns)) {
        if (local === 't') textDepth--;
        else if (local === 'r') runDepth--;
        else if (local === 'p') lines.push(paragraphs.pop() ?? '');
      }
      continue;
    }

    const attributes = attrs ?? '';
    const selfClosing = attributes.trimEnd().endsWith('/');
    const declarations = [...attributes.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*("[^"]*"|'[^']*')/gu)];
    let pushedScope = false;
    if (declarations.length > 0 && !selfClosing) {
      const scope = new Map(scopes[scopes.length - 1]);
      for (const d of declarations)
        scope.set(d[1] ?? '', decodeXmlEntities((d[2] ?? '').slice(1, -1)));
      scopes.push(scope);
      pushedScope = true;
    }
    const { ns, local } = resolve(qualified);
    if (skipDepth > 0 || (ns === MC_NAMESPACE && local === 'Fallback')) {
      if (!selfClosing) {
        skipDepth++;
        open.push({ name: qualified, pushedScope });
      }
      continue;
    }
    if (ns !== undefined && W_NAMESPACES.has(ns)) {
      if (local === 'p' && selfClosing) lines.push('');
      else if (local === 'p') paragraphs.push('');
      else if (local === 't' && !selfClosing) textDepth++;
      else if (local === 'r' && !selfClosing) runDepth++;
      // w:tab also appears in paragraph properties (tab stops): only a run's w:tab is text.
      else if (local === 'tab' && runDepth > 0) append('\t');
      else if ((local === 'br' || local === 'cr') && runDepth > 0) breakLine();
      else if (local === 'noBreakHyphen' && runDepth > 0) append('-');
    }
    if (!selfClosing) open.push({ name: qualified, pushedScope });
  }
  // Unclosed paragraphs (a truncated part) keep their text.
  lines.push(...paragraphs.filter((p) => p !== ''));
  return lines.join('\n');
}
