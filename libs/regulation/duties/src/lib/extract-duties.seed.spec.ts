import { extractRegulationDuties } from '../index';
import type { CueField, ExtractedDuty } from '../index';
import { seedArticle, seedArticles, seedRegulation } from '../__fixtures__/seed-articles';

/**
 * The seed is extracted as the import does it: the whole text, with the coordinating department
 * the demo import sets (the draft names no competent department of its own).
 */
const extraction = extractRegulationDuties(seedRegulation(), {
  coordinatingDepartment: 'market_regulation',
});

function dutiesOf(article: number): ExtractedDuty[] {
  return extraction.articles.find((a) => a.number === article)?.duties ?? [];
}

function duty(
  article: number,
  paragraph: number,
  item: number | null,
  sequence = 1,
): ExtractedDuty {
  const found = dutiesOf(article).find(
    (d) => d.paragraph === paragraph && d.item === item && d.sequence === sequence,
  );
  if (!found) throw new Error(`no duty ${article}.${paragraph}.${item}#${sequence}`);
  return found;
}

const ALL = ['province', 'prefecture', 'county'];

const ARTICLE_4_DEPARTMENTS = [
  'development_reform',
  'industry_it',
  'science_technology',
  'education',
  'finance',
  'ecology_environment',
  'housing_urban_rural',
  'transport',
  'water_resources',
  'agriculture_rural',
  'commerce',
  'culture_tourism',
  'health',
  'market_regulation',
  'statistics',
  'intellectual_property',
];

