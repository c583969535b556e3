import fc from 'fast-check';

import { intToChineseNumeral } from './numerals';
import { listArticles, parseRegulation } from './parse-regulation';
import {
  insertAfterTitle,
  loadSeedText,
  seedTableOfContents,
  structureOf,
  HALF_WIDTH,
} from '../test-support/regulation-fixtures';
import type { ParsedRegulation } from './types';

/**
 * Property tests: typing conventions must never change the parsed structure.
 * `structureOf` compares numbers, titles, counts and normalizeForComparison() of every text.
 */

const WS_CHARS = [' ', '\u3000', '\u00a0', '\t', '\u200b'] as const;
const wsRun = fc.string({ unit: fc.constantFrom(...WS_CHARS), minLength: 1, maxLength: 3 });

interface Reformatting {
  insertions: { line: number; pos: number; ws: string }[];
  blankLines: { at: number; ws: string }[];
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
}

const reformatting: fc.Arbitrary<Reformatting> = fc.record({
  insertions: fc.array(fc.record({ line: fc.nat(), pos: fc.nat(), ws: wsRun }), {
    maxLength: 80,
  }),
  blankLines: fc.array(
    fc.record({
      at: fc.nat(),
      ws: fc.string({ unit: fc.constantFrom(...WS_CHARS), maxLength: 2 }),
    }),
    { maxLength: 12 },
  ),
  eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  bom: fc.boolean(),
});

/** Insert whitespace at arbitrary positions of arbitrary lines (inside headings, titles, text, at
 * either end) and blank lines anywhere; then re-join with the chosen line end. */
function reformat(text: string, r: Reformatting): string {
  const out = text.split('\n');
  for (const { line, pos, ws } of r.insertions) {
    const i = line % out.length;
    const current = out[i] ?? '';
    const at = pos % (current.length + 1);
    out[i] = current.slice(0, at) + ws + current.slice(at);
  }
  for (const { at, ws } of r.blankLines) out.splice(at % (out.length + 1), 0, ws);
  return (r.bom ? '\ufeff' : '') + out.join(r.eol);
}

function swapWidths(text: string, flips: boolean[]): string {
  let k = 0;
  return text.replace(/[（）：，；【】]/gu, (ch) =>
    flips[k++ % flips.length] ? (HALF_WIDTH[ch] ?? ch) : ch,
  );
}

const seed = loadSeedText();
const seedWithToc = insertAfterTitle(
  seed,
  `（2024年X月X日湖北省第十四届人民代表大会常务委员会第X次会议通过）\n${seedTableOfContents()}`,
);
const swappable = (seed.match(/[（）：，；【】]/gu) ?? []).length;

