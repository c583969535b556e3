import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { LAW_TITLE, LAW_V1, LAW_V2, MUNICIPAL } from './national-law-texts';

const LAW = 'quality-demo-law';
const SHANGHAI = 'shanghai-quality-demo';

const IMPORT = `mutation Import($input: ImportRegulationInput!) {
  importRegulationVersion(input: $input) {
    duties trackedDuties needsReview textKind tier carriedOver
    dutiesByKind { implementation enforcement prohibition definition purpose scope effectiveDate liability other }
    version { id versionNumber textKind tier textContextExplanation textContextEvidence }
    changes { kind from to sources similarity }
  }
}`;

const DUTIES = `query Duties($filter: DutyFilterInput) {
  duties(filter: $filter, page: { first: 500 }) {
    totalCount
    nodes {
      id text kind needsReview actorType levels modality governmentDuty tracked carriedFromId
      article { number }
      leadDepartment { code }
      extracted { kind actorSource }
      cues { field rule explanation }
    }
  }
}`;

const LIBRARY = `query Library {
  regulations {
    code title textKind tier latestStatus versionCount dutyCount trackedDutyCount needsReviewCount openCycleCount
  }
}`;

const REDLINE = `query Redline($versionId: ID!, $from: [Int!]!, $to: Int!) {
  articleRedline(versionId: $versionId, from: $from, to: $to) {
    from to oldText newText segments { op text }
  }
}`;

interface DutyNode {
  id: string;
  text: string;
  kind: string;
  needsReview: boolean;
  actorType: string;
  levels: string[];
  governmentDuty: boolean;
  tracked: boolean;
  carriedFromId: string | null;
  article: { number: number };
  leadDepartment: { code: string } | null;
  extracted: { kind: string; actorSource: string };
  cues: Array<{ field: string; rule: string; explanation: string }>;
}

interface ImportResult {
  duties: number;
  trackedDuties: number;
  needsReview: number;
  textKind: string;
  tier: string;
  carriedOver: number;
  dutiesByKind: Record<string, number>;
  version: {
    id: string;
    versionNumber: number;
    textKind: string;
    tier: string;
    textContextExplanation: string;
    textContextEvidence: string;
  };
  changes: Array<{
    kind: string;
    from: number | null;
    to: number | null;
    sources: number[] | null;
    similarity: number | null;
  }>;
}

