import fc from 'fast-check';
import { extractArticleDuties } from '../index';
import type { ArticleInput, CueField, ExtractedDuty } from '../index';
import { seedArticles } from '../__fixtures__/seed-articles';

const WHITESPACE = [' ', '\u3000', '\u00a0', '\t', '  '];

/** Insert whitespace at arbitrary positions of any paragraph or item text. */
function withWhitespace(
  article: ArticleInput,
  insertions: Array<{ target: number; pos: number; ws: string }>,
): ArticleInput {
  const copy: ArticleInput = structuredClone(article);
  const slots: Array<{ get: () => string; set: (s: string) => void }> = [];
  for (const p of copy.paragraphs) {
    slots.push({ get: () => p.text, set: (s) => (p.text = s) });
    for (const item of p.items) slots.push({ get: () => item.text, set: (s) => (item.text = s) });
  }
  if (slots.length === 0) return copy;
  for (const { target, pos, ws } of insertions) {
    const slot = slots[target % slots.length];
    const text = slot.get();
    const at = pos % (text.length + 1);
    slot.set(text.slice(0, at) + ws + text.slice(at));
  }
  return copy;
}

function classification(d: ExtractedDuty) {
  return {
    at: [d.paragraph, d.item, d.sequence],
    actorType: d.actorType,
    levels: d.levels,
    modality: d.modality,
    departments: d.departments,
    actorSource: d.actorSource,
    actorText: d.actorText,
    text: d.text.replace(/\s/g, ''),
  };
}

function sourceOf(article: ArticleInput, d: ExtractedDuty): string | undefined {
  const p = article.paragraphs.find((x) => x.number === d.paragraph);
  return d.item === null ? p?.text : p?.items.find((i) => i.number === d.item)?.text;
}

const FIELDS: CueField[] = [
  'actor',
  'actorType',
  'levels',
  'modality',
  'departments',
  'subject',
  'kind',
  'tracked',
];

function checkInvariants(article: ArticleInput, duties: ExtractedDuty[]): void {
  for (const d of duties) {
    expect(sourceOf(article, d)?.slice(d.offset, d.offset + d.text.length)).toBe(d.text);
    // A government or department anywhere in the (possibly joined) subject makes it a government duty.
    const government = [d.actorType, ...d.actorTypes].some(
      (t) => t === 'government' || t === 'department',
    );
    expect(d.governmentDuty).toBe(government);
    expect(d.levels.length === 0).toBe(!government);
    if (d.trackedByDefault) {
      expect(d.governmentDuty && d.kind === 'implementation').toBe(true);
      expect(d.levels.some((l) => l !== 'national')).toBe(true);
    }
    for (const field of FIELDS) expect(d.cues.some((c) => c.field === field)).toBe(true);
  }
}

const seedArbitrary = fc.constantFrom(...seedArticles());

describe('extraction properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(seedArbitrary, (article) => {
        expect(extractArticleDuties(article)).toEqual(extractArticleDuties(article));
      }),
    );
  });

  it('inserting whitespace does not change actorType, levels, modality (nor the duties found)', () => {
    fc.assert(
      fc.property(
        seedArbitrary,
        fc.array(
          fc.record({ target: fc.nat(), pos: fc.nat(), ws: fc.constantFrom(...WHITESPACE) }),
          { maxLength: 30 },
        ),
        (article, insertions) => {
          const spaced = withWhitespace(article, insertions);
          const before = extractArticleDuties(article);
          const after = extractArticleDuties(spaced);
          expect(after.map(classification)).toEqual(before.map(classification));
          checkInvariants(spaced, after);
        },
      ),
      { numRuns: 300 },
    );
  });

  const FRAGMENTS = [
    '县级以上人民政府',
    '省人民政府',
    '省和设区的市、自治州人民政府',
    '市场监督管理',
    '水利、科技等',
    '部门',
    '及其有关部门',
    '人大常委会',
    '企业',
    '行业协会',
    '第三方机构',
    '媒体',
    '公民、法人和其他组织',
    '鼓励',
    '支持',
    '引导',
    '应当',
    '可以',
    '不得',
    '依法',
    '做好',
    '建立',
    '工作',
    '本条例',
    '适用于',
    '以下',
    '，',
    '。',
    '；',
    '：',
    '、',
    '和',
    '等',
    '（一）',
    ' ',
    'x',
  ];
  const textArbitrary = fc
    .array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 })
    .map((a) => a.join(''));
  const articleArbitrary: fc.Arbitrary<ArticleInput> = fc
    .array(fc.record({ text: textArbitrary, items: fc.array(textArbitrary, { maxLength: 3 }) }), {
      maxLength: 4,
    })
    .map((paragraphs) => ({
      number: 1,
      paragraphs: paragraphs.map((p, i) => ({
        number: i + 1,
        text: p.text,
        items: p.items.map((t, j) => ({ number: j + 1, text: t })),
      })),
    }));

  it('never throws on generated text, and the invariants hold', () => {
    fc.assert(
      fc.property(articleArbitrary, (article) => {
        const duties = extractArticleDuties(article);
        checkInvariants(article, duties);
        expect(extractArticleDuties(article)).toEqual(duties);
      }),
      { numRuns: 500 },
    );
  });
});
