/**
 * Regulation titles as compared across versions: an amended text keeps its regulation's title
 * except for the status the drafting stage adds (《湖北省质量促进条例（修订草案）》 and
 * 湖北省质量促进条例 name the same regulation).
 */

import { removeWhitespace } from './normalize';

/** A trailing （草案）/（修订草案）/（征求意见稿）/（送审稿）… — after NFKC the brackets are ASCII. */
const STATUS_SUFFIX_RE = /[([【〔][^()[\]【】〔〕]*(?:草案|稿)[^()[\]【】〔〕]*[)\]】〕]$/u;
/** The same status written without brackets: 某某条例修订草案. */
const BARE_STATUS_SUFFIX_RE = /(?:修订|修正)?草案$/u;

/**
 * The comparable form of a regulation title: whitespace removed, NFKC (full/half-width
 * brackets alike), book-title marks 《》 dropped and drafting-status suffixes stripped.
 */
export function comparableRegulationTitle(title: string): string {
  let key = removeWhitespace(title)
    .normalize('NFKC')
    .replace(/[《》〈〉]/gu, '');
  for (;;) {
    const stripped = key.replace(STATUS_SUFFIX_RE, '').replace(BARE_STATUS_SUFFIX_RE, '');
    if (stripped === key || stripped === '') return key;
    key = stripped;
  }
}
