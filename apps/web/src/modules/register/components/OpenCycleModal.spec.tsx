import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { findDialog } from '../../../test/antd';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { OpenCycleModal } from './OpenCycleModal';

const YEAR = new Date().getFullYear();
const TITLE = '上海市甲乙条例';

const versionSummary = (id: string, versionNumber: number, status: string) => ({
  __typename: 'RegulationVersion',
  id,
  versionNumber,
  title: `${TITLE}${status === 'DRAFT' ? '（草案）' : ''}`,
  status,
  effectiveDate: null,
  importedAt: '2026-01-01T00:00:00.000Z',
  importedBy: 'seed',
  importer: { __typename: 'Person', username: 'seed', label: '系统（初始数据）', human: false },
});

const regulation = {
  RegisterRegulation: {
    data: {
      regulation: {
        __typename: 'Regulation',
        id: 'r2',
        code: 'shanghai-jiayi',
        title: TITLE,
        latestVersion: {
          __typename: 'RegulationVersion',
          id: 'v2',
          textKind: 'MUNICIPAL_REGULATION',
          textContextExplanation: '标题以直辖市“上海市”开头',
        },
        versions: [versionSummary('v1', 1, 'ENACTED'), versionSummary('v2', 2, 'DRAFT')],
      },
    },
  },
};

const created = (year: number) => ({
  data: {
    createCycle: {
      __typename: 'CreatedCycle',
      cycle: {
        __typename: 'AssessmentCycle',
        id: 'c9',
        title: `${year}年度${TITLE}实施考核`,
        year,
        state: 'open',
        startDate: `${year}-01-01`,
        dueDate: `${year}-12-31`,
        closedAt: null,
        regulationVersionId: 'v2',
        regulationTitle: TITLE,
        regulationCode: 'shanghai-jiayi',
        taskCount: 1240,
        provinceCode: '420000',
        province: { __typename: 'AdminUnit', code: '420000', name: '湖北省' },
        tasksByLevel: [
          { __typename: 'LevelTaskCount', level: 'PROVINCE', count: 12 },
          { __typename: 'LevelTaskCount', level: 'COUNTY', count: 1228 },
        ],
      },
      generation: { __typename: 'TaskGeneration', created: 1240, total: 1240 },
    },
  },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.replaceState(null, '', '/regulations/shanghai-jiayi');
});
afterEach(() => restoreFetch());
afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

const HUBEI = { __typename: 'AdminUnit', code: '420000', name: '湖北省' };
const HUNAN = { __typename: 'AdminUnit', code: '430000', name: '湖南省' };
/** The provinces the reader sees: one unless a test says otherwise. */
const provincesOf = (...units: Array<typeof HUBEI>) => ({ data: { adminUnits: units } });

function renderModal(createAnswer: unknown = created(YEAR), provinces = provincesOf(HUBEI)) {
  const stub = stubGraphQLOperations({
    ...regulation,
    RegisterCreateCycle: createAnswer,
    OpenCycleProvinces: provinces,
  });
  restoreFetch = stub.restore;
  const onClose = jest.fn();
  renderWithUser(
    <OpenCycleModal code="shanghai-jiayi" regulationTitle={TITLE} onClose={onClose} />,
    currentUser({
      role: 'PROVINCIAL_SUPERVISOR',
      unit: {
        __typename: 'AdminUnit',
        code: '420000',
        name: '湖北省',
        level: 'PROVINCE',
        parentCode: null,
        directlyAdministered: false,
      },
    } as Parameters<typeof currentUser>[0]),
  );
  return { ...stub, onClose };
}

const dialog = () => findDialog(`开启考核年度 · ${TITLE}`);
const submit = async () =>
  fireEvent.click(within(await dialog()).getByRole('button', { name: /开启并生成任务/ }));
/** The messages shown under a form field (found by its label). */
const fieldErrors = (label: string) => {
  const item = screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
};
/** Types a date into an antd DatePicker and confirms it, as a keyboard user does. */
const typeDate = (label: string, value: string) => {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
};

