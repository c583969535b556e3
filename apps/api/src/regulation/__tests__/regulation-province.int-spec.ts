import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MAPPING_V1, MAPPING_V2 } from '../../duty-mapping/__tests__/mapping-texts';
import { GraphQLResponse, SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { SEED_TEXT } from './regulation-text-builder';

/**
 * Authorization for every id (issue 20, point 1): one deployment holding 湖北 and 湖南
 * (PROVINCES=42,43). A regulation owned by 湖北 — the shipped draft, and a two-version one with
 * mapping suggestions — does not exist for 湖南's provincial supervisor: every read or write
 * naming it by version, duty, suggestion or code answers as for an id that does not exist
 * (same code, same message), while 湖北's supervisor works on it, and a national regulation
 * stays readable by both.
 */
const HUBEI_CODE = 'hubei-quality-promotion';
const MAPPED_CODE = 'hubei-province-scope-test';
const NATIONAL_CODE = 'national-province-scope-test';

const IMPORT = `mutation($input: ImportRegulationInput!) {
  importRegulationVersion(input: $input) { version { id versionNumber } mappingSuggestions } }`;
const DUTIES = `query($filter: DutyFilterInput) {
  duties(filter: $filter, page: { first: 500 }) { totalCount nodes { id version { id } } } }`;
const DUTY = `query($id: ID!) { duty(id: $id) { id rowVersion } }`;
const VERSION = `query($id: ID!) { regulationVersion(id: $id) { id } }`;
const REGULATION = `query($code: String!) { regulation(code: $code) { code } }`;
const DIFF = `query($id: ID!) { regulationVersionDiff(versionId: $id) { changes { kind from to } } }`;
const REDLINE = `query($id: ID!) { articleRedline(versionId: $id, from: [3], to: 2) { oldText newText } }`;
const SUGGESTIONS = `query($id: ID!) {
  dutyMappingSuggestions(versionId: $id, status: PENDING) { id rowVersion } }`;
const REVIEW = `mutation($input: ReviewDutyInput!) { reviewDuty(input: $input) { id rowVersion } }`;
const DECIDE = `mutation($input: DecideDutyMappingInput!) { decideDutyMapping(input: $input) { id status } }`;

type Loose = Record<string, unknown>;
type Page = {
  duties: { totalCount: number; nodes: Array<{ id: string; version: { id: string } }> };
};

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** What a refusal tells the caller: its code and message (details are compared where sent). */
function refusal(res: GraphQLResponse<unknown>) {
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  return { code: error.extensions?.code, message: error.message };
}

describe('a province’s regulation is not found from another province (by version, duty, mapping or code)', () => {
  let api: TestApi;
  let db: DataSource;
  let hubei: SignedInClient;
  let hunan: SignedInClient;
  let sysadmin: SignedInClient;
  /** The shipped Hubei draft (owner 420000): its only version and a duty of it. */
  let hubeiVersion: string;
  let hubeiDuty: { id: string; rowVersion: number };
  /** Hubei's two-version regulation: version 2, with pending mapping suggestions. */
  let mappedV2: string;
  let nationalVersion: string;
  let nationalDuty: { id: string; rowVersion: number };

  const dutyOf = async (versionId: string) => {
    const [row] = await db.query(
      `SELECT id, row_version AS "rowVersion" FROM duty
        WHERE version_id = $1 AND government_duty AND levels <> '{}' ORDER BY id LIMIT 1`,
      [versionId],
    );
    return row as { id: string; rowVersion: number };
  };
  const pendingSuggestions = async () =>
    (await db.query(
      `SELECT id, row_version AS "rowVersion" FROM duty_mapping_suggestion
        WHERE version_id = $1 AND status = 'pending' ORDER BY id`,
      [mappedV2],
    )) as Array<{ id: string; rowVersion: number }>;
  const versionCount = async (code: string) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
          WHERE r.code = $1`,
        [code],
      )
    )[0].n as number;
  const download = (client: SignedInClient, code?: string) =>
    fetch(`${api.url}/api/exports/duties?format=json${code ? `&code=${code}` : ''}`, {
      headers: { authorization: `Bearer ${client.token}` },
    });

  beforeAll(async () => {
    api = await startTestApi({ PROVINCES: '42,43' });
    db = api.server.app.get(DataSource);
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                             role, unit_code, department_id, demo_account)
       SELECT 'hunan-scope', '湖南省督导（测试）', password_hash, password_changed_at, false,
              role, '430000', NULL, demo_account
         FROM app_user WHERE username = 'province'`,
    );
    [hubei, hunan, sysadmin] = await Promise.all(
      ['province', 'hunan-scope', 'sysadmin'].map((u) => api.signIn(u)),
    );
    const [shipped] = await db.query(
      `SELECT v.id, r.owner_province_code AS owner FROM regulation_version v
         JOIN regulation r ON r.id = v.regulation_id WHERE r.code = $1`,
      [HUBEI_CODE],
    );
    expect(shipped.owner).toBe('420000');
    hubeiVersion = shipped.id;
    hubeiDuty = await dutyOf(hubeiVersion);

    // Hubei's supervisor imports two versions: the regulation is Hubei's, with suggestions.
    type Imported = {
      importRegulationVersion: { version: { id: string }; mappingSuggestions: number };
    };
    ok(await hubei.graphql(IMPORT, { input: { code: MAPPED_CODE, text: MAPPING_V1 } }));
    const v2 = ok(
      await hubei.graphql<Imported>(IMPORT, { input: { code: MAPPED_CODE, text: MAPPING_V2 } }),
    ).importRegulationVersion;
    expect(v2.mappingSuggestions).toBeGreaterThan(0);
    mappedV2 = v2.version.id;

    // A national regulation (the system administrator's import without an owner).
    nationalVersion = ok(
      await sysadmin.graphql<Imported>(IMPORT, {
        input: { code: NATIONAL_CODE, text: SEED_TEXT, status: 'ENACTED' },
      }),
    ).importRegulationVersion.version.id;
    nationalDuty = await dutyOf(nationalVersion);
  }, 240_000);

  afterAll(() => api?.close());

  /**
   * Reads naming a Hubei regulation: [operation, query, variables naming it, the same naming
   * nothing]. Hunan's answer for the first must be exactly its answer for the second: NOT_FOUND
   * with the same message, or null from the nullable lookups.
   */
  const reads: Array<[string, string, () => Loose, () => Loose]> = [
    [
      'duties by version',
      DUTIES,
      () => ({ filter: { versionId: hubeiVersion } }),
      () => ({ filter: { versionId: randomUUID() } }),
    ],
    ['duty', DUTY, () => ({ id: hubeiDuty.id }), () => ({ id: randomUUID() })],
    ['regulationVersion', VERSION, () => ({ id: hubeiVersion }), () => ({ id: randomUUID() })],
    ['regulation', REGULATION, () => ({ code: HUBEI_CODE }), () => ({ code: 'no-such-code' })],
    ['regulationVersionDiff', DIFF, () => ({ id: mappedV2 }), () => ({ id: randomUUID() })],
    ['articleRedline', REDLINE, () => ({ id: mappedV2 }), () => ({ id: randomUUID() })],
    ['dutyMappingSuggestions', SUGGESTIONS, () => ({ id: mappedV2 }), () => ({ id: randomUUID() })],
  ];

  it.each(reads)(
    '%s: Hubei’s supervisor reads it; Hunan’s gets what a missing id gets',
    async (_name, query, foreign, missing) => {
      const own = ok(await hubei.graphql<Loose>(query, foreign()));
      expect(Object.values(own)[0]).not.toBeNull();

      const hidden = await hunan.graphql<Loose>(query, foreign());
      const absent = await hunan.graphql<Loose>(query, missing());
      if (absent.errors) {
        expect(refusal(absent).code).toBe('NOT_FOUND');
        expect(refusal(hidden)).toEqual(refusal(absent));
      } else {
        expect(hidden.errors).toBeUndefined();
        expect(Object.values(hidden.data!)).toEqual([null]);
        expect(hidden.data).toEqual(absent.data);
      }
    },
  );

  it('an id that is no UUID reads as a missing one (not a database error)', async () => {
    expect(ok(await hunan.graphql<Loose>(DUTY, { id: 'not-a-uuid' })).duty).toBeNull();
    expect(
      ok(await hunan.graphql<Loose>(VERSION, { id: 'not-a-uuid' })).regulationVersion,
    ).toBeNull();
    for (const query of [DIFF, SUGGESTIONS]) {
      expect(refusal(await hunan.graphql(query, { id: 'not-a-uuid' }))).toEqual(
        refusal(await hunan.graphql(query, { id: randomUUID() })),
      );
    }
  });

  it('duties by regulation code: Hunan’s answer for Hubei’s code is that of a missing code', async () => {
    // The message names the code asked for: compared with the same code once it names nothing.
    expect(
      ok(await hubei.graphql<Page>(DUTIES, { filter: { regulationCode: HUBEI_CODE } })).duties
        .totalCount,
    ).toBeGreaterThan(0);
    const hidden = refusal(await hunan.graphql(DUTIES, { filter: { regulationCode: HUBEI_CODE } }));
    await db.query(`UPDATE regulation SET code = 'renamed-for-test' WHERE code = $1`, [HUBEI_CODE]);
    try {
      const absent = refusal(
        await hunan.graphql(DUTIES, { filter: { regulationCode: HUBEI_CODE } }),
      );
      expect(absent.code).toBe('NOT_FOUND');
      expect(hidden).toEqual(absent);
    } finally {
      await db.query(`UPDATE regulation SET code = $1 WHERE code = 'renamed-for-test'`, [
        HUBEI_CODE,
      ]);
    }
  });

  it('the register without a version lists national and own regulations only', async () => {
    const versionsOf = async (client: SignedInClient) =>
      new Set(ok(await client.graphql<Page>(DUTIES, {})).duties.nodes.map((d) => d.version.id));
    const hunanVersions = await versionsOf(hunan);
    expect(hunanVersions.has(nationalVersion)).toBe(true);
    expect(hunanVersions.has(hubeiVersion)).toBe(false);
    expect(hunanVersions.has(mappedV2)).toBe(false);
    const hubeiVersions = await versionsOf(hubei);
    expect(hubeiVersions.has(hubeiVersion)).toBe(true);
    expect(hubeiVersions.has(nationalVersion)).toBe(true);
  });

  it('the register download: 404 for Hunan as for a missing code, and never names Hubei’s', async () => {
    const hidden = await download(hunan, HUBEI_CODE);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'NOT_FOUND' });
    const mine = await download(hubei, HUBEI_CODE);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as unknown[]).length).toBeGreaterThan(0);
    // Without a code: the only regulation Hunan sees is the national one; Hubei sees several
    // and is asked to pick one by code (Hubei's among them).
    const hunanDefault = await download(hunan);
    expect(hunanDefault.status).toBe(200);
    const rows = (await hunanDefault.json()) as Array<{ duty_id: string }>;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM duty WHERE version_id = $1`, [
      nationalVersion,
    ]);
    expect(rows).toHaveLength(n);
    expect(rows.map((r) => r.duty_id)).toContain(nationalDuty.id);
    const hubeiDefault = await download(hubei);
    expect(hubeiDefault.status).toBe(400);
    expect(JSON.stringify(await hubeiDefault.json())).toContain(HUBEI_CODE);
  });

  it('a national regulation stays readable by both provinces', async () => {
    for (const client of [hubei, hunan]) {
      expect(
        ok(await client.graphql<Loose>(VERSION, { id: nationalVersion })).regulationVersion,
      ).toEqual({ id: nationalVersion });
      const page = ok(
        await client.graphql<Page>(DUTIES, { filter: { versionId: nationalVersion } }),
      );
      expect(page.duties.totalCount).toBeGreaterThan(0);
      expect(ok(await client.graphql<Loose>(DUTY, { id: nationalDuty.id })).duty).toMatchObject({
        id: nationalDuty.id,
      });
      expect((await download(client, NATIONAL_CODE)).status).toBe(200);
    }
  });

  it('reviewing a Hubei duty: NOT_FOUND for Hunan, as a missing duty; Hubei reviews it', async () => {
    const input = (dutyId: string, expectedRowVersion: number) => ({
      input: { dutyId, expectedRowVersion, tracked: false, note: '测试' },
    });
    const hidden = refusal(await hunan.graphql(REVIEW, input(hubeiDuty.id, hubeiDuty.rowVersion)));
    const absent = refusal(await hunan.graphql(REVIEW, input(randomUUID(), 1)));
    expect(hidden).toEqual(absent);
    expect(hidden.code).toBe('NOT_FOUND');
    expect((await dutyOf(hubeiVersion)).rowVersion).toBe(hubeiDuty.rowVersion);

    const reviewed = ok(
      await hubei.graphql<{ reviewDuty: { rowVersion: number } }>(
        REVIEW,
        input(hubeiDuty.id, hubeiDuty.rowVersion),
      ),
    );
    expect(reviewed.reviewDuty.rowVersion).toBe(hubeiDuty.rowVersion + 1);
  });

  it('a national duty’s review rules are unchanged: either province’s supervisor reviews it', async () => {
    const res = await hunan.graphql<{ reviewDuty: { rowVersion: number } }>(REVIEW, {
      input: {
        dutyId: nationalDuty.id,
        expectedRowVersion: nationalDuty.rowVersion,
        tracked: false,
        note: '测试',
      },
    });
    expect(ok(res).reviewDuty.rowVersion).toBe(nationalDuty.rowVersion + 1);
  });

  it('deciding a Hubei mapping: NOT_FOUND for Hunan, as a missing suggestion; Hubei confirms it', async () => {
    const [suggestion] = await pendingSuggestions();
    const decide = (suggestionId: string, expectedRowVersion: number) => ({
      input: { decision: 'CONFIRM', suggestions: [{ suggestionId, expectedRowVersion }] },
    });
    const hidden = await hunan.graphql(DECIDE, decide(suggestion.id, suggestion.rowVersion));
    const missingId = randomUUID();
    const absent = await hunan.graphql(DECIDE, decide(missingId, 1));
    expect(refusal(hidden)).toEqual(refusal(absent));
    expect(refusal(hidden).code).toBe('NOT_FOUND');
    // The details name the suggestion as missing, as they name a missing one.
    expect(hidden.errors![0].extensions?.details).toEqual({ missing: [suggestion.id] });
    expect(absent.errors![0].extensions?.details).toEqual({ missing: [missingId] });
    // A stale rowVersion does not turn it into a CONFLICT that would tell it exists.
    const stale = await hunan.graphql(DECIDE, decide(suggestion.id, suggestion.rowVersion + 7));
    expect(refusal(stale).code).toBe('NOT_FOUND');
    expect((await pendingSuggestions()).map((s) => s.id)).toContain(suggestion.id);

    const confirmed = ok(
      await hubei.graphql<{ decideDutyMapping: Array<{ status: string }> }>(
        DECIDE,
        decide(suggestion.id, suggestion.rowVersion),
      ),
    );
    expect(confirmed.decideDutyMapping).toEqual([
      expect.objectContaining({ id: suggestion.id, status: 'CONFIRMED' }),
    ]);
  });

  it('importing a version into Hubei’s code: NOT_FOUND for Hunan (GraphQL and upload); Hubei imports it', async () => {
    const text = `${MAPPING_V2}\n`.replace('第五条　本条例', '第五条　本条例经修订后');
    const before = await versionCount(MAPPED_CODE);
    const res = await hunan.graphql(IMPORT, { input: { code: MAPPED_CODE, text } });
    expect(refusal(res)).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    expect(res.errors![0].message).not.toContain(MAPPED_CODE);

    const form = new FormData();
    form.append('code', HUBEI_CODE);
    form.append('file', new Blob([Buffer.from(text, 'utf8') as Uint8Array]), 'text.txt');
    const upload = await fetch(`${api.url}/api/regulations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hunan.token}`, 'x-requested-with': 'XMLHttpRequest' },
      body: form,
    });
    expect(upload.status).toBe(404);
    expect(await upload.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(await versionCount(MAPPED_CODE)).toBe(before);
    expect(await versionCount(HUBEI_CODE)).toBe(1);

    ok(await hubei.graphql(IMPORT, { input: { code: MAPPED_CODE, text } }));
    expect(await versionCount(MAPPED_CODE)).toBe(before + 1);
  });
});
