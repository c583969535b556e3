import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { seedDemoAccounts } from '../../user/demo-accounts.seed';
import { editRegulation, SEED_TEXT } from './regulation-text-builder';

const CODE = 'hubei-quality-promotion';

const IMPORT = `mutation Import($input: ImportRegulationInput!) {
  importRegulationVersion(input: $input) {
    alreadyImported chapters articles paragraphs items duties trackedDuties carriedOver
    dutiesByModality { mandatory encouraged discretionary declarative }
    version { id versionNumber status effectiveDate title }
    changes { kind from to title }
  }
}`;

const DUTIES = `query Duties($filter: DutyFilterInput, $page: PageInput) {
  duties(filter: $filter, page: $page) {
    totalCount
    nodes {
      id lineageId rowVersion itemNumber sequence text subject actorText actorType levels modality
      governmentDuty tracked reviewState carriedFromId paragraphNumber kind needsReview
      article { number title }
      leadDepartment { code name }
      departments { role fromText department { code name } }
      cues { field rule text explanation }
      history { kind actor before after note }
    }
  }
}`;

const REVIEW = `mutation Review($input: ReviewDutyInput!) {
  reviewDuty(input: $input) {
    id rowVersion reviewState tracked modality levels reviewedBy
    leadDepartment { code }
    departments { role department { code } }
  }
}`;

type DutyNode = {
  id: string;
  lineageId: string;
  rowVersion: number;
  itemNumber: number;
  sequence: number;
  text: string;
  actorType: string;
  levels: string[];
  modality: string;
  tracked: boolean;
  reviewState: string;
  carriedFromId: string | null;
  kind: string;
  needsReview: boolean;
  paragraphNumber: number;
  article: { number: number; title: string | null };
  leadDepartment: { code: string } | null;
  departments: Array<{ role: string; department: { code: string } }>;
  cues: Array<{ field: string }>;
  history: Array<{
    kind: string;
    actor: string;
    before: unknown;
    after: unknown;
    note: string | null;
  }>;
};