describe('OpenCycleModal', () => {
  it('asks for the province only when the deployment holds several, defaulting to the reader’s', async () => {
    const { requestsOf } = renderModal(created(YEAR), provincesOf(HUBEI, HUNAN));
    await dialog();
    await waitFor(() => expect(screen.getByLabelText('省份')).toBeTruthy());
    await waitFor(() => expect(screen.getByText('湖北省')).toBeTruthy());
    await submit();
    await waitFor(() => expect(requestsOf('RegisterCreateCycle')).toHaveLength(1));
    expect(requestsOf('RegisterCreateCycle')[0].variables.input).toMatchObject({
      provinceCode: '420000',
    });
  });

  it('does not ask for the province of a one-province deployment', async () => {
    renderModal();
    await dialog();
    await waitFor(() => expect(screen.getByLabelText('考核年度')).toBeTruthy());
    expect(screen.queryByLabelText('省份')).toBeNull();
  });

  it('opens the calendar year on the latest version and shows the tasks generated by level', async () => {
    const { requestsOf } = renderModal();
    await dialog();
    await waitFor(() =>
      expect((screen.getByLabelText('考核年度') as HTMLInputElement).value).toBe(String(YEAR)),
    );
    expect(screen.getByText('第 2 版 · 草案（最新）')).toBeTruthy();
    expect((screen.getByLabelText('开始日期') as HTMLInputElement).value).toBe(`${YEAR}-01-01`);
    expect((screen.getByLabelText('截止日期（任务默认截止日期）') as HTMLInputElement).value).toBe(
      `${YEAR}-12-31`,
    );
    expect(screen.getByPlaceholderText(`默认：${YEAR}年度${TITLE}实施考核`)).toBeTruthy();

    await submit();
    expect(await screen.findByText(`已开启“${YEAR}年度${TITLE}实施考核”`)).toBeTruthy();
    expect(requestsOf('RegisterCreateCycle')[0].variables).toEqual({
      input: {
        regulationVersionId: 'v2',
        year: YEAR,
        startDate: `${YEAR}-01-01`,
        dueDate: `${YEAR}-12-31`,
      },
    });
    expect(screen.getAllByText('共生成任务 1240 项').length).toBeGreaterThan(0);
    expect(screen.getByText('省级 12 项')).toBeTruthy();
    expect(screen.getByText('县级 1228 项')).toBeTruthy();
    const link = screen.getByText('查看该年度的任务清单').closest('a') as HTMLElement;
    expect(link.getAttribute('href')).toBe('/tasks?cycleId=c9');
    fireEvent.click(link);
    expect(`${window.location.pathname}${window.location.search}`).toBe('/tasks?cycleId=c9');
  });

  it('moves the default dates with the year and sends a title when one is given', async () => {
    const { requestsOf } = renderModal(created(YEAR + 1));
    await dialog();
    await waitFor(() =>
      expect((screen.getByLabelText('考核年度') as HTMLInputElement).value).toBe(String(YEAR)),
    );
    fireEvent.change(screen.getByLabelText('考核年度'), { target: { value: String(YEAR + 1) } });
    fireEvent.change(screen.getByLabelText('名称（可选）'), {
      target: { value: ` ${YEAR + 1}年度甲乙条例考核 ` },
    });
    await waitFor(() =>
      expect((screen.getByLabelText('开始日期') as HTMLInputElement).value).toBe(
        `${YEAR + 1}-01-01`,
      ),
    );
    await submit();
    await screen.findByText(/^已开启/);
    expect(requestsOf('RegisterCreateCycle')[0].variables.input).toEqual({
      regulationVersionId: 'v2',
      year: YEAR + 1,
      title: `${YEAR + 1}年度甲乙条例考核`,
      startDate: `${YEAR + 1}-01-01`,
      dueDate: `${YEAR + 1}-12-31`,
    });
  });

  it('checks the year and the dates before sending anything', async () => {
    const { requestsOf } = renderModal();
    await dialog();
    await waitFor(() =>
      expect((screen.getByLabelText('考核年度') as HTMLInputElement).value).toBe(String(YEAR)),
    );
    fireEvent.change(screen.getByLabelText('考核年度'), { target: { value: '' } });
    await submit();
    await waitFor(() => expect(fieldErrors('考核年度')).toEqual(['请填写考核年度']));

    fireEvent.change(screen.getByLabelText('考核年度'), { target: { value: '1999' } });
    await waitFor(() =>
      expect(fieldErrors('考核年度')).toEqual(['年度须为 2000 至 2100 之间的整数']),
    );

    fireEvent.change(screen.getByLabelText('考核年度'), { target: { value: String(YEAR) } });
    typeDate('截止日期（任务默认截止日期）', `${YEAR - 1}-06-30`);
    await submit();
    await waitFor(() =>
      expect(fieldErrors('截止日期（任务默认截止日期）')).toEqual(['截止日期不得早于开始日期']),
    );
    expect(requestsOf('RegisterCreateCycle')).toHaveLength(0);
  });

  it('shows the API’s refusals next to their fields', async () => {
    const message = `该法规版本 ${YEAR} 年度的考核已存在。`;
    renderModal([
      graphQLError('CONFLICT', message, { details: { fields: { year: message } } }),
      graphQLError('VALIDATION_FAILED', '开始日期和截止日期须为有效日期，且开始不晚于截止。', {
        details: { fields: { dueDate: '截止日期不得早于开始日期。' } },
      }),
      graphQLError('FORBIDDEN', '无权执行此操作。'),
    ]);
    await dialog();
    await waitFor(() =>
      expect((screen.getByLabelText('考核年度') as HTMLInputElement).value).toBe(String(YEAR)),
    );
    await submit();
    await waitFor(() =>
      expect(fieldErrors('考核年度')).toEqual([`该法规版本 ${YEAR} 年度的考核已存在`]),
    );
    // Next to its field, not repeated above the form.
    expect(document.querySelector('.ant-alert-error')).toBeNull();

    await submit();
    await waitFor(() =>
      expect(fieldErrors('截止日期（任务默认截止日期）')).toEqual(['截止日期不得早于开始日期。']),
    );

    // No field to put it next to: above the form.
    await submit();
    expect(await screen.findByText('无权执行此操作。')).toBeTruthy();
  });

  it('says the version’s mapping review must be finished first, next to the version', async () => {
    renderModal(
      graphQLError('CONFLICT', '该法规版本还有 2 条职责映射建议待审核……', {
        details: {
          reason: 'DUTY_MAPPINGS_PENDING',
          pending: 2,
          fields: { regulationVersionId: '该法规版本还有 2 条职责映射建议待审核……' },
        },
      }),
    );
    await dialog();
    await waitFor(() =>
      expect((screen.getByLabelText('考核年度') as HTMLInputElement).value).toBe(String(YEAR)),
    );
    await submit();
    expect(
      await screen.findByText(
        '该版本还有 2 条职责映射建议待审核，请先在职责清单的“版本变化”页确认或驳回',
      ),
    ).toBeTruthy();
    expect(fieldErrors('考核年度')).toEqual([]);
  });

  it('speaks English in the English UI', async () => {
    await i18n.changeLanguage('en-US');
    renderModal(graphQLError('CONFLICT', `该法规版本 ${YEAR} 年度的考核已存在。`));
    await findDialog(`Open an assessment cycle · ${TITLE}`);
    await waitFor(() =>
      expect((screen.getByLabelText('Year') as HTMLInputElement).value).toBe(String(YEAR)),
    );
    fireEvent.click(screen.getByRole('button', { name: /Open and generate tasks/ }));
    expect(
      await screen.findByText(`A ${YEAR} cycle already exists for this version of the regulation`),
    ).toBeTruthy();
  });
});
