import { analyzeArticle, extractArticleDuties } from '../index';
import type { ArticleInput, ExtractedDuty } from '../index';

type ParagraphSpec = string | { text: string; items: string[] };

function article(...paragraphs: ParagraphSpec[]): ArticleInput {
  return {
    number: 1,
    paragraphs: paragraphs.map((p, i) => {
      const text = typeof p === 'string' ? p : p.text;
      const items = typeof p === 'string' ? [] : p.items;
      return { number: i + 1, text, items: items.map((t, j) => ({ number: j + 1, text: t })) };
    }),
  };
}

function only(...paragraphs: ParagraphSpec[]): ExtractedDuty {
  const duties = extractArticleDuties(article(...paragraphs));
  expect(duties).toHaveLength(1);
  return duties[0];
}

describe('actor phrases and levels', () => {
  it.each<[string, Partial<ExtractedDuty>]>([
    [
      '县级以上人民政府应当做好甲工作。',
      { actorType: 'government', levels: ['province', 'prefecture', 'county'] },
    ],
    [
      '县级以上地方各级人民政府应当做好甲工作。',
      { actorType: 'government', levels: ['province', 'prefecture', 'county'] },
    ],
    [
      '各级人民政府应当做好甲工作。',
      { actorType: 'government', levels: ['province', 'prefecture', 'county'] },
    ],
    ['省人民政府应当做好甲工作。', { actorType: 'government', levels: ['province'] }],
    [
      '省和设区的市、自治州人民政府应当做好甲工作。',
      { actorType: 'government', levels: ['province', 'prefecture'] },
    ],
    [
      '设区的市级以上人民政府应当做好甲工作。',
      { actorType: 'government', levels: ['province', 'prefecture'] },
    ],
    [
      '设区的市、自治州人民政府应当做好甲工作。',
      { actorType: 'government', levels: ['prefecture'] },
    ],
    ['县级人民政府应当做好甲工作。', { actorType: 'government', levels: ['county'] }],
    ['县（市、区）人民政府应当做好甲工作。', { actorType: 'government', levels: ['county'] }],
    ['乡镇人民政府应当做好甲工作。', { actorType: 'government', levels: ['county'] }],
    [
      '省人民政府水利、科技等部门应当做好甲工作。',
      {
        actorType: 'department',
        levels: ['province'],
        departments: ['water_resources', 'science_technology'],
      },
    ],
    [
      '省市场监督管理部门应当做好甲工作。',
      { actorType: 'department', levels: ['province'], departments: ['market_regulation'] },
    ],
    [
      '市场监督管理部门应当做好甲工作。',
      {
        actorType: 'department',
        levels: ['province', 'prefecture', 'county'],
        departments: ['market_regulation'],
      },
    ],
    [
      '有关部门应当做好甲工作。',
      { actorType: 'department', departments: [], suggestedLeadDepartment: null },
    ],
    [
      '县级以上人民政府国防动员部门应当做好甲工作。',
      { actorType: 'department', departments: [], unrecognisedDepartments: ['国防动员'] },
    ],
    ['县级以上人民政府及其有关部门应当做好甲工作。', { actorType: 'government', departments: [] }],
    [
      '省人大常委会可以听取报告。',
      { actorType: 'congress', levels: [], modality: 'discretionary', governmentDuty: false },
    ],
    ['企业事业单位应当做好甲工作。', { actorType: 'enterprise', governmentDuty: false }],
    ['社会团体应当做好甲工作。', { actorType: 'association' }],
    ['第三方机构应当做好甲工作。', { actorType: 'third_party' }],
    ['新闻媒体应当做好甲工作。', { actorType: 'media' }],
    ['公民、法人和其他组织应当做好甲工作。', { actorType: 'public' }],
  ])('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });

  it('县级以上人民政府应当会同有关部门… is the government, not a department list', () => {
    expect(only('县级以上人民政府应当会同有关部门建立甲制度。')).toMatchObject({
      actorText: '县级以上人民政府',
      actorType: 'government',
      modality: 'mandatory',
      assistingDepartments: [],
    });
  });

  it('a custom dictionary changes department normalisation', () => {
    const d = extractArticleDuties(article('县级以上人民政府国防动员部门应当做好甲工作。'), {
      departments: [{ code: 'defence', name: '国防动员', aliases: [] }],
    })[0];
    expect(d.departments).toEqual(['defence']);
    expect(d.unrecognisedDepartments).toEqual([]);
  });
});

describe('modality', () => {
  it.each<[string, string]>([
    ['县级以上人民政府应当做好甲工作。', 'mandatory'],
    ['县级以上人民政府必须做好甲工作。', 'mandatory'],
    ['企业不得生产假冒产品。', 'mandatory'],
    ['县级以上人民政府可以设立甲基金。', 'discretionary'],
    ['县级以上人民政府鼓励企业开展甲活动。', 'encouraged'],
    ['县级以上人民政府建立甲机制。', 'declarative'],
    ['县级以上人民政府有关部门在各自职责范围内应当做好甲工作。', 'mandatory'],
    ['县级以上人民政府有关部门按照职责分工做好甲工作。', 'declarative'],
  ])('%s → %s', (text, modality) => {
    expect(only(text).modality).toBe(modality);
  });

  it('鼓励和支持 X … and 支持 X … make X the actor (the party encouraged or supported acts)', () => {
    const duties = extractArticleDuties(
      article('县级以上人民政府应当做好甲工作。鼓励和支持行业协会开展乙活动。支持企业开展丙活动。'),
    );
    expect(duties.map((d) => [d.actorType, d.modality, d.actorSource, d.subject])).toEqual([
      ['government', 'mandatory', 'explicit', '做好甲工作'],
      ['association', 'encouraged', 'encouraged-party', '开展乙活动'],
      ['enterprise', 'encouraged', 'encouraged-party', '开展丙活动'],
    ]);
  });

  it('应当鼓励 … stays the government’s mandatory duty (应当 governs)', () => {
    expect(only('县级以上人民政府应当鼓励企业开展甲活动。')).toMatchObject({
      actorType: 'government',
      modality: 'mandatory',
    });
  });

  it('a subjectless sentence after 。 does not inherit 应当; a clause after ；does', () => {
    const duties = extractArticleDuties(
      article('县级以上人民政府应当做好甲工作；做好乙工作。做好丙工作。'),
    );
    expect(duties.map((d) => [d.text, d.modality, d.inheritedActor])).toEqual([
      ['县级以上人民政府应当做好甲工作', 'mandatory', false],
      ['做好乙工作', 'mandatory', true],
      ['做好丙工作', 'declarative', true],
    ]);
  });

  it('splits a sentence at a comma that starts a new subject with its own modal verb', () => {
    const duties = extractArticleDuties(
      article('县级以上人民政府应当建立甲制度，企业应当配合，行业协会可以参与。'),
    );
    expect(duties.map((d) => [d.text, d.actorType, d.modality])).toEqual([
      ['县级以上人民政府应当建立甲制度', 'government', 'mandatory'],
      ['企业应当配合', 'enterprise', 'mandatory'],
      ['行业协会可以参与', 'association', 'discretionary'],
    ]);
  });

  it('an unrecognised party after 鼓励 falls back to the inherited actor', () => {
    const duties = extractArticleDuties(article('省人民政府应当做好甲工作。鼓励开展乙活动。'));
    expect(duties[1]).toMatchObject({
      actorText: '省人民政府',
      modality: 'encouraged',
      inheritedActor: true,
    });
  });
});

describe('paragraphs, items and lead-ins', () => {
  it('a lead-in that only introduces the items is not a duty of its own', () => {
    const analysis = analyzeArticle(
      article({
        text: '县级以上人民政府应当履行下列职责：',
        items: ['（一）做好甲工作；', '（二）做好乙工作。'],
      }),
    );
    expect(analysis.duties.map((d) => [d.item, d.subject, d.modality, d.actorSource])).toEqual([
      [1, '做好甲工作', 'mandatory', 'lead-in'],
      [2, '做好乙工作', 'mandatory', 'lead-in'],
    ]);
    expect(analysis.skipped.map((s) => s.rule)).toEqual(['none.lead-in']);
  });

  it('an item with its own subject keeps it', () => {
    const duties = extractArticleDuties(
      article({
        text: '县级以上人民政府应当履行下列职责：',
        items: ['（一）做好甲工作；', '（二）企业可以参与乙工作。'],
      }),
    );
    expect(duties[1]).toMatchObject({
      actorType: 'enterprise',
      modality: 'discretionary',
      inheritedActor: false,
    });
  });

  it('a definition lead-in and its items are definition statements, with no actor and untracked', () => {
    const analysis = analyzeArticle(
      article({ text: '本条例所称质量包括：', items: ['（一）产品质量；', '（二）服务质量。'] }),
    );
    expect(analysis.duties.map((d) => [d.item, d.kind, d.actorType, d.trackedByDefault])).toEqual([
      [null, 'definition', 'none', false],
      [1, 'definition', 'none', false],
      [2, 'definition', 'none', false],
    ]);
  });

  it('the actor carries across paragraphs of the same article but not across articles', () => {
    const a = extractArticleDuties(article('省人民政府应当做好甲工作。', '做好乙工作。'));
    expect(a[1]).toMatchObject({ actorText: '省人民政府', actorSource: 'previous' });
    const b = extractArticleDuties(article('做好乙工作。'));
    expect(b[0]).toMatchObject({
      actorSource: 'inferred',
      needsReview: true,
      trackedByDefault: true,
    });
  });

  it('tolerates a heading, item markers in several styles, half-width punctuation and odd spacing', () => {
    const duties = extractArticleDuties(
      article(
        {
          text: '第五条【主体责任】\u3000企业应当落实责任, 推动开展以下活动:',
          items: ['(一)做好甲工作;', '1.做好乙工作'],
        },
        '县级以上 人民政府\u00a0应当 做好丙工作。',
      ),
    );
    expect(duties.map((d) => [d.paragraph, d.item, d.text, d.actorType, d.modality])).toEqual([
      [1, null, '企业应当落实责任', 'enterprise', 'mandatory'],
      [1, 1, '做好甲工作', 'enterprise', 'mandatory'],
      [1, 2, '做好乙工作', 'enterprise', 'mandatory'],
      [2, null, '县级以上 人民政府\u00a0应当 做好丙工作', 'government', 'mandatory'],
    ]);
    expect(duties[3].actorText).toBe('县级以上人民政府');
    expect(duties[3].subject).toBe('做好丙工作');
  });

  it('returns nothing for empty input', () => {
    expect(extractArticleDuties({ number: 1, paragraphs: [] })).toEqual([]);
    expect(extractArticleDuties(article('', '。；'))).toEqual([]);
  });
});
