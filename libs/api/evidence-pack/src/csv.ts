/**
 * Minimal RFC 4180 CSV: records end with CRLF, a field is quoted when it contains a comma, a
 * double quote, CR or LF, and quotes inside a quoted field are doubled.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_LINE_END = '\r\n';

/** One field, quoted only when RFC 4180 requires it. */
export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record with its CRLF terminator. */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map(formatCsvField).join(',') + CSV_LINE_END;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based record number (the header is record 1). */
    readonly record: number,
  ) {
    super(`CSV record ${record}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses RFC 4180 text into records of fields. Records end with CRLF or LF; the last one may
 * omit it. Quoted fields may hold commas, doubled quotes, CR and LF. Anything else is refused
 * (a quote inside an unquoted field, text after a closing quote, a bare CR, an unterminated
 * quote) rather than guessed at: the input is an integrity manifest.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let position = 0;
  const endRecord = (): void => {
    records.push(fields);
    fields = [];
  };
  while (position < text.length) {
    const parsed =
      text[position] === '"'
        ? readQuotedField(text, position, records.length + 1)
        : readPlainField(text, position, records.length + 1);
    fields.push(parsed.value);
    position = parsed.end;
    if (position >= text.length) break;
    if (text[position] === ',') {
      position += 1;
      // A trailing comma at the very end still announces one more (empty) field.
      if (position >= text.length) fields.push('');
      continue;
    }
    // Only a record end can follow a field here (the readers stop at nothing else).
    position += text.startsWith(CSV_LINE_END, position) ? 2 : 1;
    endRecord();
  }
  if (fields.length > 0) endRecord();
  return records;
}

interface ParsedField {
  value: string;
  /** Index of the character after the field (a comma, a line end, or the end of the text). */
  end: number;
}

function readPlainField(text: string, start: number, record: number): ParsedField {
  let end = start;
  while (end < text.length) {
    const char = text[end];
    if (char === ',' || char === '\n' || text.startsWith(CSV_LINE_END, end)) break;
    if (char === '"') throw new CsvSyntaxError('quote inside an unquoted field', record);
    if (char === '\r') throw new CsvSyntaxError('carriage return outside quotes', record);
    end += 1;
  }
  return { value: text.slice(start, end), end };
}

function readQuotedField(text: string, start: number, record: number): ParsedField {
  let value = '';
  let position = start + 1;
  for (;;) {
    const quote = text.indexOf('"', position);
    if (quote === -1) throw new CsvSyntaxError('unterminated quoted field', record);
    value += text.slice(position, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      position = quote + 2;
      continue;
    }
    const end = quote + 1;
    const next = text[end];
    if (end < text.length && next !== ',' && next !== '\n' && !text.startsWith(CSV_LINE_END, end)) {
      throw new CsvSyntaxError('text after a closing quote', record);
    }
    return { value, end };
  }
}
