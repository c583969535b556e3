import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { DutyRegisterPage } from './DutyRegisterPage';

const market = { __typename: 'DepartmentKind', code: 'market', name: '市场监督管理' };
const finance = { __typename: 'DepartmentKind', code: 'finance', name: '财政' };

const duty = (overrides: Record<string, unknown>) => ({
  __typename: 'Duty',
  lineageId: `l-${String(overrides.id)}`,
  actorText: '县级以上人民政府',
  actorType: 'GOVERNMENT',
  levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
  modality: 'MANDATORY',
  governmentDuty: true,
  tracked: true,
  reviewState: 'EXTRACTED',
  reviewedAt: null,
  reviewedBy: null,
  rowVersion: 4,
  itemNumber: 0,
  sequence: 1,
  departments: [
    { __typename: 'DutyDepartment', role: 'LEAD', fromText: false, department: market },
  ],
  cues: [
    {
      __typename: 'ExtractionCue',
      field: 'MODALITY',
      rule: 'modal-verb',
      text: '应当',
      explanation: '“应当”表示义务',
    },
  ],
  extracted: { __typename: 'ExtractedDutyFields', actorSource: 'explicit' },
  ...overrides,
});

const mechanism = duty({
  id: 'd1',
  text: '县级以上人民政府应当加强对质量工作的领导。',
  subject: '加强对质量工作的领导',
});
const enterprise = duty({
  id: 'd2',
  text: '鼓励企业建立首席质量官制度。',
  subject: '建立首席质量官制度',
  actorText: '企业',
  actorType: 'ENTERPRISE',
  levels: [],
  modality: 'ENCOURAGED',
  governmentDuty: false,
  tracked: false,
  reviewState: 'REVIEWED',
  reviewedAt: '2025-02-01T02:00:00.000Z',
  reviewedBy: 'province',
  departments: [],
  cues: [],
  itemNumber: 1,
});

const version = {
  __typename: 'RegulationVersion',
  id: 'v1',
  title: '湖北省质量促进条例（草案）',
  versionNumber: 1,
  status: 'DRAFT',
  chapters: [
    {
      __typename: 'Chapter',
      id: 'ch1',
      number: 1,
      title: '总则',
      articles: [
        {
          __typename: 'Article',
          id: 'a3',
          number: 3,
          title: '政府职责',
          paragraphs: [
            {
              __typename: 'Paragraph',
              id: 'p1',
              number: 1,
              text: '县级以上人民政府应当加强对质量工作的领导。其他内容。',
              items: [
                {
                  __typename: 'Item',
                  id: 'it1',
                  number: 1,
                  marker: '（一）',
                  text: '（一）鼓励企业建立首席质量官制度。',
                },
              ],
              duties: [mechanism, enterprise],
            },
          ],
        },
      ],
    },
    { __typename: 'Chapter', id: 'ch2', number: 2, title: '质量发展', articles: [] },
  ],
};

const answers = (extra: Record<string, unknown> = {}) => ({
  RegisterRegulation: {
    data: {
      regulation: {
        __typename: 'Regulation',
        id: 'r1',
        code: 'hubei-quality-promotion',
        title: '湖北省质量促进条例',
        latestVersion: { __typename: 'RegulationVersion', id: 'v1' },
        versions: [
          {
            __typename: 'RegulationVersion',
            id: 'v1',
            versionNumber: 1,
            title: '湖北省质量促进条例（草案）',
            status: 'DRAFT',
            effectiveDate: null,
            importedAt: '2025-01-01T00:00:00.000Z',
          },
        ],
      },
    },
  },
  RegisterVersion: { data: { regulationVersion: version } },
  RegisterDepartmentKinds: { data: { departmentKinds: [market, finance] } },
  ...extra,
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.replaceState(null, '', '/register');
});
afterEach(() => restoreFetch());

function renderPage(
  role: 'PROVINCIAL_SUPERVISOR' | 'AUDITOR',
  extra: Record<string, unknown> = {},
) {
  const stub = stubGraphQLOperations(answers(extra));
  restoreFetch = stub.restore;
  renderWithUser(<DutyRegisterPage />, currentUser({ role }));
  return stub;
}

/** The card of the n-th duty of the article. */
const card = (n: number) => screen.getByLabelText(`职责 ${n}`);

function buttonIn(scope: Pick<typeof screen, 'getByText'>, name: RegExp): HTMLElement {
  const label = scope.getByText(name);
  return (label.closest('button, a') ?? label) as HTMLElement;
}

