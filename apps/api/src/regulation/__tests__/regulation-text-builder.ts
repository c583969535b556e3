import { readFileSync } from 'node:fs';
import { chineseNumeralToInt, intToChineseNumeral } from '@duty/regulation/parser';
import { shippedRegulationPath } from '../seed-regulations';

export const SEED_TEXT = readFileSync(
  shippedRegulationPath('hubei-quality-promotion-draft.txt'),
  'utf8',
);

const ARTICLE_HEADING = /^第([零一二三四五六七八九十百]+)条/;

/**
 * Builds an edited version of a regulation text for version tests: `edit` may rewrite an
 * article's text (by its original number) and `insertAfter` adds a new article after the
 * given one, renumbering every later article as a real amendment would.
 */
export function editRegulation(
  text: string,
  options: {
    replace?: Record<number, [string, string]>;
    insertAfter?: { article: number; line: string };
  },
): string {
  const out: string[] = [];
  let current = 0;
  for (const line of text.split('\n')) {
    const heading = ARTICLE_HEADING.exec(line.trim());
    if (heading) {
      if (options.insertAfter && current === options.insertAfter.article) {
        out.push(`第${intToChineseNumeral(current + 1)}条${options.insertAfter.line}`);
      }
      current = chineseNumeralToInt(heading[1]);
    }
    let edited = line;
    const replacement = options.replace?.[current];
    if (replacement && edited.includes(replacement[0]))
      edited = edited.replace(replacement[0], replacement[1]);
    if (heading && options.insertAfter && current > options.insertAfter.article) {
      edited = edited.replace(ARTICLE_HEADING, `第${intToChineseNumeral(current + 1)}条`);
    }
    out.push(edited);
  }
  return out.join('\n');
}