describe('kinds of text and of statements, the regulation library and the redline (GraphQL over HTTP)', () => {
  let api: TestApi;
  let province: SignedInClient;
  let dataSource: DataSource;
  let lawV1: ImportResult;

  async function importText(code: string, text: string): Promise<ImportResult> {
    const res = await province.graphql<{ importRegulationVersion: ImportResult }>(IMPORT, {
      input: { code, text, status: 'ENACTED' },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.importRegulationVersion;
  }

  async function duties(filter: Record<string, unknown>): Promise<DutyNode[]> {
    const res = await province.graphql<{ duties: { nodes: DutyNode[] } }>(DUTIES, { filter });
    expect(res.errors).toBeUndefined();
    return res.data!.duties.nodes;
  }

  beforeAll(async () => {
    // The demo seed: units and departments (for cycles), accounts and the Hubei draft.
    api = await startTestApi();
    dataSource = api.server.app.get(DataSource);
    province = await api.signIn('province');
    lawV1 = await importText(LAW, LAW_V1);
  });
  afterAll(() => api?.close());

  it('recognises a national law from its title and says why', () => {
    expect(lawV1).toMatchObject({
      textKind: 'LAW',
      tier: 'NATIONAL',
      version: {
        versionNumber: 1,
        textKind: 'LAW',
        tier: 'NATIONAL',
        textContextEvidence: LAW_TITLE,
      },
    });
    expect(lawV1.version.textContextExplanation).toContain('法律');
    // Every statement is in the register with its kind, none skipped.
    expect(lawV1.dutiesByKind).toEqual({
      implementation: 4,
      enforcement: 2,
      prohibition: 0,
      definition: 1,
      purpose: 1,
      scope: 1,
      effectiveDate: 1,
      liability: 1,
      other: 0,
    });
    expect(lawV1.duties).toBe(11);
    expect(lawV1.needsReview).toBe(1);
  });

  it('keeps national bodies national and untracked, and tracks only local implementation duties', async () => {
    const all = await duties({ regulationCode: LAW });
    const national = all.filter((d) => d.levels.includes('NATIONAL'));
    expect(national.map((d) => d.text)).toEqual([
      '国务院市场监督管理部门主管全国产品质量监督工作',
      '国务院有关部门在各自的职责范围内负责产品质量监督工作',
    ]);
    for (const d of national) {
      expect(d).toMatchObject({ levels: ['NATIONAL'], governmentDuty: true, tracked: false });
    }
    const tracked = all.filter((d) => d.tracked);
    expect(tracked.map((d) => d.article.number)).toEqual([3, 4]);
    for (const d of tracked) {
      expect(d).toMatchObject({
        kind: 'IMPLEMENTATION',
        levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
        leadDepartment: { code: 'market_regulation' },
      });
    }
  });

  it('types sanctions, liability, definitions, purpose, scope and the effective date, and tracks none of them', async () => {
    const all = await duties({ regulationCode: LAW });
    const kindOf = (article: number) => all.filter((d) => d.article.number === article);
    expect(kindOf(1).map((d) => [d.kind, d.actorType])).toEqual([['PURPOSE', 'NONE']]);
    expect(kindOf(2).map((d) => [d.kind, d.actorType])).toEqual([['SCOPE', 'NONE']]);
    expect(kindOf(5).map((d) => [d.kind, d.actorType])).toEqual([['DEFINITION', 'NONE']]);
    expect(kindOf(6).map((d) => d.kind)).toEqual(['ENFORCEMENT']);
    expect(kindOf(8).map((d) => [d.kind, d.actorType])).toEqual([['LIABILITY', 'NONE']]);
    expect(kindOf(9).map((d) => [d.kind, d.actorType])).toEqual([['EFFECTIVE_DATE', 'NONE']]);
    const notImplementation = all.filter((d) => d.kind !== 'IMPLEMENTATION');
    expect(notImplementation.some((d) => d.tracked)).toBe(false);
    expect(notImplementation.every((d) => d.extracted.kind === d.kind)).toBe(true);

    // A sanction without a written subject: the enforcing department of the text's own
    // allocation clause, flagged for a reviewer, with the article it came from in the cue.
    const [inferred] = kindOf(7);
    expect(inferred).toMatchObject({
      kind: 'ENFORCEMENT',
      needsReview: true,
      actorType: 'DEPARTMENT',
      tracked: false,
      extracted: { actorSource: 'inferred' },
    });
    expect(inferred.cues.find((c) => c.field === 'ACTOR')?.explanation).toMatch(/第3条第2款/);
  });

  it('filters the register by kind and by the review flag', async () => {
    const enforcement = await duties({ regulationCode: LAW, kinds: ['ENFORCEMENT'] });
    expect(enforcement.map((d) => d.article.number)).toEqual([6, 7]);
    const statements = await duties({
      regulationCode: LAW,
      kinds: ['PURPOSE', 'SCOPE', 'EFFECTIVE_DATE'],
    });
    expect(statements.map((d) => d.kind)).toEqual(['PURPOSE', 'SCOPE', 'EFFECTIVE_DATE']);
    const flagged = await duties({ regulationCode: LAW, needsReview: true });
    expect(flagged.map((d) => d.article.number)).toEqual([7]);
    expect((await duties({ regulationCode: LAW, needsReview: false })).length).toBe(10);
    const nationalOnly = await duties({ regulationCode: LAW, levels: ['NATIONAL'] });
    expect(nationalOnly).toHaveLength(2);
  });

  it('reads a 直辖市 text: 市人民政府 is provincial level, 区人民政府 county level', async () => {
    const result = await importText(SHANGHAI, MUNICIPAL);
    expect(result).toMatchObject({ textKind: 'MUNICIPAL_REGULATION', tier: 'MUNICIPALITY' });
    expect(result.version.textContextExplanation).toContain('直辖市');
    const all = await duties({ regulationCode: SHANGHAI });
    const article2 = all.filter((d) => d.article.number === 2);
    expect(article2.map((d) => [d.actorType, d.levels, d.tracked])).toEqual([
      ['GOVERNMENT', ['PROVINCE'], true],
      ['GOVERNMENT', ['COUNTY'], true],
    ]);
    expect(all.find((d) => d.article.number === 3)).toMatchObject({
      actorType: 'DEPARTMENT',
      levels: ['PROVINCE'],
      leadDepartment: { code: 'market_regulation' },
    });
  });

  it('never makes tasks of a national duty, even when a reviewer tracks it', async () => {
    const [national] = await duties({ regulationCode: LAW, levels: ['NATIONAL'] });
    const [{ row_version: rowVersion }] = await dataSource.query(
      `SELECT row_version FROM duty WHERE id = $1`,
      [national.id],
    );
    const review = await province.graphql(
      `mutation R($input: ReviewDutyInput!) { reviewDuty(input: $input) { id tracked levels } }`,
      { input: { dutyId: national.id, expectedRowVersion: rowVersion, tracked: true } },
    );
    expect(review.errors).toBeUndefined();
    expect(review.data).toMatchObject({ reviewDuty: { tracked: true, levels: ['NATIONAL'] } });

    const created = await province.graphql<{
      createCycle: { cycle: { id: string; regulationTitle: string; regulationCode: string } };
    }>(
      `mutation C($input: CreateCycleInput!) {
        createCycle(input: $input) { cycle { id regulationTitle regulationCode } generation { created } }
      }`,
      {
        input: {
          year: 2027,
          regulationVersionId: lawV1.version.id,
          startDate: '2027-01-01',
          dueDate: '2027-12-31',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const cycle = created.data!.createCycle.cycle;
    expect(cycle).toMatchObject({ regulationTitle: LAW_TITLE, regulationCode: LAW });
    const rows: Array<{ duty_id: string; n: number }> = await dataSource.query(
      `SELECT duty_id, count(*)::int AS n FROM task WHERE cycle_id = $1 GROUP BY duty_id`,
      [cycle.id],
    );
    expect(rows.length).toBe(2); // the two tracked local implementation duties
    expect(rows.some((r) => r.duty_id === national.id)).toBe(false);

    const cycles = await province.graphql<{
      cycles: Array<{ id: string; regulationTitle: string }>;
    }>(`{ cycles { id regulationTitle } }`);
    expect(cycles.data!.cycles.find((c) => c.id === cycle.id)?.regulationTitle).toBe(LAW_TITLE);
  });

  it('lists every regulation for the library, with its latest version and counts', async () => {
    const res = await province.graphql<{ regulations: Array<Record<string, unknown>> }>(LIBRARY);
    expect(res.errors).toBeUndefined();
    const byCode = new Map(res.data!.regulations.map((r) => [r.code, r]));
    expect([...byCode.keys()].sort()).toEqual(['hubei-quality-promotion', LAW, SHANGHAI].sort());
    expect(byCode.get(LAW)).toEqual({
      code: LAW,
      title: LAW_TITLE,
      textKind: 'LAW',
      tier: 'NATIONAL',
      latestStatus: 'ENACTED',
      versionCount: 1,
      dutyCount: 11,
      // Two by default and the national one the reviewer tracked above.
      trackedDutyCount: 3,
      needsReviewCount: 1,
      openCycleCount: 1,
    });
    expect(byCode.get('hubei-quality-promotion')).toMatchObject({
      textKind: 'PROVINCIAL_REGULATION',
      tier: 'PROVINCE',
      latestStatus: 'DRAFT',
      versionCount: 1,
      openCycleCount: 0,
    });
    const [{ duties: hubeiDuties }] = await dataSource.query(
      `SELECT count(*)::int AS duties FROM duty d JOIN regulation_version v ON v.id = d.version_id
         JOIN regulation r ON r.id = v.regulation_id WHERE r.code = 'hubei-quality-promotion'`,
    );
    expect(byCode.get('hubei-quality-promotion')?.dutyCount).toBe(hubeiDuties);
  });

  it('answers the library only to register readers', async () => {
    const auditAdmin = await api.signIn('auditadmin');
    const res = await auditAdmin.graphql(LIBRARY);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('a new version', () => {
    let v2: ImportResult;

    beforeAll(async () => {
      v2 = await importText(LAW, LAW_V2);
    });

    it('aligns articles by content: changed, merged (with its sources), renumbered', () => {
      const byTo = new Map(v2.changes.map((c) => [c.to, c]));
      expect(byTo.get(4)).toMatchObject({ kind: 'CHANGED', from: 4, sources: [4] });
      expect(byTo.get(6)).toMatchObject({ kind: 'MERGED', from: 6, sources: [6, 7] });
      expect(byTo.get(7)).toMatchObject({ kind: 'RENUMBERED', from: 8, sources: [8] });
      expect(byTo.get(4)!.similarity).toBeGreaterThan(0.5);
      expect(byTo.get(4)!.similarity).toBeLessThan(1);
    });

    it('carries the kind (and the review) of duties in unchanged paragraphs', async () => {
      const all = await duties({ regulationCode: LAW });
      const liability = all.find((d) => d.article.number === 7)!;
      expect(liability).toMatchObject({ kind: 'LIABILITY', tracked: false });
      expect(liability.carriedFromId).not.toBeNull();
      // The national duty the reviewer tracked stays tracked (reviewed) in the next version.
      const national = all.filter((d) => d.levels.includes('NATIONAL'));
      expect(national.map((d) => [d.tracked, d.carriedFromId !== null])).toEqual([
        [true, true],
        [false, true],
      ]);
    });

    it('gives a word-level redline of a changed article', async () => {
      const res = await province.graphql<{
        articleRedline: {
          from: number[];
          to: number;
          oldText: string;
          newText: string;
          segments: Array<{ op: string; text: string }>;
        };
      }>(REDLINE, { versionId: v2.version.id, from: [4], to: 4 });
      expect(res.errors).toBeUndefined();
      const redline = res.data!.articleRedline;
      const join = (ops: string[]) =>
        redline.segments
          .filter((s) => ops.includes(s.op))
          .map((s) => s.text)
          .join('');
      expect(join(['EQUAL', 'DELETE'])).toBe(redline.oldText);
      expect(join(['EQUAL', 'INSERT'])).toBe(redline.newText);
      expect(redline.segments).toContainEqual({ op: 'DELETE', text: '统筹规划和' });
      expect(redline.segments.some((s) => s.op === 'INSERT' && s.text.includes('经费'))).toBe(true);
    });

    it('reads the sources of a merge as one old text, and refuses unknown articles', async () => {
      const merged = await province.graphql<{ articleRedline: { oldText: string } }>(REDLINE, {
        versionId: v2.version.id,
        from: [7, 6],
        to: 6,
      });
      expect(merged.errors).toBeUndefined();
      const oldText = merged.data!.articleRedline.oldText;
      expect(oldText.indexOf('生产者')).toBeLessThan(oldText.indexOf('销售失效'));

      const missing = await province.graphql(REDLINE, {
        versionId: v2.version.id,
        from: [99],
        to: 4,
      });
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const first = await province.graphql(REDLINE, {
        versionId: lawV1.version.id,
        from: [4],
        to: 4,
      });
      expect(first.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