describe('DutyRegisterPage', () => {
  it('shows the article text with each duty highlighted and labelled', async () => {
    renderPage('AUDITOR');

    expect(await screen.findByText('第三条【政府职责】')).toBeTruthy();
    const mark = document.querySelector('mark[data-duty-id="d1"]');
    expect(mark?.textContent).toBe('县级以上人民政府应当加强对质量工作的领导。1');
    expect(screen.getByText('其他内容。')).toBeTruthy();
    expect(document.querySelector('mark[data-duty-id="d2"]')?.textContent).toContain('鼓励企业');

    const first = within(card(1));
    expect(first.getByText('加强对质量工作的领导')).toBeTruthy();
    expect(first.getByText('履职主体：人民政府')).toBeTruthy();
    expect(first.getByText('适用层级：省级、市州、县级')).toBeTruthy();
    expect(first.getByText('义务性')).toBeTruthy();
    expect(first.getByText('牵头：市场监督管理')).toBeTruthy();
    expect(first.getByText('政府职责')).toBeTruthy();
    expect(first.getByText('纳入跟踪')).toBeTruthy();
    expect(first.getByText('待审核')).toBeTruthy();
    fireEvent.click(first.getByText('提取依据'));
    expect(await first.findByText('“应当”表示义务')).toBeTruthy();

    const second = within(card(2));
    expect(second.getByText('履职主体：企业')).toBeTruthy();
    expect(second.getByText('倡导性')).toBeTruthy();
    expect(second.getByText('非政府主体')).toBeTruthy();
    expect(second.getByText('已审核')).toBeTruthy();

    // Auditors read; only provincial supervisors review.
    expect(screen.queryByText('审核', { selector: 'button span' })).toBeNull();
    expect(buttonIn(screen, /导出 CSV/).getAttribute('href')).toBe(
      '/api/exports/duties?format=csv',
    );
  });

  it('filters the duties by modality', async () => {
    renderPage('AUDITOR');
    await screen.findByText('第三条【政府职责】');
    await chooseOption(screen.getByLabelText('规范性质'), '倡导性');
    await waitFor(() => expect(screen.queryByLabelText('职责 1')).toBeNull());
    expect(card(2)).toBeTruthy();
    expect(screen.getByText('符合条件的职责 1 项')).toBeTruthy();
  });

  it('sends a review with the row version read and the chosen values', async () => {
    const { requestsOf } = renderPage('PROVINCIAL_SUPERVISOR', {
      RegisterReviewDuty: {
        data: { reviewDuty: { ...mechanism, reviewState: 'REVIEWED', rowVersion: 5 } },
      },
    });
    await screen.findByText('第三条【政府职责】');
    fireEvent.click(buttonIn(within(card(1)), /^审\s*核$/));

    await screen.findByText('审核职责');
    await chooseOption(screen.getByLabelText('配合部门'), '财政');
    fireEvent.change(screen.getByLabelText('审核说明'), { target: { value: '财政部门配合' } });
    await act(async () => {
      fireEvent.click(buttonIn(screen, /确认审核/));
    });

    await waitFor(() => expect(requestsOf('RegisterReviewDuty')).toHaveLength(1));
    expect(requestsOf('RegisterReviewDuty')[0].variables).toEqual({
      input: {
        dutyId: 'd1',
        expectedRowVersion: 4,
        actorType: 'GOVERNMENT',
        modality: 'MANDATORY',
        levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
        leadDepartmentCode: 'market',
        assistingDepartmentCodes: ['finance'],
        tracked: true,
        note: '财政部门配合',
      },
    });
    await waitFor(() => expect(within(card(1)).getByText('已审核')).toBeTruthy());
  });

  it('explains a conflicting review and offers to reload', async () => {
    renderPage('PROVINCIAL_SUPERVISOR', {
      RegisterReviewDuty: graphQLError('CONFLICT', '该职责已被他人修改，请刷新后重新审核。'),
    });
    await screen.findByText('第三条【政府职责】');
    fireEvent.click(buttonIn(within(card(1)), /^审\s*核$/));
    await screen.findByText('审核职责');
    await act(async () => {
      fireEvent.click(buttonIn(screen, /确认审核/));
    });
    expect(
      await screen.findByText('该职责已被他人修改，您的审核未保存。请重新加载后再审核。'),
    ).toBeTruthy();
    expect(buttonIn(screen, /^重新加载$/)).toBeTruthy();
  });

  it('shows the error when the regulation cannot be loaded', async () => {
    renderPage('AUDITOR', { RegisterRegulation: graphQLError('INTERNAL_ERROR', 'x') });
    expect(await screen.findByText('系统内部错误，请稍后重试或联系管理员。')).toBeTruthy();
  });
});
