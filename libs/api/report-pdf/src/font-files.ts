import { existsSync, readFileSync } from 'node:fs';
import { FontFormatError, parseTrueType, type TrueTypeFont } from './truetype';

/** CJK TrueType fonts tried in order when REPORT_FONT_FILE is not set. */
export const CJK_FONT_FILES = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
] as const;

/**
 * Latin TrueType fonts for the characters the CJK font lacks (DroidSansFallbackFull has no
 * Latin letters or digits), tried in order when REPORT_LATIN_FONT_FILE is not set. Optional:
 * without one, a CJK font that has Latin glyphs (WenQuanYi, AR PL) draws them itself.
 */
export const LATIN_FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
] as const;

export interface FontFiles {
  /** The CJK font file (REPORT_FONT_FILE, or the first of CJK_FONT_FILES that exists). */
  cjk: string | null;
  /** The Latin font file (REPORT_LATIN_FONT_FILE, or the first of LATIN_FONT_FILES), if any. */
  latin: string | null;
}

/** Where the report fonts are, by the environment and the usual Debian/Ubuntu locations. */
export function findFontFiles(env: NodeJS.ProcessEnv = process.env): FontFiles {
  const first = (candidates: readonly string[]) => candidates.find((f) => existsSync(f)) ?? null;
  return {
    cjk: env.REPORT_FONT_FILE || first(CJK_FONT_FILES),
    latin: env.REPORT_LATIN_FONT_FILE || first(LATIN_FONT_FILES),
  };
}

/** No CJK font could be found or read: the PDF report cannot be made on this server. */
export class FontUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontUnavailableError';
  }
}

/**
 * The report fonts, read once: the CJK font first, then the Latin font. Throws a
 * FontUnavailableError naming what to install or set when there is no usable CJK font.
 */
export function loadReportFonts(files: FontFiles = findFontFiles()): TrueTypeFont[] {
  if (!files.cjk) {
    throw new FontUnavailableError(
      `no CJK TrueType font: set REPORT_FONT_FILE or install fonts-droid-fallback (looked for ${CJK_FONT_FILES.join(', ')})`,
    );
  }
  const read = (file: string) => {
    try {
      return parseTrueType(readFileSync(file));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new FontUnavailableError(`font ${file} cannot be used: ${reason}`);
    }
  };
  const fonts = [read(files.cjk)];
  if (files.latin) fonts.push(read(files.latin));
  return fonts;
}

export { FontFormatError };
