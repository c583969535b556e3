import {
  detectTextContext,
  extractRegulationDuties,
  normalizeDepartment,
  type ExtractedDuty,
  type RegulationInput,
} from '../index';

/**
 * One test per drafting convention of Chinese legislation the extractor encodes (see README.md).
 * The texts are invented for the test; none is copied from a real law.
 */

type Chapter = { title: string; articles: string[][] };

function regulation(title: string, chapters: Chapter[], preamble: string[] = []): RegulationInput {
  let n = 0;
  return {
    title,
    preamble,
    chapters: chapters.map((c, ci) => ({
      number: ci + 1,
      title: c.title,
      articles: c.articles.map((paragraphs) => {
        n += 1;
        return {
          number: n,
          paragraphs: paragraphs.map((text, pi) => ({ number: pi + 1, text, items: [] })),
        };
      }),
    })),
  };
}

function statements(r: RegulationInput, coordinatingDepartment?: string) {
  return extractRegulationDuties(r, { coordinatingDepartment }).articles.flatMap((a) =>
    a.duties.map((d) => ({ article: a.number, ...d })),
  );
}

function at(list: Array<ExtractedDuty & { article: number }>, article: number, paragraph = 1) {
  const found = list.filter((d) => d.article === article && d.paragraph === paragraph);
  if (found.length === 0) throw new Error(`no statement at ${article}.${paragraph}`);
  return found;
}

const NATIONAL_LAW = regulation('中华人民共和国甲乙管理法', [
  {
    title: '总则',
    articles: [
      ['为了加强甲乙管理，保障公共安全，制定本法。'],
      ['本法所称甲乙，是指用于丙丁的器具。'],
      [
        '国务院甲乙主管部门主管全国甲乙管理工作。国务院有关部门在各自的职责范围内负责甲乙管理工作。',
        '县级以上地方人民政府甲乙主管部门主管本行政区域内的甲乙管理工作。',
      ],
      ['国家鼓励企业开展甲乙技术研究。'],
      ['各级人民政府应当将甲乙工作纳入国民经济和社会发展规划。'],
    ],
  },
  {
    title: '生产经营',
    articles: [
      ['生产者应当建立甲乙质量管理制度。'],
      ['建设单位、施工单位应当使用合格的甲乙器具。'],
      ['禁止伪造甲乙检验结果。'],
      ['甲乙器具的检验，应当由具备资质的检验机构进行。'],
      ['县级以上地方人民政府甲乙主管部门应当定期组织监督抽查，并公布抽查结果。'],
    ],
  },
  {
    title: '法律责任',
    articles: [
      [
        '生产者违反本法第六条规定的，责令改正，处一万元以上五万元以下罚款；构成犯罪的，依法追究刑事责任。',
      ],
      ['本法规定的行政处罚，由县级以上地方人民政府甲乙主管部门决定。'],
    ],
  },
  { title: '附则', articles: [['本法自2030年1月1日起施行。']] },
]);

describe('the kind of text decides how level words read', () => {
  it.each([
    ['中华人民共和国产品甲法', [], 'law', 'national'],
    [
      '甲乙管理条例',
      ['（2030年1月1日国务院令第1号公布）'],
      'administrative_regulation',
      'national',
    ],
    [
      '湖北省甲乙条例',
      ['（湖北省人民代表大会常务委员会通过）'],
      'provincial_regulation',
      'province',
    ],
    ['上海市甲乙条例', [], 'municipal_regulation', 'municipality'],
    ['武汉市甲乙条例', ['（武汉市人民代表大会常务委员会通过）'], 'city_regulation', 'city'],
    ['湖北省甲乙管理办法', ['（湖北省人民政府令第1号）'], 'local_government_rules', 'province'],
  ])('%s → %s (%s)', (title, preamble, kind, tier) => {
    expect(detectTextContext({ title, preamble })).toMatchObject({ kind, tier });
  });
});

describe('a national law', () => {
  const list = statements(NATIONAL_LAW);

  it('本法: purpose, definition and effective date are statements of their kind, never tracked', () => {
    expect(at(list, 1).map((d) => d.kind)).toEqual(['purpose']);
    expect(at(list, 2).map((d) => d.kind)).toEqual(['definition']);
    expect(at(list, 13).map((d) => d.kind)).toEqual(['effective_date']);
    expect(
      [...at(list, 1), ...at(list, 2), ...at(list, 13)].every((d) => !d.trackedByDefault),
    ).toBe(true);
  });

  it('国务院…部门 and 国家 are national bodies: nothing for a province’s units to do', () => {
    const [council, councilDepartments] = at(list, 3, 1);
    expect(council).toMatchObject({ levels: ['national'], trackedByDefault: false });
    expect(councilDepartments).toMatchObject({ levels: ['national'], trackedByDefault: false });
    expect(at(list, 4)[0]).toMatchObject({ actorType: 'enterprise', modality: 'encouraged' });
  });

  it('县级以上地方人民政府…部门 is the three local levels and is tracked', () => {
    expect(at(list, 3, 2)[0]).toMatchObject({
      actorType: 'department',
      levels: ['province', 'prefecture', 'county'],
      modality: 'mandatory',
      trackedByDefault: true,
    });
  });

  it('各级人民政府 in a national law includes the State Council and the local levels', () => {
    expect(at(list, 5)[0]).toMatchObject({
      levels: ['national', 'province', 'prefecture', 'county'],
      trackedByDefault: true,
    });
  });

  it('producers, construction and building units, everyone: not government duties', () => {
    expect(at(list, 6)[0]).toMatchObject({ actorType: 'enterprise', governmentDuty: false });
    expect(at(list, 7)[0]).toMatchObject({ actorType: 'enterprise', governmentDuty: false });
    expect(at(list, 8)[0]).toMatchObject({
      kind: 'prohibition',
      actorType: 'public',
      trackedByDefault: false,
    });
  });

  it('由 names the agent of a passive sentence', () => {
    expect(at(list, 9)[0]).toMatchObject({ actorType: 'third_party', governmentDuty: false });
  });

  it('a sanction is enforcement, a criminal consequence liability; neither is tracked', () => {
    const [sanction, liability] = at(list, 11);
    expect(sanction).toMatchObject({ kind: 'enforcement', actorType: 'department' });
    expect(liability).toMatchObject({ kind: 'liability', actorType: 'none' });
    expect(sanction.trackedByDefault || liability.trackedByDefault).toBe(false);
  });

  it('a sanction without a subject is attributed from this text’s own allocation, and says so', () => {
    const [sanction] = at(list, 11);
    expect(sanction.actorSource).toBe('inferred');
    expect(sanction.needsReview).toBe(true);
    const cue = sanction.cues.find((c) => c.field === 'actor');
    expect(cue?.explanation).toContain('第12条');
    expect(at(list, 12)[0].kind).toBe('enforcement');
  });

  it('the lead suggested for an unnamed department is the text’s competent department', () => {
    const [first] = at(list, 5);
    expect(first.departments).toEqual([]);
    // 甲乙主管部门 is not in the dictionary: the lead stays for a reviewer to choose.
    expect(first.suggestedLeadDepartment).toBeNull();
  });
});

