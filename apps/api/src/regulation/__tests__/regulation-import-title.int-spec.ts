import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { seedDemoAccounts } from '../../user/demo-accounts.seed';
import { editRegulation, SEED_TEXT } from './regulation-text-builder';

const CODE = 'hubei-quality-promotion';

const IMPORT = `mutation Import($input: ImportRegulationInput!) {
  importRegulationVersion(input: $input) {
    alreadyImported
    version { versionNumber title }
  }
}`;

type ImportResult = {
  importRegulationVersion: {
    alreadyImported: boolean;
    version: { versionNumber: number; title: string };
  };
};

/** The seed text under another title line (the seed's title is its first line). */
const withTitle = (title: string, text = SEED_TEXT) => text.replace(/^[^\n]*/u, title);

describe('importing a text whose title differs from the regulation code’s (GraphQL over HTTP)', () => {
  let api: TestApi;
  let province: SignedInClient;

  const versionCount = async () => {
    const [row] = await api.server.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id WHERE r.code = $1`,
        [CODE],
      );
    return (row as { n: number }).n;
  };

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO_DATA: 'false' });
    await seedDemoAccounts(api.server.app.get(DataSource), 12);
    province = await api.signIn('province');
    const first = await province.graphql<ImportResult>(IMPORT, {
      input: { code: CODE, text: SEED_TEXT, status: 'DRAFT' },
    });
    expect(first.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('refuses another law’s text under an existing code with VALIDATION_FAILED on title, naming both titles and storing nothing', async () => {
    const res = await province.graphql(IMPORT, {
      input: { code: CODE, text: withTitle('湖北省产品质量监督条例'), status: 'ENACTED' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        field: 'title',
        line: 1,
        storedTitle: '湖北省质量促进条例',
        newTitle: '湖北省产品质量监督条例',
      },
    });
    expect(res.errors?.[0]?.message).toMatch(
      /^第1行：新文本的标题“湖北省产品质量监督条例”与法规代码 hubei-quality-promotion 已有的标题“湖北省质量促进条例”不一致/u,
    );
    expect(await versionCount()).toBe(1);
  });

  it('accepts the same title with another drafting status, 《》 or spacing, without confirmation', async () => {
    const text = editRegulation(withTitle('《湖北省质量促进条例 （修订草案）》'), {
      replace: { 3: ['质量第一', '质量第一、标准引领'] },
    });
    const res = await province.graphql<ImportResult>(IMPORT, {
      input: { code: CODE, text, status: 'DRAFT' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.importRegulationVersion.version.versionNumber).toBe(2);
  });

  it('imports a renamed text when confirmed, and does not ask again for the next version', async () => {
    const renamed = withTitle('湖北省质量发展条例');
    const confirmed = await province.graphql<ImportResult>(IMPORT, {
      input: { code: CODE, text: renamed, status: 'ENACTED', confirmTitleChange: true },
    });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.importRegulationVersion.version).toEqual({
      versionNumber: 3,
      title: '湖北省质量发展条例',
    });

    const next = await province.graphql<ImportResult>(IMPORT, {
      input: {
        code: CODE,
        text: editRegulation(renamed, { replace: { 3: ['质量第一', '质量为先'] } }),
        status: 'ENACTED',
      },
    });
    expect(next.errors).toBeUndefined();
    expect(next.data?.importRegulationVersion.version.versionNumber).toBe(4);
  });

  it('does not check a new code, nor a text without a title line', async () => {
    const other = await province.graphql<ImportResult>(IMPORT, {
      input: { code: 'hubei-product-quality', text: withTitle('湖北省产品质量监督条例') },
    });
    expect(other.errors).toBeUndefined();
    const untitled = SEED_TEXT.split('\n').slice(1).join('\n');
    const res = await province.graphql<ImportResult>(IMPORT, {
      input: {
        code: CODE,
        text: editRegulation(untitled, { replace: { 3: ['质量第一', '质量至上'] } }),
      },
    });
    expect(res.errors).toBeUndefined();
  });

  it('rejects a non-boolean confirmTitleChange at the schema', async () => {
    const res = await province.graphql(IMPORT, {
      input: { code: CODE, text: SEED_TEXT, confirmTitleChange: 'yes' },
    });
    expect(res.errors?.[0]?.message).toMatch(/Boolean/u);
  });
});