describe('the seed splitter (test fixture)', () => {
  it('yields 42 articles numbered 1..42 with 款 and 项 per the line format', () => {
    const articles = seedArticles();
    expect(articles.map((a) => a.number)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect(seedArticle(4).paragraphs).toHaveLength(3);
    expect(seedArticle(5).paragraphs[0].items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(seedArticle(5).paragraphs[0].items[0].text.startsWith('（一）')).toBe(true);
  });
});

describe('extractArticleDuties on the Hubei quality-promotion draft', () => {
  it.each<{
    name: string;
    at: [number, number, number | null, number?];
    expected: Partial<ExtractedDuty>;
  }>([
    {
      name: '第十六条第一款: province-only department duty',
      at: [16, 1, null],
      expected: {
        actorText: '省人民政府市场监督管理部门',
        actorType: 'department',
        levels: ['province'],
        modality: 'mandatory',
        departments: ['market_regulation'],
        governmentDuty: true,
        inheritedActor: false,
        subject: '建设质量基础设施服务网络平台，推动质量信息数据资源的开放、共享和利用',
      },
    },
    {
      name: '第三十七条: province-only department duty',
      at: [37, 1, null],
      expected: {
        actorType: 'department',
        levels: ['province'],
        departments: ['market_regulation'],
      },
    },
    {
      name: '第十七条第一款: 省人民政府及其有关部门 → government, province only',
      at: [17, 1, null],
      expected: {
        actorType: 'government',
        levels: ['province'],
        modality: 'mandatory',
        departments: [],
      },
    },
    {
      name: '第十九条第一款: province-and-prefecture (省和设区的市、自治州人民政府), 应当 governs 鼓励和支持',
      at: [19, 1, null],
      expected: {
        actorText: '省和设区的市、自治州人民政府',
        actorType: 'government',
        levels: ['province', 'prefecture'],
        modality: 'mandatory',
        governmentDuty: true,
      },
    },
    {
      // Correction (issue 14): 支持 X … names X as the party that acts, as 鼓励 X … always did;
      // the province-and-prefecture government was carried over before. Not tracked either way.
      name: '第十九条第二款: 支持市场主体… → the supported party acts, encouraged',
      at: [19, 2, null],
      expected: {
        actorText: '市场主体',
        actorType: 'enterprise',
        levels: [],
        modality: 'encouraged',
        actorSource: 'encouraged-party',
        governmentDuty: false,
        trackedByDefault: false,
      },
    },
    {
      name: '第四条第一款: 县级以上人民政府应当 → all three levels, mandatory',
      at: [4, 1, null],
      expected: {
        actorType: 'government',
        levels: ALL as ExtractedDuty['levels'],
        modality: 'mandatory',
      },
    },
    {
      name: '第四条第二款: 县级以上人民政府建立… without modal verb → declarative',
      at: [4, 2, null],
      expected: {
        actorText: '县级以上人民政府',
        actorType: 'government',
        levels: ALL as ExtractedDuty['levels'],
        modality: 'declarative',
        governmentDuty: true,
      },
    },
    {
      name: '第四条第三款: 16 named departments normalised, declarative (在各自职责范围内做好)',
      at: [4, 3, null],
      expected: {
        actorType: 'department',
        levels: ALL as ExtractedDuty['levels'],
        modality: 'declarative',
        departments: ARTICLE_4_DEPARTMENTS,
        subject: '在各自职责范围内做好质量促进工作',
      },
    },
    {
      name: '第二十条第一款: 县级以上人民政府及其知识产权部门 → government with its IP department',
      at: [20, 1, null],
      expected: {
        actorType: 'government',
        departments: ['intellectual_property'],
        suggestedLeadDepartment: 'intellectual_property',
      },
    },
    {
      name: '第三十二条第一款: lead departments, 会同金融监督管理部门 assisting',
      at: [32, 1, null],
      expected: {
        actorType: 'department',
        departments: ['development_reform', 'industry_it', 'market_regulation'],
        assistingDepartments: ['financial_regulation'],
        modality: 'mandatory',
      },
    },
    {
      name: '第三十六条第二款: 相关主管部门 → department, no named department, default lead suggested',
      at: [36, 2, null],
      expected: {
        actorType: 'department',
        departments: [],
        levels: ALL as ExtractedDuty['levels'],
        suggestedLeadDepartment: 'market_regulation',
      },
    },
    {
      name: '第九条: 鼓励公民、法人和其他组织… → public, encouraged, not a government duty',
      at: [9, 1, null],
      expected: {
        actorText: '公民、法人和其他组织',
        actorType: 'public',
        levels: [],
        modality: 'encouraged',
        governmentDuty: false,
        subject: '积极参与质量促进活动',
      },
    },
    {
      name: '第二十五条第三款: 鼓励企业… → enterprise, encouraged',
      at: [25, 3, null],
      expected: {
        actorText: '企业',
        actorType: 'enterprise',
        modality: 'encouraged',
        governmentDuty: false,
      },
    },
    {
      name: '第五条第二款: 鼓励和引导企业… → enterprise, encouraged',
      at: [5, 2, null],
      expected: { actorType: 'enterprise', modality: 'encouraged', governmentDuty: false },
    },
    {
      name: '第五条第一款 lead-in: 企业应当落实质量主体责任 (the part before the introducing clause)',
      at: [5, 1, null],
      expected: {
        text: '企业应当落实质量主体责任',
        actorType: 'enterprise',
        modality: 'mandatory',
        governmentDuty: false,
        levels: [],
      },
    },
    {
      name: '第五条第一款第（一）项 inherits actor and modality from the lead-in',
      at: [5, 1, 1],
      expected: {
        actorText: '企业',
        actorType: 'enterprise',
        modality: 'mandatory',
        inheritedActor: true,
        actorSource: 'lead-in',
        governmentDuty: false,
        subject:
          '建立健全质量管理体系，导入先进质量管理方法，推进质量管理数字化升级，提高质量管理水平',
      },
    },
    {
      name: '第五条第一款第（五）项 inherits too',
      at: [5, 1, 5],
      expected: {
        actorType: 'enterprise',
        modality: 'mandatory',
        subject: '依法开展其他质量促进活动',
      },
    },
    {
      name: '第六条第一款: 行业协会应当 → association, mandatory',
      at: [6, 1, null],
      expected: { actorType: 'association', modality: 'mandatory', governmentDuty: false },
    },
    {
      name: '第七条: 计量、标准…等第三方机构应当 → third_party',
      at: [7, 1, null],
      expected: {
        actorText: '计量、标准、认证、检验检测、知识产权等为质量促进提供服务的第三方机构',
        actorType: 'third_party',
        departments: [],
        governmentDuty: false,
      },
    },
    {
      name: '第三十九条第二款: 广播、电视、报刊、网络等媒体应当 → media',
      at: [39, 2, null],
      expected: {
        actorText: '广播、电视、报刊、网络等媒体',
        actorType: 'media',
        modality: 'mandatory',
      },
    },
    {
      name: '第四十一条: 县级以上人民代表大会常务委员会可以 → congress, discretionary, not a government duty',
      at: [41, 1, null],
      expected: {
        actorText: '县级以上人民代表大会常务委员会',
        actorType: 'congress',
        levels: [],
        modality: 'discretionary',
        governmentDuty: false,
      },
    },
    {
      name: '第十二条第一款 duty 1: 县级以上人民政府及其有关部门应当支持… → mandatory (应当 governs)',
      at: [12, 1, null, 1],
      expected: {
        actorText: '县级以上人民政府及其有关部门',
        actorType: 'government',
        modality: 'mandatory',
        subject:
          '支持企业、社会团体和教育、科研机构等参与制定国际标准、国家标准、行业标准、地方标准',
      },
    },
    {
      name: '第十二条第一款 duty 2: 鼓励社会团体、企业制定… → encouraged, association first',
      at: [12, 1, null, 2],
      expected: {
        text: '鼓励社会团体、企业制定高于推荐性标准相关技术要求的团体标准、企业标准',
        actorType: 'association',
        actorTypes: ['association', 'enterprise'],
        modality: 'encouraged',
        governmentDuty: false,
      },
    },
    {
      name: '第十四条第二款: no actor → inherits 县级以上人民政府 from the first paragraph, declarative',
      at: [14, 2, null],
      expected: {
        actorText: '县级以上人民政府',
        actorType: 'government',
        levels: ALL as ExtractedDuty['levels'],
        modality: 'declarative',
        inheritedActor: true,
        actorSource: 'previous',
        governmentDuty: true,
      },
    },
    {
      // Correction (issue 14): as 第十九条第二款.
      name: '第十四条第三款 duty 2: 支持企业、高等院校… → the supported parties act, encouraged',
      at: [14, 3, null, 2],
      expected: {
        actorType: 'enterprise',
        modality: 'encouraged',
        actorSource: 'encouraged-party',
      },
    },
    {
      name: '第三十五条 clause after ；: inherits actor and 应当',
      at: [35, 1, null, 2],
      expected: { actorType: 'government', modality: 'mandatory', inheritedActor: true },
    },
    {
      name: '第三十八条第二款 duty 2: inherits the department actor of the first paragraph',
      at: [38, 2, null, 2],
      expected: {
        actorType: 'department',
        departments: ['development_reform', 'market_regulation'],
        modality: 'declarative',
        inheritedActor: true,
      },
    },
    {
      name: '第二十六条: no actor in the article → inferred from 第四条, flagged for review, tracked',
      at: [26, 1, null],
      expected: {
        actorText: '县级以上人民政府',
        actorType: 'government',
        actorSource: 'inferred',
        inheritedActor: true,
        needsReview: true,
        modality: 'declarative',
        trackedByDefault: true,
      },
    },
    {
      name: '第四十条: assessment duty, actor inferred from 第四条, declarative',
      at: [40, 1, null],
      expected: { actorType: 'government', actorSource: 'inferred', modality: 'declarative' },
    },
  ])('$name', ({ at: [article, paragraph, item, sequence], expected }) => {
    expect(duty(article, paragraph, item, sequence)).toMatchObject(expected);
  });

  it('第十二条第一款 holds two duties of different modality, in text order', () => {
    const p1 = dutiesOf(12).filter((d) => d.paragraph === 1);
    expect(p1.map((d) => [d.sequence, d.modality, d.governmentDuty])).toEqual([
      [1, 'mandatory', true],
      [2, 'encouraged', false],
    ]);
  });

  it('第五条: the lead-in yields one duty and each of the five items one inherited duty', () => {
    const p1 = dutiesOf(5).filter((d) => d.paragraph === 1);
    expect(p1.map((d) => d.item)).toEqual([null, 1, 2, 3, 4, 5]);
    expect(p1.every((d) => d.actorType === 'enterprise' && d.modality === 'mandatory')).toBe(true);
    expect(p1.filter((d) => d.inheritedActor).map((d) => d.item)).toEqual([1, 2, 3, 4, 5]);
  });

  it('第三十条第二款 splits at ；into three duties; 引导社会力量… names the guided party', () => {
    // Correction (issue 14): 引导 X … names X as the party that acts (like 鼓励 X …).
    const p2 = dutiesOf(30).filter((d) => d.paragraph === 2);
    expect(p2.map((d) => [d.text, d.modality, d.actorText])).toEqual([
      ['加强质量法治宣传教育，普及质量法律知识', 'declarative', '县级以上人民政府'],
      ['引导社会力量参与质量文化建设，促进质量文化传承发展', 'encouraged', '社会力量'],
      [
        '弘扬企业家精神和工匠精神，营造重视质量、崇尚质量的良好氛围',
        'declarative',
        '县级以上人民政府',
      ],
    ]);
  });

  it('第二十二条 stays one mandatory duty: 鼓励、支持 inside the 应当 clause series is governed by 应当', () => {
    const duties = dutiesOf(22);
    expect(duties).toHaveLength(1);
    expect(duties[0].modality).toBe('mandatory');
  });

  it.each([
    [1, 'purpose'],
    [2, 'scope'],
    [3, 'other'],
    [42, 'effective_date'],
  ])('第%i条 is one statement of kind %s: no actor, not tracked', (article, kind) => {
    // Correction (issue 14): these were skipped; they are now in the register with their kind.
    const duties = dutiesOf(article);
    expect(duties.map((d) => [d.kind, d.actorType, d.trackedByDefault])).toEqual([
      [kind, 'none', false],
    ]);
  });

  describe('invariants over every duty of the regulation', () => {
    const rows = seedArticles().flatMap((article) =>
      dutiesOf(article.number).map((d) => ({ article, d })),
    );

    it('every article yields statements; implementation duties in all but 第一、二、三、四十二条', () => {
      const withDuties = new Set(
        rows.filter((r) => r.d.kind === 'implementation').map((r) => r.article.number),
      );
      const without = seedArticles()
        .map((a) => a.number)
        .filter((n) => !withDuties.has(n));
      expect(without).toEqual([1, 2, 3, 42]);
      expect(new Set(rows.map((r) => r.article.number)).size).toBe(42);
    });

    it('text is an exact substring of its paragraph/item text, at offset', () => {
      for (const { article, d } of rows) {
        const paragraph = article.paragraphs.find((p) => p.number === d.paragraph);
        const source =
          d.item === null
            ? paragraph?.text
            : paragraph?.items.find((i) => i.number === d.item)?.text;
        expect(source?.slice(d.offset, d.offset + d.text.length)).toBe(d.text);
        expect(d.text.length).toBeGreaterThan(0);
      }
    });

    it('every duty has cues for actor, actorType, levels, modality, departments and subject', () => {
      const fields: CueField[] = [
        'actor',
        'actorType',
        'levels',
        'modality',
        'departments',
        'subject',
        'kind',
        'tracked',
      ];
      for (const { d } of rows) {
        for (const field of fields) {
          const cues = d.cues.filter((c) => c.field === field);
          expect({ at: d.text, field, n: cues.length > 0 }).toEqual({ at: d.text, field, n: true });
          for (const c of cues) {
            expect(c.rule).toMatch(new RegExp(`^${field}\\.[a-z-]+$`));
            expect(c.explanation).not.toContain('第四条规定质量促进工作由县级以上人民政府负责');
            expect(c.explanation.length).toBeGreaterThan(0);
          }
        }
      }
    });

    it('levels are empty iff the actor is not a government actor; governmentDuty matches actorType', () => {
      for (const { d } of rows) {
        const government = d.actorType === 'government' || d.actorType === 'department';
        expect(d.governmentDuty).toBe(government);
        expect(d.levels.length === 0).toBe(!government);
        expect(d.suggestedLeadDepartment === null).toBe(!government);
        if (!government) expect(d.departments).toEqual([]);
      }
    });

    it('levels are sorted province, prefecture, county and deduplicated; departments deduplicated', () => {
      const order = ['province', 'prefecture', 'county'];
      for (const { d } of rows) {
        expect([...d.levels].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(d.levels);
        expect(new Set(d.levels).size).toBe(d.levels.length);
        expect(new Set(d.departments).size).toBe(d.departments.length);
      }
    });

    it('sequences run 1..n within each paragraph/item; subjects have no trailing punctuation', () => {
      const groups = new Map<string, number[]>();
      for (const { article, d } of rows) {
        const key = `${article.number}.${d.paragraph}.${d.item}`;
        groups.set(key, [...(groups.get(key) ?? []), d.sequence]);
        expect(d.subject).not.toMatch(/[，。；：,;:]$/);
        expect(d.subject.length).toBeGreaterThan(0);
        expect(d.text.length).toBeGreaterThan(0);
      }
      for (const seqs of groups.values()) {
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }
    });

    it('inheritedActor is true exactly when the actor is not stated in the sentence', () => {
      for (const { d } of rows) {
        expect(d.inheritedActor).toBe(['previous', 'lead-in', 'inferred'].includes(d.actorSource));
        if (d.actorSource === 'explicit') expect(d.text.replace(/\s/g, '')).toContain(d.actorText);
      }
    });
  });
});
