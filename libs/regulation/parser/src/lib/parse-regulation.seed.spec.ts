import { intToChineseNumeral } from './numerals';
import { listArticles, parseRegulation } from './parse-regulation';
import { loadSeedText, SEED_CHAPTERS } from '../test-support/regulation-fixtures';
import type { Article } from './types';

/**
 * The seed regulation (湖北省质量促进条例（草案）) is the product's primary input; these tests pin
 * its parsed structure. Expected values were read off the text by hand (and cross-checked with
 * an independent line count), not produced by the parser.
 */
describe('parseRegulation — seed regulation (湖北省质量促进条例（草案）)', () => {
  const text = loadSeedText();
  const regulation = parseRegulation(text);
  const articles = listArticles(regulation);
  const article = (n: number): Article => {
    const found = articles.find((a) => a.number === n);
    if (!found) throw new Error(`article ${n} missing`);
    return found;
  };

  it('reads the title and finds no preamble, table of contents or warnings', () => {
    expect(regulation.title).toBe('湖北省质量促进条例（草案）');
    expect(regulation.titleLine).toBe(1);
    expect(regulation.preamble).toBeUndefined();
    expect(regulation.tableOfContents).toBeUndefined();
    expect(regulation.warnings).toEqual([]);
  });

  it('has exactly 7 chapters with the titles of the text, spaces removed', () => {
    expect(regulation.chapters).toHaveLength(7);
    expect(
      regulation.chapters.map((c) => ({
        number: c.number,
        title: c.title,
        firstArticle: c.articles[0]?.number,
        lastArticle: c.articles.at(-1)?.number,
        line: c.line,
      })),
    ).toEqual(SEED_CHAPTERS);
    // `第七章  附  则` is written with a NBSP and a space inside the title.
    expect(regulation.chapters[6]?.title).toBe('附则');
    expect(regulation.chapters.every((c) => c.sections === undefined && !c.implicit)).toBe(true);
  });

  it('has exactly 42 articles numbered 1…42 in order', () => {
    expect(articles).toHaveLength(42);
    expect(articles.map((a) => a.number)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
  });

  it('reads the bracketed article titles; article 42 has none', () => {
    expect(article(1).title).toBe('目的和依据');
    expect(article(4).title).toBe('政府职责');
    expect(article(5).title).toBe('主体责任');
    expect(article(16).title).toBe('质量基础设施服务升级');
    expect(article(17).title).toBe('技术性贸易措施信息服务');
    expect(article(40).title).toBe('质量考核');
    expect(article(41).title).toBe('人大监督');
    expect(article(42).title).toBeUndefined();
    expect(articles.filter((a) => a.title === undefined).map((a) => a.number)).toEqual([42]);
  });

  it('splits every article into the paragraphs (款) of the text', () => {
    // One paragraph per non-item line, counted independently from the text.
    const expected = [
      1, 1, 1, 3, 2, 2, 1, 1, 1, 1, 2, 2, 1, 3, 2, 2, 2, 1, 2, 2, 1, 1, 1, 1, 3, 1, 1, 1, 1, 2, 3,
      2, 1, 1, 1, 2, 1, 2, 2, 1, 1, 1,
    ];
    expect(articles.map((a) => a.paragraphs.length)).toEqual(expected);
    expect(articles.flatMap((a) => a.paragraphs.map((p) => p.number))).toEqual(
      expected.flatMap((n) => Array.from({ length: n }, (_, i) => i + 1)),
    );
  });

  it('reads article 4 (政府职责) as three paragraphs with their text and lines', () => {
    const a4 = article(4);
    expect(a4.line).toBe(6);
    expect(a4.paragraphs.map((p) => [p.number, p.line, p.items.length])).toEqual([
      [1, 6, 0],
      [2, 7, 0],
      [3, 8, 0],
    ]);
    expect(a4.paragraphs[0]?.text).toBe(
      '县级以上人民政府应当将质量促进工作纳入国民经济和社会发展规划，统筹安排质量促进工作经费。',
    );
    expect(a4.paragraphs[2]?.text).toMatch(/^县级以上人民政府发展改革、经济和信息化、科学技术/u);
    expect(a4.paragraphs[2]?.text).toMatch(/在各自职责范围内做好质量促进工作。$/u);
  });

  it('reads article 5 (主体责任): a colon paragraph with items （一）…（五）, then a second paragraph', () => {
    const a5 = article(5);
    expect(a5.paragraphs).toHaveLength(2);
    const [intro, second] = a5.paragraphs;
    expect(intro?.text).toBe('企业应当落实质量主体责任，推动开展以下质量促进活动：');
    expect(intro?.line).toBe(9);
    expect(intro?.items.map((i) => [i.number, i.marker, i.line])).toEqual([
      [1, '（一）', 10],
      [2, '（二）', 11],
      [3, '（三）', 12],
      [4, '（四）', 13],
      [5, '（五）', 14],
    ]);
    expect(intro?.items[0]?.content).toBe(
      '建立健全质量管理体系，导入先进质量管理方法，推进质量管理数字化升级，提高质量管理水平；',
    );
    expect(intro?.items[2]?.text).toBe('（三）制定和实施先进标准，实施质量品牌战略；');
    expect(intro?.items[3]?.content).toBe('强化诚信自律，践行质量承诺；');
    expect(intro?.items[4]?.content).toBe('依法开展其他质量促进活动。');
    expect(intro?.items.every((i) => i.subItems.length === 0)).toBe(true);
    expect(second?.text).toBe(
      '鼓励和引导企业设立首席质量官、首席品牌官，明确职责权限，完善企业质量治理机制。',
    );
    expect(second?.line).toBe(15);
    expect(second?.items).toEqual([]);
  });

  it('finds items only in article 5 — the only （一） lines of the seed', () => {
    const withItems = articles.filter((a) => a.paragraphs.some((p) => p.items.length > 0));
    expect(withItems.map((a) => a.number)).toEqual([5]);
    const itemLines = text.split('\n').filter((l) => /^\s*（[一二三四五六七八九十]+）/u.test(l));
    expect(articles.flatMap((a) => a.paragraphs.flatMap((p) => p.items))).toHaveLength(
      itemLines.length,
    );
  });

  it('keeps multi-sentence lines as one paragraph (款), e.g. article 12 and article 31', () => {
    expect(article(12).paragraphs[0]?.text).toMatch(
      /地方标准。鼓励社会团体、企业制定高于推荐性标准相关技术要求的团体标准、企业标准。$/u,
    );
    expect(article(31).paragraphs.map((p) => p.line)).toEqual([58, 59, 60]);
    // `；` inside a paragraph does not make items.
    expect(article(30).paragraphs[1]?.items).toEqual([]);
  });

  it('keeps the blank date of article 42 verbatim (NBSPs and spaces inside the text)', () => {
    const a42 = article(42);
    expect(a42.line).toBe(77);
    expect(a42.paragraphs).toHaveLength(1);
    expect(a42.text).toBe('本条例自 \u00a0\u00a0年 \u00a0\u00a0月 \u00a0\u00a0日起施行。');
    expect(a42.paragraphs[0]?.text).toBe(a42.text);
  });

  it('strips the NBSP separator between heading and body but nothing inside the body', () => {
    expect(article(1).paragraphs[0]?.text).toBe(
      '为了实施质量强国战略，加快质量强省建设，促进经济社会高质量发展，根据有关法律、行政法规，结合本省实际，制定本条例。',
    );
    expect(article(1).line).toBe(3);
  });

  it('records source lines that point at the right text', () => {
    const sourceLines = text.split('\n');
    for (const a of articles) {
      expect(sourceLines[a.line - 1]).toContain(`条`);
      for (const p of a.paragraphs) {
        expect(sourceLines[p.line - 1]).toContain(p.text);
        for (const i of p.items) expect(sourceLines[i.line - 1]?.trim()).toBe(i.text);
      }
    }
    for (const c of regulation.chapters) expect(sourceLines[c.line - 1]).toMatch(/第.+章/u);
  });

  describe('text fidelity: every character of an article body lands in exactly one paragraph or item', () => {
    const pieces = (a: Article): string[] =>
      a.paragraphs.flatMap((p) => [
        p.text,
        ...p.items.flatMap((i) => [i.text, ...i.subItems.map((s) => s.text)]),
      ]);

    it('concatenated paragraph and item texts equal the article text without line breaks', () => {
      for (const a of articles) {
        expect(pieces(a).join('')).toBe(a.text.replace(/\n/gu, ''));
      }
    });

    it('concatenated paragraph and item texts equal the body sliced independently from the source', () => {
      // Independent of the parser: cut the raw text at article/chapter headings with simple
      // regexes and strip the heading and title from the first line.
      const bodies = new Map<number, string>();
      let current: number | undefined;
      let n = 0;
      for (const raw of text.split('\n')) {
        const lineText = raw.trim();
        if (/^第[一二三四五六七八九十]+章/u.test(lineText)) {
          current = undefined;
        } else if (/^第[一二三四五六七八九十]+条/u.test(lineText)) {
          current = ++n;
          bodies.set(
            current,
            lineText.replace(/^第[一二三四五六七八九十]+条(【[^】]*】)?/u, '').trim(),
          );
        } else if (current !== undefined && lineText !== '') {
          bodies.set(current, `${bodies.get(current) ?? ''}${lineText}`);
        }
      }
      expect(bodies.size).toBe(42);
      for (const a of articles) expect(pieces(a).join('')).toBe(bodies.get(a.number));
    });

    it('rebuilds the whole source (whitespace aside) from title, headings and article texts', () => {
      const strip = (s: string) => s.replace(/\s/gu, '');
      const rebuilt = [
        regulation.title ?? '',
        ...regulation.chapters.map(
          (c) =>
            `第${intToChineseNumeral(c.number)}章${c.title}` +
            c.articles
              .map(
                (a) =>
                  `第${intToChineseNumeral(a.number)}条` +
                  (a.title === undefined ? '' : `【${a.title}】`) +
                  a.text,
              )
              .join(''),
        ),
      ].join('');
      expect(strip(rebuilt)).toBe(strip(text));
    });
  });

  it('produces plain JSON-serialisable data', () => {
    expect(JSON.parse(JSON.stringify(regulation))).toEqual(regulation);
  });

  it('is deterministic', () => {
    expect(parseRegulation(text)).toEqual(regulation);
  });
});
