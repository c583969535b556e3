import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Absolute path of the library's data folder (the common-password lists). It sits beside the
 * compiled code: `tsc` does not copy `.txt` files, so a build that compiles this library must
 * copy `libs/api/passwords/src/data` to the matching place in its output (see README.md).
 */
export const PASSWORD_DATA_DIR = path.join(__dirname, 'data');

/** The list files in {@link PASSWORD_DATA_DIR}, all loaded into one set. */
export const COMMON_PASSWORD_FILES = ['common-passwords.txt', 'common-passwords-zh.txt'] as const;

const NOT_PRINTABLE_ASCII = /[^ -~]/;

let commonPasswords: ReadonlySet<string> | undefined;

/**
 * Folds a password for comparison with the lists: Unicode NFKC (so full-width ＡＢＣ１２３, as a
 * Chinese input method may type them, match ABC123) and then lower case.
 */
export function foldForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Parses a list file: one entry a line; blank lines and lines starting with `#` are skipped. */
export function parsePasswordList(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    // NFKC is slow and changes nothing in ASCII, where lower-casing is all the folding.
    entries.push(NOT_PRINTABLE_ASCII.test(entry) ? foldForComparison(entry) : entry.toLowerCase());
  }
  return entries;
}

/**
 * The common passwords of all lists, folded. Read from disk on first use (0.4 MB, about 0.1 s
 * on a small machine, once per process; call it at start-up to take that off the first
 * request) and kept.
 *
 * @throws Error naming the missing file when the data folder was not shipped with the build.
 */
export function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const all = new Set<string>();
    for (const name of COMMON_PASSWORD_FILES) {
      const file = path.join(PASSWORD_DATA_DIR, name);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        throw new Error(
          `Common-password list ${file} cannot be read: the build must copy ` +
            'libs/api/passwords/src/data next to the compiled library (see its README.md).',
          { cause },
        );
      }
      for (const entry of parsePasswordList(text)) all.add(entry);
    }
    commonPasswords = all;
  }
  return commonPasswords;
}

/** True when the password, compared case-insensitively, is on one of the lists. */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(foldForComparison(password));
}