describe('regulation import, duty register, review and versions (GraphQL over HTTP)', () => {
  let api: TestApi;
  let province: SignedInClient;

  async function duties(filter: Record<string, unknown>, first = 500) {
    const res = await province.graphql<{ duties: { totalCount: number; nodes: DutyNode[] } }>(
      DUTIES,
      {
        filter: { regulationCode: CODE, ...filter },
        page: { first },
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.duties;
  }

  beforeAll(async () => {
    // No demo seed: this file imports the regulation itself, through the API.
    api = await startTestApi({ SEED_DEMO_DATA: 'false' });
    await seedDemoAccounts(api.server.app.get(DataSource), 12);
    province = await api.signIn('province');
  });
  afterAll(() => api?.close());

  it('imports the seed regulation: 7 chapters, 42 articles, and its duties', async () => {
    const res = await province.graphql<{ importRegulationVersion: Record<string, unknown> }>(
      IMPORT,
      {
        input: { code: CODE, text: SEED_TEXT, status: 'DRAFT' },
      },
    );
    expect(res.errors).toBeUndefined();
    const result = res.data!.importRegulationVersion;
    expect(result).toMatchObject({
      alreadyImported: false,
      chapters: 7,
      articles: 42,
      items: 5,
      carriedOver: 0,
      changes: [],
      version: {
        versionNumber: 1,
        status: 'DRAFT',
        effectiveDate: null,
        title: '湖北省质量促进条例（草案）',
      },
    });
    expect(result.duties).toBeGreaterThan(40);
    const byModality = result.dutiesByModality as Record<string, number>;
    expect(Object.values(byModality).reduce((a, b) => a + b, 0)).toBe(result.duties);
  });

  it('importing the same text again creates no new version', async () => {
    const res = await province.graphql<{ importRegulationVersion: Record<string, unknown> }>(
      IMPORT,
      {
        input: { code: CODE, text: SEED_TEXT.replace(/\n/g, '\n') },
      },
    );
    expect(res.data!.importRegulationVersion).toMatchObject({
      alreadyImported: true,
      version: { versionNumber: 1 },
    });
  });

  it('serves the whole tree regulation → versions → chapters → articles → paragraphs → items → duties without N+1 queries', async () => {
    const dataSource = api.server.app.get(DataSource);
    const runner = Object.getPrototypeOf(dataSource.createQueryRunner());
    const spy = jest.spyOn(runner, 'query');
    try {
      const res = await province.graphql<{
        regulation: {
          versions: Array<{
            chapters: Array<{
              number: number;
              title: string;
              articles: Array<{
                number: number;
                paragraphs: Array<{ items: unknown[]; duties: unknown[] }>;
              }>;
            }>;
          }>;
        };
      }>(`{
        regulation(code: "${CODE}") {
          title
          versions { versionNumber chapters { number title articles { number title paragraphs {
            number text items { number text duties { id } } duties { id modality leadDepartment { name } departments { role department { code } } }
          } } } }
        }
      }`);
      expect(res.errors).toBeUndefined();
      const chapters = res.data!.regulation.versions[0].chapters;
      expect(chapters.map((c) => c.title)).toEqual([
        '总则',
        '基础支撑',
        '创新驱动',
        '品牌引领',
        '保障措施',
        '监督考核',
        '附则',
      ]);
      expect(chapters.flatMap((c) => c.articles)).toHaveLength(42);
      // One query per level of the tree (plus the root): independent of the number of rows.
      expect(spy.mock.calls.length).toBeLessThanOrEqual(12);
    } finally {
      spy.mockRestore();
    }
  });

  it('filters by level, modality, actor type, department, chapter, tracked and review state', async () => {
    const all = await duties({});
    const provinceOnly = all.nodes.filter(
      (d) => d.levels.length === 1 && d.levels[0] === 'PROVINCE',
    );
    expect(provinceOnly.length).toBeGreaterThan(0);

    const county = await duties({ levels: ['COUNTY'] });
    expect(county.nodes.every((d) => d.levels.includes('COUNTY'))).toBe(true);
    expect(county.nodes.some((d) => provinceOnly.some((p) => p.id === d.id))).toBe(false);

    const encouraged = await duties({ modalities: ['ENCOURAGED'] });
    expect(encouraged.totalCount).toBeGreaterThan(0);
    expect(encouraged.nodes.every((d) => d.modality === 'ENCOURAGED')).toBe(true);

    const enterprises = await duties({ actorTypes: ['ENTERPRISE'] });
    expect(enterprises.nodes.every((d) => d.actorType === 'ENTERPRISE' && !d.tracked)).toBe(true);
    expect(enterprises.nodes.some((d) => d.article.number === 5)).toBe(true);

    const finance = await duties({ departmentCodes: ['finance'] });
    expect(finance.nodes.map((d) => d.article.number)).toContain(4);

    const chapter1 = await duties({ chapterNumbers: [1] });
    expect(chapter1.nodes.every((d) => d.article.number <= 9)).toBe(true);

    const tracked = await duties({ tracked: true });
    // Tracked by default: implementation duties only. A lead is suggested where the text names
    // a department (or its competent department); else the reviewer chooses one.
    expect(tracked.nodes.every((d) => d.tracked && d.kind === 'IMPLEMENTATION')).toBe(true);
    expect(tracked.nodes.every((d) => d.leadDepartment || d.departments.length === 0)).toBe(true);
    expect(tracked.nodes.every((d) => ['MANDATORY', 'DECLARATIVE'].includes(d.modality))).toBe(
      true,
    );

    expect((await duties({ reviewStates: ['REVIEWED'] })).totalCount).toBe(0);
    expect((await duties({ reviewStates: ['EXTRACTED'] })).totalCount).toBe(all.totalCount);

    const page = await province.graphql(DUTIES, { page: { first: 501 } });
    expect(page.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('explains every extracted field with cues', async () => {
    const { nodes } = await duties({ governmentOnly: true });
    for (const duty of nodes) {
      const fields = new Set(duty.cues.map((c) => c.field));
      for (const field of ['ACTOR', 'ACTOR_TYPE', 'LEVELS', 'MODALITY'])
        expect(fields).toContain(field);
    }
  });

  describe('review', () => {
    let target: DutyNode;

    beforeAll(async () => {
      const { nodes } = await duties({ articleNumbers: [4] });
      target = nodes.find((d) => d.paragraphNumber === 1)!;
    });

    it('records a review with who, when, before and after', async () => {
      const res = await province.graphql<{ reviewDuty: Record<string, unknown> }>(REVIEW, {
        input: {
          dutyId: target.id,
          expectedRowVersion: target.rowVersion,
          leadDepartmentCode: 'finance',
          assistingDepartmentCodes: ['development_reform', 'market_regulation'],
          levels: ['PROVINCE', 'PREFECTURE'],
          note: '经费保障由财政牵头',
        },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.reviewDuty).toMatchObject({
        rowVersion: target.rowVersion + 1,
        reviewState: 'REVIEWED',
        levels: ['PROVINCE', 'PREFECTURE'],
        reviewedBy: 'province',
        leadDepartment: { code: 'finance' },
      });
      const [after] = (await duties({ articleNumbers: [4] })).nodes.filter(
        (d) => d.id === target.id,
      );
      const review = after.history.find((h) => h.kind === 'REVIEWED')!;
      expect(review).toMatchObject({
        actor: 'province',
        note: '经费保障由财政牵头',
        before: {
          leadDepartment: target.leadDepartment?.code ?? null,
          levels: ['province', 'prefecture', 'county'],
        },
        after: {
          leadDepartment: 'finance',
          assistingDepartments: ['development_reform', 'market_regulation'],
          levels: ['province', 'prefecture'],
          reviewState: 'reviewed',
        },
      });
      expect(after.history[0].kind).toBe('EXTRACTED');
    });

    it('refuses a stale row version with CONFLICT and the current state, changing nothing', async () => {
      const res = await province.graphql(REVIEW, {
        input: { dutyId: target.id, expectedRowVersion: target.rowVersion, tracked: false },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        details: { current: { leadDepartment: 'finance', rowVersion: target.rowVersion + 1 } },
      });
      const [now] = (await duties({ articleNumbers: [4] })).nodes.filter((d) => d.id === target.id);
      expect(now.tracked).toBe(true);
    });

    it.each([
      [{ tracked: true, actorType: 'ENTERPRISE' }, 'tracked'],
      [{ levels: [] }, 'levels'],
      [{ leadDepartmentCode: 'no_such_department' }, 'departments'],
      [
        { leadDepartmentCode: 'finance', assistingDepartmentCodes: ['finance'] },
        'assistingDepartmentCodes',
      ],
    ])('refuses an invalid review %j with VALIDATION_FAILED naming %s', async (changes, field) => {
      const [now] = (await duties({ articleNumbers: [4] })).nodes.filter((d) => d.id === target.id);
      const res = await province.graphql(REVIEW, {
        input: { dutyId: target.id, expectedRowVersion: now.rowVersion, ...changes },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(res.errors?.[0]?.extensions?.details).toMatchObject({
        fields: { [field]: expect.any(String) },
      });
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('answers NOT_FOUND for an unknown duty', async () => {
      const res = await province.graphql(REVIEW, {
        input: { dutyId: '00000000-0000-4000-8000-000000000000', expectedRowVersion: 1 },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('a new version: one article changed, one inserted so later ones renumber', () => {
    let reviewedInRenumbered: DutyNode;
    let reviewedInChanged: DutyNode;
    let result: Record<string, unknown>;

    beforeAll(async () => {
      // Review a duty in 第十六条 (to become 第十七条, text unchanged) and one in 第三十八条,
      // whose wording the new version changes.
      for (const [article, lead] of [
        [16, 'science_technology'],
        [38, 'statistics'],
      ] as const) {
        const [duty] = (await duties({ articleNumbers: [article], governmentOnly: true })).nodes;
        const res = await province.graphql<{ reviewDuty: unknown }>(REVIEW, {
          input: { dutyId: duty.id, expectedRowVersion: duty.rowVersion, leadDepartmentCode: lead },
        });
        expect(res.errors).toBeUndefined();
        if (article === 16) reviewedInRenumbered = duty;
        else reviewedInChanged = duty;
      }
      const edited = editRegulation(SEED_TEXT, {
        replace: { 38: ['县级以上人民政府', '县级以上地方各级人民政府'] },
        insertAfter: {
          article: 9,
          line: '【质量文化】  县级以上人民政府应当培育质量文化，弘扬工匠精神。',
        },
      });
      const res = await province.graphql<{ importRegulationVersion: Record<string, unknown> }>(
        IMPORT,
        {
          input: { code: CODE, text: edited, status: 'ENACTED', effectiveDate: '2027-01-01' },
        },
      );
      expect(res.errors).toBeUndefined();
      result = res.data!.importRegulationVersion;
    });

    it('stores version 2 and reports the article-level diff', () => {
      expect(result).toMatchObject({
        articles: 43,
        version: { versionNumber: 2, status: 'ENACTED', effectiveDate: '2027-01-01' },
      });
      const changes = result.changes as Array<{ kind: string; from?: number; to?: number }>;
      const byKind = (kind: string) => changes.filter((c) => c.kind === kind);
      expect(byKind('ADDED')).toEqual([{ kind: 'ADDED', from: null, to: 10, title: '质量文化' }]);
      expect(byKind('CHANGED')).toEqual([
        { kind: 'CHANGED', from: 38, to: 39, title: expect.any(String) },
      ]);
      expect(byKind('UNCHANGED').map((c) => c.from)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(byKind('RENUMBERED')).toHaveLength(32);
      expect(byKind('RENUMBERED').every((c) => c.to === c.from! + 1)).toBe(true);
      expect(byKind('REMOVED')).toEqual([]);
    });

    it('carries reviewed duties over where the paragraph is unchanged, renumbered or not', async () => {
      const latest = await duties({});
      const carried = latest.nodes.find((d) => d.lineageId === reviewedInRenumbered.lineageId)!;
      expect(carried).toMatchObject({
        article: { number: 17 },
        reviewState: 'REVIEWED',
        carriedFromId: reviewedInRenumbered.id,
        leadDepartment: { code: 'science_technology' },
      });
      expect(carried.id).not.toBe(reviewedInRenumbered.id);
      expect(carried.history.map((h) => h.kind)).toEqual(['EXTRACTED', 'CARRIED_OVER']);

      const article4 = latest.nodes.find((d) => d.article.number === 4 && d.paragraphNumber === 1)!;
      expect(article4).toMatchObject({
        reviewState: 'REVIEWED',
        leadDepartment: { code: 'finance' },
      });
      expect(article4.levels).toEqual(['PROVINCE', 'PREFECTURE']);

      // 第三十八条 (now 第三十九条) changed its first paragraph only: duties there start again
      // from extraction, the unchanged second paragraph keeps its duties.
      expect(latest.nodes.some((d) => d.lineageId === reviewedInChanged.lineageId)).toBe(false);
      const article39 = latest.nodes.filter((d) => d.article.number === 39);
      const changedParagraph = article39.filter((d) => d.paragraphNumber === 1);
      const unchangedParagraph = article39.filter((d) => d.paragraphNumber === 2);
      expect(changedParagraph.length).toBeGreaterThan(0);
      expect(
        changedParagraph.every((d) => d.reviewState === 'EXTRACTED' && d.carriedFromId === null),
      ).toBe(true);
      expect(unchangedParagraph.length).toBeGreaterThan(0);
      expect(unchangedParagraph.every((d) => d.carriedFromId !== null)).toBe(true);

      expect(result.carriedOver).toBe(latest.nodes.filter((d) => d.carriedFromId).length);
      expect(result.carriedOver).toBeGreaterThan(latest.totalCount / 2);
    });

    it('answers the diff query and keeps the old version readable but not reviewable', async () => {
      const diff = await province.graphql<{
        regulationVersionDiff: { changes: Array<{ kind: string }> };
      }>(
        `query($id: ID!) { regulationVersionDiff(versionId: $id) { from { versionNumber } to { versionNumber } changes { kind from to } } }`,
        { id: (result.version as { id: string }).id },
      );
      // 42 old articles matched or removed, plus the one added.
      expect(diff.data!.regulationVersionDiff.changes).toHaveLength(43);

      const old = await province.graphql<{ duty: { rowVersion: number } }>(
        `query($id: ID!) { duty(id: $id) { rowVersion } }`,
        { id: reviewedInRenumbered.id },
      );
      const res = await province.graphql(REVIEW, {
        input: {
          dutyId: reviewedInRenumbered.id,
          expectedRowVersion: old.data!.duty.rowVersion,
          tracked: false,
        },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });
  });

  it('rejects unparsable text with the line and a stable code, storing nothing', async () => {
    const before = await api.server.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM regulation_version`);
    const res = await province.graphql(IMPORT, {
      input: { code: 'broken-regulation', text: '某某条例\n第一章 总则\n第一条 甲。\n第一条 乙。' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { line: 4, parseError: 'DUPLICATE_ARTICLE' },
    });
    expect(res.errors?.[0]?.message).toMatch(/^第4行/);
    const after = await api.server.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM regulation_version`);
    expect(after).toEqual(before);
    const codes = await api.server.app
      .get(DataSource)
      .query(`SELECT code FROM regulation WHERE code = 'broken-regulation'`);
    expect(codes).toEqual([]);
  });

  it('rejects a bad code or date with VALIDATION_FAILED', async () => {
    for (const input of [
      { code: 'Bad Code', text: SEED_TEXT },
      { code: CODE, text: SEED_TEXT, effectiveDate: '2027-02-30' },
    ]) {
      const res = await province.graphql(IMPORT, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
  });
});