describe('a 直辖市 regulation: 市 is provincial level, 区 county level, no prefecture', () => {
  const list = statements(
    regulation('上海市甲乙条例', [
      {
        title: '总则',
        articles: [
          ['市人民政府应当加强对甲乙工作的领导。'],
          ['区人民政府负责本辖区的甲乙工作。'],
          ['市和区人民政府应当将甲乙经费列入财政预算。'],
          ['本市建立甲乙协调机制。'],
          ['乡镇人民政府、街道办事处应当协助做好甲乙工作。'],
        ],
      },
    ]),
  );
  it.each([
    [1, ['province']],
    [2, ['county']],
    [3, ['province', 'county']],
    [4, ['province']],
    [5, ['county']],
  ])('第%i条 → %j', (article, levels) => {
    expect(at(list, article)[0]).toMatchObject({ levels, trackedByDefault: true });
  });
});

describe('modality is read from the clause, wherever the modal verb stands', () => {
  const list = statements(
    regulation('湖北省甲乙条例', [
      {
        title: '总则',
        articles: [
          ['县级以上人民政府在甲乙规划编制过程中，应当听取公众意见。'],
          ['县级以上人民政府市场监督管理部门负责甲乙的监督管理。'],
          ['县级以上人民政府有权对甲乙活动进行检查。'],
          ['提倡企业开展甲乙自我声明。'],
          ['县级以上人民政府建立甲乙信息平台。'],
        ],
      },
    ]),
  );
  it.each([
    [1, 'mandatory'],
    [2, 'mandatory'],
    [3, 'discretionary'],
    [4, 'encouraged'],
    [5, 'declarative'],
  ])('第%i条 → %s', (article, modality) => {
    expect(at(list, article)[0].modality).toBe(modality);
  });
});

describe('departments by function, under their historical and regional names', () => {
  it.each([
    ['质量技术监督部门', 'market_regulation'],
    ['产品质量监督部门', 'market_regulation'],
    ['工商行政管理部门', 'market_regulation'],
    ['标准化行政主管部门', 'market_regulation'],
    ['建设行政主管部门', 'housing_urban_rural'],
    ['农业行政主管部门', 'agriculture_rural'],
    ['畜牧兽医行政主管部门', 'agriculture_rural'],
    ['科学技术行政部门', 'science_technology'],
    ['出入境检验检疫机构', undefined],
    ['价格主管部门', 'development_reform'],
  ])('%s → %s', (name, code) => {
    expect(normalizeDepartment(name)?.code).toBe(code);
  });

  it('the lead is the department the text names; the coordinating one only where none is', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['县级以上人民政府住房和城乡建设主管部门应当做好工程甲乙工作。'],
            ['县级以上人民政府应当做好甲乙工作。'],
          ],
        },
      ]),
      'market_regulation',
    );
    expect(at(list, 1)[0].suggestedLeadDepartment).toBe('housing_urban_rural');
    expect(at(list, 2)[0].suggestedLeadDepartment).toBe('market_regulation');
  });
});

describe('a subject is inherited where grammar carries it, inferred only from this text', () => {
  it('the actor of a subjectless article comes from the text’s general-responsibility article', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['县级以上人民政府负责本行政区域内的甲乙工作。'],
            ['对在甲乙工作中做出显著成绩的单位和个人，给予表彰。'],
          ],
        },
      ]),
    );
    const [passive] = at(list, 2);
    expect(passive).toMatchObject({
      actorText: '县级以上人民政府',
      actorSource: 'inferred',
      needsReview: true,
      trackedByDefault: true,
    });
    expect(passive.cues.find((c) => c.field === 'actor')?.explanation).toContain('第1条第1款');
  });

  it('an act only an authority performs binds the authority, though no subject is written', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [['县级以上人民政府市场监督管理部门负责本行政区域内的甲乙监督管理工作。']],
        },
        {
          title: '监督检查',
          articles: [
            ['甲乙监督抽查工作应当统筹安排，避免重复。'],
            ['甲乙监督抽查的检验工作应当委托有资质的检验机构进行，不得向被检查人收取检验费用。'],
            ['禁止在甲乙中掺杂、掺假。'],
          ],
        },
      ]),
    );
    // 监督抽查 is the authority's act: the competent department's, inferred and tracked.
    expect(at(list, 2)[0]).toMatchObject({
      actorType: 'department',
      actorSource: 'inferred',
      trackedByDefault: true,
    });
    // 不得向被检查人收取……: only the inspecting authority charges an inspected party.
    const [, charge] = at(list, 3);
    expect(charge).toMatchObject({
      kind: 'prohibition',
      actorType: 'department',
      governmentDuty: true,
    });
    // A prohibition of an act anyone can do still addresses everyone.
    expect(at(list, 4)[0]).toMatchObject({ actorType: 'public', governmentDuty: false });
  });

  it('a 由-clause after another party’s clause is the organ’s own act, with its own modality', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [
            [
              '生产者对检验结果有异议的，可以向实施监督抽查的市场监督管理部门申请复检，由受理复检的市场监督管理部门作出复检结论。',
            ],
          ],
        },
      ]),
    );
    const [applicant, organ] = at(list, 1);
    expect(applicant).toMatchObject({ actorType: 'enterprise', modality: 'discretionary' });
    expect(organ).toMatchObject({
      actorType: 'department',
      departments: ['market_regulation'],
      modality: 'declarative',
      trackedByDefault: true,
    });
  });

  it('a joined organ with no level of its own is of the level written before it', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '总则',
          articles: [['市标准化行政主管部门和有关行政管理部门应当推动甲乙工作。']],
        },
      ]),
    );
    expect(at(list, 1)[0].levels).toEqual(['province']);
  });

  it('an organ that only says whose rule defines a thing is not the subject', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [['国务院甲乙主管部门规定应当加施标识而没有标识的甲乙，不得销售。']],
        },
      ]),
    );
    expect(at(list, 1).every((d) => !d.levels.includes('national'))).toBe(true);
    expect(at(list, 1).every((d) => !d.trackedByDefault)).toBe(true);
  });
});

