import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { adminUnit, currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { BulletinDetailPage } from './BulletinDetailPage';

const table = (columns: string[], rows: string[][], numeric: boolean[]) => ({
  __typename: 'BulletinBlock',
  kind: 'TABLE',
  text: null,
  columns,
  rows,
  numeric,
});
const text = (kind: string, value: string) => ({
  __typename: 'BulletinBlock',
  kind,
  text: value,
  columns: null,
  rows: null,
  numeric: null,
});

/** People as the API names them (name and office, issue 17). */
const PEOPLE: Record<string, string> = {
  province: '李文华（湖北省市场监督管理局质量发展局）',
  'enshi-zhou': '张明辉（恩施州市场监督管理局质量发展科）',
};
const person = (username: unknown) =>
  typeof username === 'string'
    ? { __typename: 'Person', username, label: PEOPLE[username] ?? username }
    : null;

function bulletin(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Bulletin',
    id: 'b1',
    scopeUnitCode: '422800',
    scopeUnitName: '恩施土家族苗族自治州',
    cycleId: 'c2026',
    periodKind: 'MONTH',
    period: '2026-11',
    periodLabel: '2026年11月份',
    asOf: '2026-11-30',
    title: '关于2026年11月份《湖北省质量促进条例》履职工作推进情况的通报',
    status: 'DRAFT',
    number: null,
    sha256: null,
    size: null,
    generatedBy: 'enshi-zhou',
    generatedAt: '2026-12-03T02:00:00.000Z',
    publishedBy: null,
    publishedAt: null,
    rowVersion: 3,
    downloadPath: '/api/bulletins/b1.docx',
    issuingBody: '恩施州质量工作督查督办办公室',
    addressee: '各县、市人民政府：',
    intro: '现将情况通报如下。',
    requirements: '抓紧整改。',
    summary: {
      __typename: 'BulletinFigures',
      tasks: 9,
      verified: 4,
      submitted: 1,
      overdue: 2,
      completionRate: 0.4444,
      elapsedFraction: 0.9148,
      unitsBehind: 1,
    },
    goodPractices: [],
    document: {
      __typename: 'BulletinDocument',
      title: '关于2026年11月份《湖北省质量促进条例》履职工作推进情况的通报',
      number: '2026年第1期',
      issuingBody: '恩施州质量工作督查督办办公室',
      issueDate: '2026-12-03',
      issueDateText: '2026年12月3日',
      addressee: '各县、市人民政府：',
      blocks: [
        text('PARAGRAPH', '现将情况通报如下。'),
        text('HEADING', '二、各地完成情况及排名'),
        table(
          ['排名', '单位', '任务数', '已核验', '完成率'],
          [
            ['1', '利川市', '3', '2', '66.7%'],
            ['2', '恩施市（滞后）', '4', '1', '25.0%'],
          ],
          [true, false, true, true, true],
        ),
      ],
    },
    ...overrides,
    generator: person(overrides.generatedBy ?? 'enshi-zhou'),
    publisher: person(overrides.publishedBy),
  };
}

const zhou = currentUser({
  id: 'u-z',
  username: 'enshi-zhou',
  role: 'PREFECTURE_SUPERVISOR',
  unit: adminUnit({ code: '422800', name: '恩施土家族苗族自治州', level: 'PREFECTURE' }),
});
const operator = currentUser({
  id: 'u-o',
  username: 'enshi-scjg',
  role: 'COUNTY_OPERATOR',
  unit: adminUnit({ code: '422801', name: '恩施市', parentCode: '422800' }),
});

let restore: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.replaceState(null, '', '/bulletins/b1');
});
afterEach(() => {
  restore();
  window.history.replaceState(null, '', '/');
});

function render(answers: Record<string, unknown>, user = zhou) {
  const stub = stubGraphQLOperations({
    BulletinGoodPracticeCandidates: { data: { bulletinGoodPracticeCandidates: [] } },
    ...answers,
  });
  restore = stub.restore;
  renderWithUser(<BulletinDetailPage />, user);
  return stub;
}

describe('BulletinDetailPage', () => {
  it('previews a draft from the document blocks and publishes it with its row version', async () => {
    const stub = render({
      Bulletin: { data: { bulletin: bulletin() } },
      PublishBulletin: {
        data: {
          publishBulletin: bulletin({
            status: 'PUBLISHED',
            number: '2026年第1期',
            sha256: 'a'.repeat(64),
            size: 12000,
            publishedBy: 'enshi-zhou',
            publishedAt: '2026-12-03T03:00:00.000Z',
            rowVersion: 4,
          }),
        },
      },
      Bulletins: { data: { bulletins: [] } },
    });
    const preview = await screen.findByTestId('bulletin-preview');
    expect(within(preview).getByText('2026年第1期')).toBeTruthy();
    expect(within(preview).getByText('二、各地完成情况及排名')).toBeTruthy();
    const row = within(preview).getByText('恩施市（滞后）').closest('tr')!;
    expect(within(row).getByText('25.0%')).toBeTruthy();
    expect(screen.getByText('44.4%')).toBeTruthy();

    fireEvent.click(screen.getByText(/^发\s?布$/).closest('button')!);
    fireEvent.click((await screen.findByText('确认发布')).closest('button')!);
    await waitFor(() => expect(stub.requestsOf('PublishBulletin')).toHaveLength(1));
    expect(stub.requestsOf('PublishBulletin')[0].variables).toEqual({
      id: 'b1',
      expectedRowVersion: 3,
    });
    expect(await screen.findByText(/已发布：文件已固化/)).toBeTruthy();
    // Who published, by name and office.
    expect(screen.getByText(/张明辉（恩施州市场监督管理局质量发展科）/)).toBeTruthy();
    expect(screen.getByText('a'.repeat(64))).toBeTruthy();
  });

  it('shows the server’s reason when publishing is refused', async () => {
    render({
      Bulletin: { data: { bulletin: bulletin() } },
      PublishBulletin: graphQLError('CONFLICT', '该草稿已被他人修改，请刷新后重试。'),
    });
    await screen.findByTestId('bulletin-preview');
    fireEvent.click(screen.getByText(/^发\s?布$/).closest('button')!);
    fireEvent.click((await screen.findByText('确认发布')).closest('button')!);
    expect(await screen.findByText('该草稿已被他人修改，请刷新后重试。')).toBeTruthy();
  });

  it('lets a county operator read and download a published bulletin, nothing more', async () => {
    render(
      {
        Bulletin: {
          data: {
            bulletin: bulletin({
              status: 'PUBLISHED',
              number: '2026年第1期',
              sha256: 'b'.repeat(64),
              publishedBy: 'enshi-zhou',
              publishedAt: '2026-12-03T03:00:00.000Z',
            }),
          },
        },
      },
      operator,
    );
    await screen.findByTestId('bulletin-preview');
    expect(screen.getByText('下载 DOCX')).toBeTruthy();
    expect(screen.queryByText(/^发\s?布$/)).toBeNull();
    expect(screen.queryByText('编辑草稿')).toBeNull();
    expect(screen.getByText('b'.repeat(64))).toBeTruthy();
  });
});