describe('parseRegulation — properties', () => {
  const expectedSeed = structureOf(parseRegulation(seed));

  it('random whitespace (spaces, full-width spaces, NBSP, tabs, blank lines, CRLF/CR, BOM) does not change the structure', () => {
    fc.assert(
      fc.property(reformatting, (r) => {
        const parsed = parseRegulation(reformat(seed, r));
        expect(structureOf(parsed)).toEqual(expectedSeed);
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('random whitespace does not change the structure of a text with preamble and TOC', () => {
    const expected = structureOf(parseRegulation(seedWithToc));
    fc.assert(
      fc.property(reformatting, (r) => {
        const parsed = parseRegulation(reformat(seedWithToc, r));
        expect(structureOf(parsed)).toEqual(expected);
        expect(parsed.tableOfContents).toHaveLength(7);
        expect(parsed.preamble).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });

  it('random full-/half-width punctuation swaps do not change the structure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: swappable, maxLength: swappable }),
        (flips) => {
          const parsed = parseRegulation(swapWidths(seed, flips));
          expect(structureOf(parsed)).toEqual(expectedSeed);
          expect(parsed.warnings).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('whitespace and punctuation changes combined keep the text fidelity invariant', () => {
    fc.assert(
      fc.property(
        reformatting,
        fc.array(fc.boolean(), { minLength: swappable, maxLength: swappable }),
        (r, flips) => {
          const parsed = parseRegulation(reformat(swapWidths(seedWithToc, flips), r));
          expect(structureOf(parsed)).toEqual(structureOf(parseRegulation(seedWithToc)));
          assertFidelity(parsed);
        },
      ),
      { numRuns: 100 },
    );
  });
});

function assertFidelity(parsed: ParsedRegulation): void {
  for (const a of listArticles(parsed)) {
    const pieces = a.paragraphs.flatMap((p) => [
      p.text,
      ...p.items.flatMap((i) => [i.text, ...i.subItems.map((s) => s.text)]),
    ]);
    expect(pieces.join('')).toBe(a.text.replace(/\n/gu, ''));
  }
}

// ---------------------------------------------------------------------------------------------
// Generated regulations: build a random structure, render it in a random typing style, parse it
// back and compare with the structure it was rendered from.

interface ModelItem {
  content: string;
  subItems: string[];
}
interface ModelParagraph {
  text: string;
  items: ModelItem[];
}
interface ModelArticle {
  title?: string;
  paragraphs: ModelParagraph[];
}
interface ModelSection {
  title: string;
  articles: ModelArticle[];
}
interface ModelChapter {
  title: string;
  /** Articles before the first section (or all articles when there are no sections). */
  lead: ModelArticle[];
  sections: ModelSection[];
}
interface Model {
  title?: string;
  chapters: ModelChapter[];
  /** When true, the single chapter is rendered without a heading (implicit chapter). */
  chapterless: boolean;
}

const words = fc.string({
  unit: fc.constantFrom(
    ...'质量促进工作政府部门企业应当加强建立健全管理体系标准品牌创新服务监督，、',
  ),
  minLength: 1,
  maxLength: 16,
});
// Text never starts with punctuation or ends with a colon unless it introduces items.
const sentence = (end: string) =>
  fc
    .tuple(fc.constantFrom(...'县省企行鼓支国'), words)
    .map(([first, rest]) => `${first}${rest.replace(/[，、]+$/u, '')}${end}`);
const label = fc.string({
  unit: fc.constantFrom(...'总则附质量安全品牌监督管理法律责任基础支撑'),
  minLength: 1,
  maxLength: 8,
});

const modelItem: fc.Arbitrary<ModelItem> = fc.record({
  content: sentence('；'),
  subItems: fc.array(sentence('；'), { maxLength: 2 }),
});
const modelParagraph: fc.Arbitrary<ModelParagraph> = fc
  .array(modelItem, { maxLength: 3 })
  .chain((items) => sentence(items.length > 0 ? '：' : '。').map((text) => ({ text, items })));
const modelArticle = (titled: boolean): fc.Arbitrary<ModelArticle> =>
  fc.record({
    ...(titled ? { title: label } : {}),
    paragraphs: fc.array(modelParagraph, { minLength: 1, maxLength: 3 }),
  });
const modelChapter = (titled: boolean): fc.Arbitrary<ModelChapter> =>
  fc
    .record({
      title: label,
      lead: fc.array(modelArticle(titled), { maxLength: 2 }),
      sections: fc.array(
        fc.record({
          title: label,
          articles: fc.array(modelArticle(titled), { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
    })
    .filter((c) => c.lead.length > 0 || c.sections.length > 0);

const model: fc.Arbitrary<Model> = fc.boolean().chain((titled) =>
  fc.oneof(
    fc.record({
      title: fc.option(
        label.map((l) => `湖北省${l}条例`),
        { nil: undefined },
      ),
      chapters: fc.array(modelChapter(titled), { minLength: 1, maxLength: 4 }),
      chapterless: fc.constant(false),
    }),
    fc.record({
      title: fc.option(
        label.map((l) => `湖北省${l}规定`),
        { nil: undefined },
      ),
      chapters: fc
        .array(modelArticle(titled), { minLength: 1, maxLength: 4 })
        .map((lead) => [{ title: '', lead, sections: [] }]),
      chapterless: fc.constant(true),
    }),
  ),
);

interface Style {
  separator: string;
  brackets: readonly [string, string];
  parens: readonly [string, string];
  subItemMarker: (n: number) => string;
  headingSpace: string;
  bodyOnNextLine: boolean;
  toc: boolean;
  eol: string;
}

const style: fc.Arbitrary<Style> = fc.record({
  separator: fc.constantFrom(' ', '\u3000', '\u00a0\u00a0', '  '),
  brackets: fc.constantFrom(['【', '】'] as const, ['[', ']'] as const, ['［', '］'] as const),
  parens: fc.constantFrom(['（', '）'] as const, ['(', ')'] as const),
  subItemMarker: fc.constantFrom(
    (n: number) => `${n}.`,
    (n: number) => `${n}．`,
    (n: number) => `（${n}）`,
  ),
  headingSpace: fc.constantFrom('', ' ', '\u3000'),
  bodyOnNextLine: fc.boolean(),
  toc: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
});

function render(m: Model, s: Style): string {
  const out: string[] = [];
  const spaced = (title: string) => [...title].join(s.headingSpace);
  const chapterHeading = (n: number, title: string) =>
    `第${intToChineseNumeral(n)}章${s.separator}${spaced(title)}`;
  const sectionHeading = (n: number, title: string) =>
    `第${intToChineseNumeral(n)}节${s.separator}${spaced(title)}`;
  if (m.title !== undefined) out.push(m.title);
  if (s.toc && !m.chapterless) {
    out.push('目录');
    m.chapters.forEach((c, ci) => {
      out.push(chapterHeading(ci + 1, c.title));
      c.sections.forEach((sec, si) => out.push(sectionHeading(si + 1, sec.title)));
    });
  }
  let articleNumber = 0;
  const renderArticle = (a: ModelArticle) => {
    articleNumber++;
    const heading =
      `第${intToChineseNumeral(articleNumber)}条` +
      (a.title === undefined ? '' : `${s.brackets[0]}${a.title}${s.brackets[1]}`);
    a.paragraphs.forEach((p, pi) => {
      if (pi === 0 && !s.bodyOnNextLine) out.push(`${heading}${s.separator}${p.text}`);
      else {
        if (pi === 0) out.push(heading);
        out.push(p.text);
      }
      p.items.forEach((item, ii) => {
        out.push(`${s.parens[0]}${intToChineseNumeral(ii + 1)}${s.parens[1]}${item.content}`);
        item.subItems.forEach((sub, si) => out.push(`${s.subItemMarker(si + 1)}${sub}`));
      });
    });
  };
  m.chapters.forEach((c, ci) => {
    if (!m.chapterless) out.push(chapterHeading(ci + 1, c.title));
    c.lead.forEach(renderArticle);
    c.sections.forEach((sec, si) => {
      out.push(sectionHeading(si + 1, sec.title));
      sec.articles.forEach(renderArticle);
    });
  });
  return out.join(s.eol);
}

/** What the parser should produce for a model, in the same shape as `project`. */
function expectedFor(m: Model) {
  let n = 0;
  const article = (a: ModelArticle, sectionNumber?: number) => ({
    number: ++n,
    title: a.title,
    sectionNumber,
    paragraphs: a.paragraphs.map((p) => ({
      text: p.text,
      items: p.items.map((i) => ({ content: i.content, subItems: i.subItems })),
    })),
  });
  return m.chapters.map((c, ci) => {
    const lead = c.lead.map((a) => article(a));
    const sectionArticles = c.sections.map((sec, si) =>
      sec.articles.map((a) => article(a, si + 1)),
    );
    return {
      number: m.chapterless ? 0 : ci + 1,
      title: c.title,
      sections:
        c.sections.length === 0
          ? undefined
          : c.sections.map((sec, si) => ({
              number: si + 1,
              title: sec.title,
              articleNumbers: (sectionArticles[si] ?? []).map((a) => a.number),
            })),
      articles: [...lead, ...sectionArticles.flat()],
    };
  });
}

function project(parsed: ParsedRegulation) {
  return parsed.chapters.map((c) => ({
    number: c.number,
    title: c.title,
    sections: c.sections?.map((s) => ({
      number: s.number,
      title: s.title,
      articleNumbers: s.articleNumbers,
    })),
    articles: c.articles.map((a) => ({
      number: a.number,
      title: a.title,
      sectionNumber: a.sectionNumber,
      paragraphs: a.paragraphs.map((p) => ({
        text: p.text,
        items: p.items.map((i) => ({
          content: i.content,
          subItems: i.subItems.map((sub) => sub.content),
        })),
      })),
    })),
  }));
}

describe('parseRegulation — generated regulations', () => {
  it('parses any rendered structure back to that structure, with every character accounted for', () => {
    fc.assert(
      fc.property(model, style, (m, s) => {
        const parsed = parseRegulation(render(m, s));
        expect(project(parsed)).toEqual(expectedFor(m));
        expect(parsed.title).toBe(m.title);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.chapters.every((c) => (c.implicit ?? false) === m.chapterless)).toBe(true);
        assertFidelity(parsed);
      }),
      { numRuns: 300 },
    );
  });
});