describe('statements that set no duty', () => {
  const list = statements(
    regulation('湖北省甲乙条例', [
      {
        title: '总则',
        articles: [
          ['甲乙培育者的合法权益受法律保护。'],
          ['甲乙的进出口管理除适用前两款的规定外，还适用本条例第二条的相关规定。'],
          ['法律、法规规定甲乙项目应当保密的，按照其规定执行。'],
          ['生产者能够证明有下列情形之一的，不承担赔偿责任。'],
          ['有关单位在甲乙工作中未能实现预期目标，但勤勉尽责的，不作负面评价，依法免除相关责任。'],
          ['甲乙标准制定应当有利于合理利用资源，做到技术上先进、经济上合理。'],
          [
            '有关部门及其工作人员有前款规定情形，造成当事人名誉权损害的，应当消除影响，恢复名誉，赔礼道歉。',
          ],
          ['甲乙监督抽查的重点是：'],
        ],
      },
    ]),
  );

  it.each([
    [1, 'other', '权益受法律保护'],
    [2, 'scope', '还适用……规定'],
    [3, 'scope', '法律、法规规定……的，按照其规定执行'],
    [4, 'liability', '不承担赔偿责任'],
    [5, 'liability', '不作负面评价，免除责任'],
    [6, 'other', '……制定应当有利于……：原则'],
    [7, 'liability', '消除影响、恢复名誉、赔礼道歉：民事责任的承担方式'],
    [8, 'definition', '……的重点是：列举内容'],
  ])('第%s条 is %s (%s), with no actor, never tracked', (article, kind) => {
    for (const d of at(list, article as number)) {
      expect(d).toMatchObject({ kind, actorType: 'none', trackedByDefault: false });
    }
    expect(at(list, article as number).length).toBeGreaterThan(0);
  });

  it('消除影响 ordered by an organ (责令……消除影响) stays a sanction', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '法律责任',
          articles: [['有关部门擅自发布甲乙标准的，由市场监督管理部门责令其及时撤回、消除影响。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ kind: 'enforcement', actorType: 'department' });
  });

  it('允许 grants a permission to the party after it, not a duty of the government', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [
            [
              '本省建立甲乙人才流动机制。允许高等学校的科学技术人员保留原有身份到企业从事甲乙创新。',
            ],
          ],
        },
      ]),
    );
    const [, permitted] = at(list, 1);
    expect(permitted).toMatchObject({
      modality: 'discretionary',
      governmentDuty: false,
      trackedByDefault: false,
    });
  });

  it('a condition naming a private activity (向境外输出……的，还应当……) names a new subject', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            [
              '向境外输出甲乙资源的，应当向省级人民政府甲乙主管部门提出申请；受理申请的甲乙主管部门经审核，报国务院甲乙主管部门批准。',
              '向境外输出甲乙资源的，还应当依照有关法律的规定办理检疫手续。',
            ],
          ],
        },
      ]),
    );
    const second = list.filter((d) => d.article === 1 && d.paragraph === 2);
    expect(second[0]).toMatchObject({ actorType: 'public', governmentDuty: false });
  });

  it('鼓励 + a party after a declarative statement addresses that party; under 应当 it stays the duty', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['本省建立甲乙扶持机制，鼓励和支持金融机构开发适合甲乙企业的金融产品。'],
            ['县级以上人民政府应当推行甲乙制度，支持企业加大甲乙投入。'],
          ],
        },
      ]),
    );
    const [policy, encouraged] = at(list, 1);
    expect(policy).toMatchObject({ actorType: 'government', trackedByDefault: true });
    expect(encouraged).toMatchObject({ modality: 'encouraged', governmentDuty: false });
    expect(at(list, 2)).toHaveLength(1);
    expect(at(list, 2)[0]).toMatchObject({ modality: 'mandatory', trackedByDefault: true });
  });

  it('organs listed clause by clause before 分别 all bear the shared predicate', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            [
              '国务院甲乙主管部门根据国家级甲乙名录，省、自治区、直辖市人民政府甲乙主管部门根据省级甲乙名录，分别建立甲乙保护区。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      levels: ['national', 'province'],
      trackedByDefault: true,
    });
  });

  it('a topic with its own 由-agent after an organ’s duty is that agent’s act', () => {
    const list = statements(
      regulation('重庆市甲乙条例', [
        {
          title: '总则',
          articles: [
            [
              '对举报甲乙违法行为有功的单位和个人，有关部门应当给予奖励，奖励的具体办法由市人民政府制定。',
            ],
          ],
        },
      ]),
    );
    const [reward, rules] = at(list, 1);
    expect(reward).toMatchObject({ actorType: 'department', modality: 'mandatory' });
    expect(rules).toMatchObject({
      actorType: 'government',
      levels: ['province'],
      trackedByDefault: true,
    });
  });

  it('departments a government organises (组织有关部门……) carry the work with it', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [['县级以上人民政府应当组织、协调有关部门做好甲乙工作。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'government',
      actorTypes: ['government', 'department'],
    });
  });

  it('making 地方标准 is not a county’s unless the text names the county level; using them is', () => {
    const list = statements(
      regulation('山东省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['县级以上人民政府标准化行政主管部门负责本行政区域内的甲乙标准化工作。'],
            ['标准化行政主管部门接到地方标准立项建议后，应当按照职责分工移交有关部门办理。'],
            ['标准化行政主管部门应当组织甲乙标准的宣传。'],
            ['县级以上人民政府标准化行政主管部门可以制定甲乙地方标准。'],
            ['县级以上人民政府标准化行政主管部门应当对实施影响大的地方标准建立通报机制。'],
            ['地方标准的技术要求不得低于强制性标准的相关技术要求。'],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0].levels).toEqual(['province', 'prefecture']);
    expect(at(list, 2)[0].cues.some((c) => c.rule === 'levels.local-standard')).toBe(true);
    expect(at(list, 3)[0].levels).toContain('county');
    // 县级以上 names every level, not the county's own making of standards.
    expect(at(list, 4)[0].levels).toEqual(['province', 'prefecture']);
    expect(at(list, 5)[0].levels).toContain('county');
    expect(at(list, 6)[0].levels).toEqual(['province', 'prefecture']);
  });

  it('a level written before a congress is the joined government’s too', () => {
    const list = statements(
      regulation('山东省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['省和设区的市人民代表大会常务委员会、人民政府应当及时制定或者修改有关地方性法规。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorTypes: ['congress', 'government'],
      levels: ['province', 'prefecture'],
    });
  });

  it('an organ inside a time clause is not the subject of the clause after it', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['有关部门对甲乙依法进行监督检查时，被检查者不得拒绝，并应当如实提供有关资料。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ governmentDuty: false, trackedByDefault: false });
  });

  it('an application names the applicant, whatever stands before the modal verb', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            ['县级以上地方人民政府甲乙主管部门负责本行政区域内的甲乙监督管理工作。'],
            [
              '申请取得生产甲乙材料的生产经营许可证，除应当符合本法第二条规定的条件外，还应当具备下列条件。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({ actorType: 'enterprise', governmentDuty: false });
  });

  it('compliance with the law (应当遵守……法律法规, 必须执行) binds whoever acts, not the organ', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '总则',
          articles: [
            ['市甲乙行政部门负责本市甲乙工作的统筹协调。'],
            ['开展甲乙活动应当遵守法律法规和甲乙伦理规范。'],
            [
              '因展示等导致产品存在瑕疵，且该瑕疵不违反强制性规定的，生产者、销售者提供产品时应当明示。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({ actorType: 'public', governmentDuty: false });
    expect(at(list, 3)[0]).toMatchObject({ actorType: 'enterprise', governmentDuty: false });
  });

  it('责令改正，可以处罚款: the order is due, the fine discretionary — two measures', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '法律责任',
          articles: [
            [
              '违反本法规定，甲乙养殖场未建立养殖档案的，由县级以上地方人民政府甲乙主管部门责令限期改正，可以处一万元以下罚款。',
            ],
          ],
        },
      ]),
    );
    const [order, fine] = at(list, 1);
    expect(order).toMatchObject({
      kind: 'enforcement',
      modality: 'mandatory',
      actorType: 'department',
    });
    expect(fine).toMatchObject({
      kind: 'enforcement',
      modality: 'discretionary',
      actorType: 'department',
    });
  });

  it('a clause is never read as a department name; 相关政府部门 names none', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '总则',
          articles: [
            ['本市设立甲乙专项资金。具体办法由市科技、财政部门会同有关部门制定。'],
            ['鼓励高等学校优先向中小企业转移甲乙成果，相关政府部门应当提供便利。'],
          ],
        },
      ]),
    );
    const rules = at(list, 1).find((d) => d.actorType === 'department');
    expect(rules?.departments).toEqual(['science_technology', 'finance']);
    expect(rules?.unrecognisedDepartments).toEqual([]);
    const help = at(list, 2).find((d) => d.actorType === 'department');
    expect(help).toMatchObject({ departments: [], unrecognisedDepartments: [] });
  });

  it('an organ that violates is not the organ that enforces: the 由-agent after the condition is', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '法律责任',
          articles: [
            [
              '市有关行政管理部门违反本条例规定，擅自发布地方标准的，由市标准化行政主管部门责令其及时撤回。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      kind: 'enforcement',
      actorType: 'department',
      departments: ['market_regulation'],
      levels: ['province'],
    });
  });

  it('funding charged to a named government’s budget is that government’s; 由财政列支 is the finance department’s', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            ['甲乙主管部门提供标识不得收费，所需费用列入省、自治区、直辖市人民政府预算。'],
            ['对生猪以外的其他甲乙可以实行定点管理，具体办法由省、自治区、直辖市制定。'],
            ['甲乙主管部门实施抽查不得收费，所需经费由省级财政列支。'],
          ],
        },
      ]),
    );
    const [, funding] = at(list, 1);
    expect(funding).toMatchObject({
      actorType: 'government',
      departments: [],
      levels: ['province'],
      modality: 'declarative',
      trackedByDefault: true,
    });
    expect(funding.cues.some((c) => c.rule === 'actorType.government-budget')).toBe(true);
    // 自治区 is a place, not 自 (from): no statement of fact here.
    expect(at(list, 2).every((d) => d.kind !== 'other')).toBe(true);
    // 由……财政列支: the finance department at the level named pays.
    const [, paid] = at(list, 3);
    expect(paid).toMatchObject({
      actorType: 'department',
      departments: ['finance'],
      levels: ['province'],
    });
  });

  it('staff (其……人员) act for the party named before them', () => {
    const list = statements(
      regulation('重庆市甲乙条例', [
        {
          title: '总则',
          articles: [
            [
              '市场监督管理部门抽取样品时，其行政执法人员应当出示有效执法证件；甲乙检验机构接受委托抽取样品时，其检验人员应当出示委托检验书。',
            ],
          ],
        },
      ]),
    );
    const [organ, body] = at(list, 1);
    expect(organ).toMatchObject({ actorType: 'department', departments: ['market_regulation'] });
    expect(body).toMatchObject({ actorType: 'third_party', governmentDuty: false });
  });

  it('……部门应当……做好本行政区域内的……监督工作 allocates the competent department (older wording)', () => {
    const list = statements(
      regulation('浙江省甲乙条例', [
        {
          title: '总则',
          articles: [
            [
              '县级以上人民政府应当加强对甲乙监督工作的领导。',
              '县级以上质量技术监督部门应当依照法律、法规规定的职责，做好本行政区域内的甲乙监督工作。',
            ],
          ],
        },
        { title: '监督检查', articles: [['甲乙监督抽查工作应当统筹安排，避免重复。']] },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({
      actorType: 'department',
      departments: ['market_regulation'],
      actorSource: 'inferred',
    });
  });

  it('受理申请的部门 is the organ the application was addressed to; 报……批准 adds the approver', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            [
              '从境外引进甲乙资源的，应当向省、自治区、直辖市人民政府农业农村主管部门提出申请；受理申请的农业农村主管部门经审核，报国务院农业农村主管部门批准。',
            ],
          ],
        },
      ]),
    );
    const organ = at(list, 1).find((d) => d.actorText.startsWith('受理'));
    expect(organ?.levels).toEqual(['national', 'province']);
    expect(organ?.trackedByDefault).toBe(true);
  });

  it('a party named in a condition is not the subject of the main clause after it', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '法律责任',
          articles: [
            [
              '生产者、销售者违反本条例规定，产品有严重质量问题的，市场监督管理部门可以公布该企业及其产品名称。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'department',
      departments: ['market_regulation'],
      modality: 'discretionary',
    });
  });

  it('禁止 + a named party + its predicate addresses that party, not everyone', () => {
    const list = statements(
      regulation('浙江省甲乙条例', [
        { title: '总则', articles: [['禁止服务业经营者将不合格的甲乙用于经营性服务。']] },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ kind: 'prohibition', actorType: 'enterprise' });
    expect(at(list, 1)[0].cues.map((c) => c.rule)).toContain('actorType.prohibition-addressee');
    const unaddressed = statements(
      regulation('浙江省甲乙条例', [
        { title: '总则', articles: [['禁止生产、销售不合格的甲乙。']] },
      ]),
    );
    expect(at(unaddressed, 1)[0].actorText).toBe('任何单位和个人');
  });

  it('a 由-agent after a condition that names a party acts, for any act', () => {
    const list = statements(
      regulation('重庆市甲乙条例', [
        {
          title: '监督检查',
          articles: [
            [
              '监督抽查中发现不合格甲乙的生产者在外省市的，由市场监督管理部门移交生产者所在地的市场监督管理部门处理。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'department',
      departments: ['market_regulation'],
      trackedByDefault: true,
    });
  });

  it('a trailing 另有规定的除外 qualifies a duty; it is a scope clause only on its own', () => {
    const list = statements(
      regulation('山东省甲乙条例', [
        {
          title: '监督管理',
          articles: [
            [
              '已经实施区域评估的，有关部门在审批甲乙项目时，不得要求市场主体重复开展相关评估，法律、法规另有规定的除外。',
            ],
            ['法律、行政法规对甲乙另有规定的除外。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ kind: 'prohibition', actorType: 'department' });
    expect(at(list, 2)[0].kind).toBe('scope');
  });

  it('after a condition and a 除……外 adverbial, the organ named next is the subject', () => {
    const list = statements(
      regulation('山东省甲乙条例', [
        {
          title: '法律责任',
          articles: [
            [
              '行业协会商会损害营商环境的，除依照有关法律、法规规定承担相应责任外，有关部门应当将其违法情况纳入信用信息公示系统。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0].actorType).toBe('department');
  });

  it('a topic followed by ，是…… with no modal verb defines a term', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '监督检查',
          articles: [['甲乙的判定依据，是甲乙的强制性标准以及企业明示的标准。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ kind: 'definition', trackedByDefault: false });
  });

  it('由 + a party named by its head noun + an adverbial + its verb names who acts', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '监督检查',
          articles: [['监督检查所需样品由被检验方按照国家和省有关规定提供。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ actorType: 'enterprise', actorText: '被检验方' });
  });

  it('standards as the subject bind their makers: 地方 the department, 团体 社会团体, 企业 the enterprise', () => {
    const list = statements(
      regulation('山东省甲乙标准化条例', [
        {
          title: '总则',
          articles: [['县级以上人民政府标准化行政主管部门统一管理本行政区域内的标准化工作。']],
        },
        {
          title: '标准的制定',
          articles: [
            ['地方标准、团体标准和企业标准应当按照规定的编号规则进行编号。'],
            ['团体标准和企业标准的技术要求不得低于强制性标准的相关技术要求。'],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({
      actorType: 'department',
      actorTypes: ['department', 'association', 'enterprise'],
      departments: ['market_regulation'],
    });
    expect(at(list, 3)[0]).toMatchObject({
      actorType: 'association',
      actorTypes: ['association', 'enterprise'],
    });
  });

  it('a party opening the condition of a subjectless main clause acts, whatever came before', () => {
    const list = statements(
      regulation('重庆市甲乙条例', [
        {
          title: '监督管理',
          articles: [
            [
              '市市场监督管理部门负责本市甲乙的监督管理工作。',
              '甲乙投入流通后，生产者获知其甲乙可能存在不合理危险的，应当立即开展调查。',
              '被检查人对检验结果有异议的，可以自收到检验结果之日起十五日内申请复检。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1, 2)[0]).toMatchObject({ actorType: 'enterprise', actorText: '生产者' });
    // The inspected party (被检查人) is the producer or seller inspected: a market party.
    expect(at(list, 1, 3)[0]).toMatchObject({ actorType: 'enterprise', actorText: '被检查人' });
  });

  it('the noun phrase before a 未经……批准 clause is the subject, not the approving organ', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '甲乙资源',
          articles: [
            [
              '国务院甲乙主管部门根据全国甲乙资源保护规划，确定国家级甲乙资源保护名录。',
              '享受中央财政资金支持的甲乙资源保种场，未经国务院甲乙主管部门批准，不得擅自处理受保护的甲乙资源。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1, 2)[0]).toMatchObject({
      kind: 'prohibition',
      actorType: 'enterprise',
      actorText: '甲乙资源保种场',
      trackedByDefault: false,
    });
  });

  it('a government’s plan or budget as the subject is that government’s duty, tracked', () => {
    const list = statements(
      regulation('上海市甲乙促进条例', [
        {
          title: '总则',
          articles: [['市国民经济和社会发展规划应当体现促进甲乙发展的要求。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'government',
      levels: ['province'],
      trackedByDefault: true,
    });
  });

  it('a prohibition after a budget clause is a norm of its own', () => {
    const list = statements(
      regulation('重庆市甲乙条例', [
        {
          title: '监督抽查',
          articles: [['市场监督管理部门实施监督抽查所需检验费用由财政列支，不得向被检查人收取。']],
        },
      ]),
    );
    expect(at(list, 1).map((d) => d.kind)).toEqual(['implementation', 'prohibition']);
  });

  it('an organ named by what it does is the text’s competent department, for review', () => {
    const list = statements(
      regulation('浙江省甲乙监督条例', [
        {
          title: '总则',
          articles: [
            ['县级以上市场监督管理部门应当依照规定的职责，做好本行政区域内的甲乙监督工作。'],
          ],
        },
        {
          title: '监督检查',
          articles: [
            ['采取查封、扣押措施的机关应当妥善保管被查封、扣押的物品。'],
            ['有关部门应当配合甲乙监督工作。'],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({ departments: ['market_regulation'] });
    expect(at(list, 2)[0].cues.map((c) => c.rule)).toContain('departments.described-organ');
    expect(at(list, 3)[0].departments).toEqual([]);
  });

  it('具体办法由……制定 after a clause is the named organ’s own norm', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '甲乙生产经营',
          articles: [
            [
              '甲乙生产经营许可证由县级以上地方人民政府甲乙主管部门审核发放，具体审核发放办法由省级人民政府规定。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1).map((d) => d.actorType)).toEqual(['department', 'government']);
    expect(at(list, 1)[1].levels).toEqual(['province']);
  });

  it('after an encouragement, a clause whose object is the encouraged party is the government’s own act', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '甲乙生产',
          articles: [
            [
              '国家引导甲乙养殖户按照发展规划有序发展，加强对甲乙养殖户的指导帮扶，保护其合法权益，不得随意以行政手段强行清退。',
            ],
            [
              '享受中央财政资金支持的甲乙保种场，未经国务院甲乙主管部门批准，不得擅自处理甲乙资源。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1).map((d) => [d.actorType, d.modality])).toEqual([
      ['enterprise', 'encouraged'],
      ['government', 'declarative'],
      ['government', 'mandatory'],
    ]);
    // 支持 inside a noun phrase (财政资金支持的) is no encouragement.
    expect(at(list, 2)).toHaveLength(1);
  });

  it('after a party’s condition, an organ described by its act is the subject', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        { title: '总则', articles: [['市科学技术行政部门负责本市甲乙工作的管理。']] },
        {
          title: '法律责任',
          articles: [
            [
              '当事人对具体行政行为在法定期间内不申请复议、不提起诉讼又不履行的，作出具体行政行为的部门可以申请人民法院强制执行。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0].actorType).toBe('department');
  });
});

describe('issue 14, second pass: how level words, organs and parties are drafted', () => {
  it('省或者设区的市人民政府……部门 (a provincial text) names both the province and the prefecture', () => {
    const list = statements(
      regulation('湖北省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['在甲乙工作中出现争议的，由省或者设区的市人民政府甲乙主管部门组织协调解决。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'department',
      levels: ['province', 'prefecture'],
    });
  });

  it('a place written before 各级 (牧区各级, 民族自治地方各级) names local governments only', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            ['山区各级人民政府应当扶持甲乙产业发展。'],
            ['各级人民政府应当加强甲乙工作。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0].levels).toEqual(['province', 'prefecture', 'county']);
    expect(at(list, 1)[0].trackedByDefault).toBe(true);
    // Without a place, 各级 in a national text still includes the State Council.
    expect(at(list, 2)[0].levels).toEqual(['national', 'province', 'prefecture', 'county']);
  });

  it('in a national text, a department without a level word is local only if the text gives its kind local work', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            [
              '国务院农业农村主管部门负责全国甲乙工作。县级以上地方人民政府农业农村主管部门负责本行政区域内的甲乙工作。',
            ],
            ['农业农村主管部门应当定期公布甲乙检测结果。'],
            ['公安机关应当协助查处甲乙违法行为。'],
            ['有关部门应当宣传甲乙知识。'],
          ],
        },
      ]),
    );
    // The text places 农业农村主管部门 locally (article 1): the bare name is the local department.
    expect(at(list, 2)[0]).toMatchObject({
      levels: ['province', 'prefecture', 'county'],
      trackedByDefault: true,
    });
    // Police and 有关部门 are never given local work here: the national bodies, not tracked.
    expect(at(list, 3)[0]).toMatchObject({ levels: ['national'], trackedByDefault: false });
    expect(at(list, 3)[0].cues.some((c) => c.rule === 'levels.national-department')).toBe(true);
    expect(at(list, 4)[0]).toMatchObject({ levels: ['national'], trackedByDefault: false });
  });

  it('a national text that names local 有关部门 (当地……等有关部门) makes a bare 有关部门 local', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            ['甲乙经营者转场时，当地公安、交通运输等有关部门应当提供便利。'],
            ['有关部门应当宣传甲乙知识。'],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({
      levels: ['province', 'prefecture', 'county'],
      trackedByDefault: true,
    });
  });

  it('受理申请的部门 in a later sentence is the organ the application was addressed to', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '许可',
          articles: [
            [
              '申请取得甲乙经营许可证，应当向省、自治区、直辖市人民政府农业农村主管部门提出申请。受理申请的农业农村主管部门应当自收到申请之日起二十日内作出决定。',
            ],
          ],
        },
      ]),
    );
    const organ = at(list, 1).find((d) => d.actorType === 'department');
    expect(organ?.levels).toEqual(['province']);
    expect(organ?.cues.some((c) => c.rule === 'levels.application-recipient')).toBe(true);
  });

  it('a level’s budget funds (市和区财政性资金) are spent by that level’s government', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '保障',
          articles: [
            ['市和区财政性甲乙资金应当主要用于公益性甲乙研究。'],
            ['甲乙检验费用由市财政列支。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'government',
      levels: ['province', 'county'],
      trackedByDefault: true,
    });
    // 由市财政列支: 财政 acting is the finance department, not the budget as a thing.
    expect(at(list, 2)[0].actorType).not.toBe('government');
  });

  it('国务院和省级人民政府的……部门: 的……部门 belongs to every government joined before it', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '监督',
          articles: [
            ['国务院和省、自治区、直辖市人民政府的甲乙主管部门应当定期发布甲乙质量公告。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'department',
      actorTypes: ['department'],
      levels: ['national', 'province'],
    });
  });

  it('parties named by their role: the inspected party and operators are market parties', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '经营',
          articles: [
            ['从事甲乙生产经营的单位、个人，应当取得甲乙经营许可证。'],
            ['被检验人对检验结论有异议的，可以申请复验。'],
            ['有关单位、个人应当配合甲乙资源调查。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0].actorType).toBe('enterprise');
    expect(at(list, 2)[0].actorType).toBe('enterprise');
    expect(at(list, 3)[0].actorTypes).toEqual(['public']);
  });

  it('after a clause with its own modal verb, a party followed by a modal verb opens a new clause', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '监督',
          articles: [
            [
              '县级以上市场监督管理部门查处假冒行为时，可以将产品送交被假冒的企业识别，被假冒企业应当予以配合。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1).map((d) => [d.actorType, d.modality])).toEqual([
      ['department', 'discretionary'],
      ['enterprise', 'mandatory'],
    ]);
  });

  it('a subjectless reward clause is granted by the governments of the general article', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [
            ['县级以上人民政府应当加强对甲乙工作的领导。'],
            [
              '国家鼓励推行先进的甲乙管理方法。',
              '对甲乙管理先进、成绩显著的单位和个人，给予奖励。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 2, 2)[0]).toMatchObject({
      actorType: 'government',
      actorSource: 'inferred',
      levels: ['national', 'province', 'prefecture', 'county'],
      trackedByDefault: true,
    });
  });

  it('海关 standing alone is the vertically managed national customs; 移送……部门处理 makes the recipient act', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '总则',
          articles: [['县级以上地方人民政府农业农村主管部门负责本行政区域内的甲乙管理工作。']],
        },
        {
          title: '进出境',
          articles: [['海关应当将查获的甲乙移送省、自治区、直辖市人民政府农业农村主管部门处理。']],
        },
      ]),
    );
    const [handOver] = at(list, 2);
    expect(handOver.departments).toEqual(['customs', 'agriculture_rural']);
    expect(handOver.levels).toEqual(['national', 'province']);
    expect(handOver.trackedByDefault).toBe(true);
    expect(handOver.cues.some((c) => c.rule === 'actor.handed-over-to')).toBe(true);
  });

  it('a national law’s 国家机关 and 其上级机关 without a level word are organs of every level', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '法律责任',
          articles: [['国家机关违反本法规定推荐甲乙产品的，由其上级机关或者监察机关责令改正。']],
        },
      ]),
    );
    const [order] = at(list, 1);
    expect(order.actorTypes).toEqual(['government', 'judicial']);
    expect(order.levels).toEqual(['national', 'province', 'prefecture', 'county']);
  });

  it('本市国家机关 in a municipality’s text are the organs of the city and its districts', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        { title: '总则', articles: [['本市国家机关、企业事业单位应当依法开展甲乙普及工作。']] },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'government',
      levels: ['province', 'county'],
    });
  });

  it('相关部门 after 人民政府及其相关部门 refers back to that government’s departments', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '设施',
          articles: [
            [
              '市人民政府及其相关部门应当制定措施，支持甲乙设施建设。相关部门应当按照各自职责，保障甲乙设施运行。',
            ],
          ],
        },
      ]),
    );
    const organs = at(list, 1).filter((d) => d.actorType === 'department');
    expect(organs).toHaveLength(1);
    expect(organs[0].levels).toEqual(['province']);
    expect(organs[0].cues.some((c) => c.rule === 'levels.anaphoric-departments')).toBe(true);
  });

  it('a violator named in the condition does not hide the 由-agent who enforces', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '法律责任',
          articles: [
            ['甲乙检验机构伪造检验结果的，由县级以上地方市场监督管理部门责令改正，处五万元罚款。'],
          ],
        },
      ]),
    );
    const [order] = at(list, 1);
    expect(order).toMatchObject({
      kind: 'enforcement',
      actorType: 'department',
      actorSource: 'explicit',
      departments: ['market_regulation'],
      levels: ['province', 'prefecture', 'county'],
    });
  });

  it('a subjectless 实行……制度 or 予以激励 outside the general chapter is the addressed governments’ act', () => {
    const list = statements(
      regulation('浙江省甲乙条例', [
        {
          title: '总则',
          articles: [
            ['县级以上人民政府应当加强对甲乙工作的领导。'],
            ['县级以上市场监督管理部门主管本行政区域内的甲乙监督工作。'],
          ],
        },
        {
          title: '监督',
          articles: [
            ['对甲乙实行以抽查为主要方式的监督检查制度。'],
            ['甲乙标准达到国际先进水平、实施效果显著的，可以在政府质量奖评选等方面予以激励。'],
          ],
        },
      ]),
    );
    expect(at(list, 3)[0]).toMatchObject({ actorType: 'government', actorSource: 'inferred' });
    expect(at(list, 4)[0]).toMatchObject({ actorType: 'government', actorSource: 'inferred' });
  });

  it('collective and institutional parties: 创新主体, 推广机构, 融资担保机构, staff after 及其', () => {
    const list = statements(
      regulation('上海市甲乙条例', [
        {
          title: '促进',
          articles: [
            ['鼓励各类创新主体开展甲乙共性技术研究。'],
            ['国家设立的甲乙技术推广机构，应当向农户提供技术服务。'],
            ['本市建立甲乙担保体系，引导融资担保机构加大对小微企业的支持力度。'],
            ['甲乙检验机构及其检验人员不得出具虚假检验报告。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0].actorTypes).toEqual(['enterprise', 'public']);
    expect(at(list, 2)[0]).toMatchObject({ actorType: 'public', governmentDuty: false });
    expect(at(list, 3).map((d) => d.actorType)).toEqual(['government', 'enterprise']);
    expect(at(list, 4)[0].actorTypes).toEqual(['third_party']);
  });

  it('an exemption (……不受前款规定限制) states no duty, whatever subject came before', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '监督',
          articles: [
            [
              '下级市场监督管理部门不得对上级已抽查合格的甲乙重复抽查。',
              '对涉嫌违法的甲乙进行的跟踪检查，不受前款规定限制。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1, 2)[0]).toMatchObject({ kind: 'other', trackedByDefault: false });
  });

  it('staff named by their function act for the body named before them', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '监督',
          articles: [
            [
              '县级以上市场监督管理部门抽取甲乙样品，应当填写抽样单。抽样前，抽样人员应当出示执法证件。',
            ],
            ['复检由其他甲乙检验机构承担；由原检验机构承担的，原检验人员应当回避。'],
          ],
        },
      ]),
    );
    expect(at(list, 1).map((d) => d.actorType)).toEqual(['department', 'department']);
    expect(at(list, 1)[1].actorSource).toBe('previous');
    expect(at(list, 2).map((d) => d.actorType)).toEqual(['third_party', 'third_party']);
  });

  it('a body defined by testing (接受委托检验的机构) is a third party, not the subject before it', () => {
    const list = statements(
      regulation('河南省甲乙条例', [
        {
          title: '生产',
          articles: [
            [
              '生产者对不能检验的项目，应当委托有能力的机构检验。接受委托检验的机构不得出具虚假证明。',
            ],
          ],
        },
      ]),
    );
    expect(at(list, 1).map((d) => d.actorType)).toEqual(['enterprise', 'third_party']);
  });

  it('a party named after a clause that states a fact opens its own duty', () => {
    const list = statements(
      regulation('重庆市甲乙条例', [
        {
          title: '监督',
          articles: [['复检结论为最终结论，被检查人不得再次申请复检。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      kind: 'prohibition',
      actorType: 'enterprise',
      actorText: '被检查人',
    });
  });

  it('kinds of standard stand for their makers (标准化法): 团体标准 → 社会团体, 企业标准 → 企业', () => {
    const list = statements(
      regulation('上海市甲乙标准化条例', [
        {
          title: '标准',
          articles: [
            ['鼓励团体标准、企业标准通过公共服务平台向社会公开。'],
            ['团体标准、企业标准的制定单位应当定期组织复审。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0].actorTypes).toEqual(['association', 'enterprise']);
    expect(at(list, 1)[0].modality).toBe('encouraged');
    expect(at(list, 2)[0].actorTypes).toEqual(['association', 'enterprise']);
  });

  it('an item that only names what is published (……情况) is done by the lead-in’s actor', () => {
    const r: RegulationInput = {
      title: '上海市甲乙条例',
      chapters: [
        {
          number: 1,
          title: '总则',
          articles: [
            {
              number: 1,
              paragraphs: [
                {
                  number: 1,
                  text: '市市场监督管理部门应当每年公布下列内容：',
                  items: [
                    { number: 1, text: '（一）甲乙工作总体情况；' },
                    { number: 2, text: '（二）标准化技术委员会建设情况。' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const items = extractRegulationDuties(r).articles[0].duties.filter((d) => d.item !== null);
    expect(items.map((d) => [d.actorType, d.actorSource])).toEqual([
      ['department', 'lead-in'],
      ['department', 'lead-in'],
    ]);
  });

  it('制定团体标准应当…… binds the makers of group standards; 不符合……的产品、服务不得销售 binds their providers', () => {
    const list = statements(
      regulation('上海市甲乙标准化条例', [
        { title: '总则', articles: [['市标准化行政主管部门负责本市甲乙标准化工作。']] },
        {
          title: '标准',
          articles: [
            ['制定团体标准应当以满足市场需要为目标。'],
            ['不符合强制性标准的产品、服务，不得生产、销售或者提供。'],
          ],
        },
      ]),
    );
    expect(at(list, 2)[0]).toMatchObject({ actorType: 'association', trackedByDefault: false });
    expect(at(list, 3)[0].actorType).toBe('enterprise');
  });

  it('……还应当由国家……委员会进行评估: a state committee as 由-agent, bound by the modal verb before 由', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '进口',
          articles: [['首次进口的甲乙还应当由国家甲乙资源委员会进行性能评估。']],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({
      actorType: 'department',
      levels: ['national'],
      modality: 'mandatory',
      trackedByDefault: false,
    });
  });

  it('farmers and herders (农民, 农牧民) are the public', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        { title: '发展', articles: [['国家支持农牧民发展甲乙专业合作社。']] },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ actorType: 'public', modality: 'encouraged' });
  });
});

describe('issue 14, third pass: which party acts (conventions 43–52)', () => {
  const province = (articles: string[][]) =>
    statements(
      regulation('某某省甲乙促进条例', [
        {
          title: '总则',
          articles: [['县级以上人民政府负责本行政区域内的甲乙促进工作。'], ...articles],
        },
      ]),
    );

  it('43: 企业事业单位 / 企业事业组织 name enterprises and public institutions together', () => {
    const list = province([['企业事业组织应当为甲乙技术人员提供培训条件。']]);
    expect(at(list, 2)[0].actorTypes).toEqual(['enterprise', 'public']);
  });

  it('43: 单位 named by what it holds or does is any organisation; a line of business keeps it a market party', () => {
    const list = province([
      ['取得甲乙成果的单位应当对完成人给予奖励。'],
      ['甲乙施工单位应当遵守安全规范。'],
    ]);
    expect(at(list, 2)[0].actorTypes).toEqual(['enterprise', 'public']);
    expect(at(list, 3)[0].actorTypes).toEqual(['enterprise']);
  });

  it('43: a relative clause before 企业和个人 qualifies both; 任何单位 after an opening phrase is the subject', () => {
    const list = province([
      ['未出示证件的，接受调查的企业和个人有权拒绝。'],
      ['名录以外，任何单位开展甲乙服务不得收取费用。'],
    ]);
    expect(at(list, 2)[0].actorTypes).toEqual(['enterprise', 'public']);
    expect(at(list, 3)[0]).toMatchObject({ kind: 'prohibition', actorType: 'public' });
  });

  it('43: 甲乙质量的监督部门 is the same department as 甲乙质量监督部门, joined by 或者', () => {
    const list = province([['县级以上人民政府或者产品质量的监督部门应当对举报人给予奖励。']]);
    expect(at(list, 2)[0]).toMatchObject({
      actorTypes: ['government', 'department'],
      departments: ['market_regulation'],
    });
  });

  it('44: institutions listed by sector are public institutions, press and broadcasting ones media too', () => {
    const list = province([['鼓励教育、新闻出版、广播影视等机构和社会团体宣传甲乙知识。']]);
    expect(at(list, 2)[0]).toMatchObject({ modality: 'encouraged', governmentDuty: false });
    expect(at(list, 2)[0].actorTypes).toEqual(['public', 'media', 'association']);
  });

  it('44: an organisation named by a field of civil society is a social organisation', () => {
    const list = province([['鼓励国际学术组织在本省设立分支机构。']]);
    expect(at(list, 2)[0].actorType).toBe('association');
  });

  it('44: a 技术归口单位 of standardisation is a technical body (third party)', () => {
    const list = province([['技术归口单位应当组织地方标准的起草。']]);
    expect(at(list, 2)[0].actorType).toBe('third_party');
  });

  it('45: 申请人 is the party that applied earlier in the paragraph; 可 before a preposition is 可以', () => {
    const list = province([
      ['被检查人对抽查结论有异议的，可在五日内向原实施部门申请复查。复查费用由申请人承担。'],
    ]);
    const [apply, cost] = at(list, 2);
    expect(apply).toMatchObject({ actorType: 'enterprise', modality: 'discretionary' });
    expect(cost.actorType).toBe('enterprise');
    expect(cost.cues.some((c) => c.rule === 'actorType.applicant-back-reference')).toBe(true);
  });

  it('45: without an earlier applicant, 申请者 is whoever applies (the public)', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        { title: '审定', articles: [['审定所需的检测费用由申请者承担。']] },
      ]),
    );
    expect(at(list, 1)[0].actorType).toBe('public');
  });

  it('45: 各类 before a party and 均 before 可 do not hide the subject and its modal verb', () => {
    const list = province([['负面清单以外的领域，各类市场主体均可依法平等进入。']]);
    expect(at(list, 2)[0]).toMatchObject({
      kind: 'implementation',
      actorType: 'enterprise',
      modality: 'discretionary',
    });
  });

  it('46: officials of a government act in its name', () => {
    const list = province([['县级人民政府的主要负责人是本地甲乙工作的第一责任人。']]);
    expect(at(list, 2)[0]).toMatchObject({ actorType: 'government', levels: ['county'] });
  });

  it('47: an activity whose only predicate is compliance with other rules is a referral (scope)', () => {
    const list = statements(
      regulation('中华人民共和国甲乙法', [
        {
          title: '管理',
          articles: [
            ['甲乙养殖涉及水域利用活动的，应当遵守有关水域保护法律法规的规定。'],
            ['新甲乙品种的引进、试验和推广，应当符合国家有关生物安全管理的规定。'],
            ['向境外运送甲乙样本的，还应当依照有关法律的规定办理出境手续。'],
            ['甲乙产品的包装应当符合国家有关规定。'],
          ],
        },
      ]),
    );
    expect(at(list, 1)[0]).toMatchObject({ kind: 'scope', actorType: 'none' });
    expect(at(list, 2)[0]).toMatchObject({ kind: 'scope', actorType: 'none' });
    // An act of its own (办理出境手续) is a duty of whoever does it; a product binds its producers.
    expect(at(list, 3)[0]).toMatchObject({ kind: 'implementation', actorType: 'public' });
    expect(at(list, 4)[0]).toMatchObject({ kind: 'implementation', actorType: 'enterprise' });
  });

  it('52: outside the general chapter, 对……的，以及……的产品，实行/建立……制度 is the addressed governments’ system', () => {
    const list = statements(
      regulation('某某省甲乙促进条例', [
        {
          title: '总则',
          articles: [
            ['县级以上人民政府负责本行政区域内的甲乙促进工作。'],
            ['县级以上人民政府市场监督管理部门主管本行政区域内的甲乙监督管理工作。'],
          ],
        },
        {
          title: '监督管理',
          articles: [
            ['对质量稳定、标准先进的，以及连续三次抽查合格的甲乙产品，实行免于重复检查制度。'],
            ['建立甲乙质量信息公开制度，具体办法由省人民政府制定。'],
          ],
        },
      ]),
    );
    for (const article of [3, 4]) {
      expect(at(list, article)[0]).toMatchObject({
        kind: 'implementation',
        actorType: 'government',
        actorSource: 'inferred',
      });
    }
  });

  it('48: 不得 with no subject continues the article’s party; 禁止 addresses everyone', () => {
    const list = province([
      ['甲乙生产者应当使用合格的包装物。', '不得使用回收的包装物包装甲乙产品。'],
      ['禁止在甲乙产品中掺杂掺假。'],
    ]);
    expect(at(list, 2, 2)[0]).toMatchObject({ kind: 'prohibition', actorType: 'enterprise' });
    expect(at(list, 3)[0]).toMatchObject({ kind: 'prohibition', actorType: 'public' });
  });

  it('49: 对……的产品，必须标明……方可销售 binds producers and sellers', () => {
    const list = province([
      ['对有轻微瑕疵但安全合格的甲乙产品，必须在包装上标明“处理品”字样后，方可销售。'],
    ]);
    expect(at(list, 2)[0]).toMatchObject({ actorType: 'enterprise', trackedByDefault: false });
  });

  it('51: a benefit is enjoyed by the party the topic or condition names, not by an organ', () => {
    const list = province([
      [
        '市场监督管理部门应当做好甲乙认定工作。',
        '经认定的甲乙示范企业，可以享受本省有关扶持政策。',
      ],
      ['从事甲乙技术培训活动的，按照规定享受税收优惠。'],
    ]);
    expect(at(list, 2, 2)[0]).toMatchObject({ actorType: 'enterprise', governmentDuty: false });
    expect(at(list, 3)[0]).toMatchObject({ actorType: 'public', trackedByDefault: false });
  });

  it('50: a principle followed by the work a named actor must do is that actor’s duty', () => {
    const list = province([
      ['仲裁机构应当坚持公平公正的原则，依法做好甲乙纠纷仲裁工作。'],
      ['甲乙促进工作应当遵循统筹规划、分类指导的原则。'],
    ]);
    expect(at(list, 2)[0]).toMatchObject({ kind: 'implementation', actorType: 'judicial' });
    expect(at(list, 3)[0]).toMatchObject({ kind: 'other', actorType: 'none' });
  });
});
