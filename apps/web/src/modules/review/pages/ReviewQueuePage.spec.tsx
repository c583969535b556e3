import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { adminUnit, currentUser, cycle } from '../../../test/fixtures';
import {
  graphQLError,
  stubGraphQLOperations,
  type GraphQLRequest,
  type OperationAnswer,
} from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { ReviewQueuePage } from './ReviewQueuePage';

const cycles = {
  data: {
    cycles: [
      cycle({ id: 'c-2027', year: 2027, state: 'closed', closedAt: '2028-01-05T02:00:00.000Z' }),
      cycle({ id: 'c-2026', year: 2026 }),
    ],
  },
};

const unit = (code: string, name: string) => ({ __typename: 'AdminUnit', code, name });

const queueTask = (id: string, over: Record<string, unknown>) => ({
  __typename: 'Task',
  id,
  rowVersion: 3,
  status: 'SUBMITTED',
  updatedAt: '2026-03-01T02:00:00.000Z',
  updatedBy: 'enshi-scjg',
  dueDate: '2026-12-31',
  returnCount: 0,
  evidenceCount: 1,
  unit: unit('422801', '恩施市'),
  article: { __typename: 'Article', id: 'a-12', number: 12, title: '质量基础设施' },
  duty: { __typename: 'Duty', id: `d-${id}`, subject: '建设质量基础设施' },
  leadDepartment: { __typename: 'Department', id: 'dep-1', name: '恩施市市场监督管理局' },
  ...over,
});

// The API sends the newest change first; the page shows the oldest submission first.
const newer = queueTask('t-new', {
  updatedAt: '2026-03-05T02:00:00.000Z',
  unit: unit('422802', '利川市'),
  article: { __typename: 'Article', id: 'a-7', number: 7, title: null },
  duty: { __typename: 'Duty', id: 'd-t-new', subject: '开展质量提升行动' },
  rowVersion: 8,
});
const older = queueTask('t-old', { returnCount: 1 });

const queue = (nodes: unknown[]) => ({
  data: {
    tasks: {
      __typename: 'TaskConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      nodes,
    },
  },
});

const evidenceFile = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Evidence',
  id,
  taskId: 't-old',
  fileName: '质量提升方案.pdf',
  fileType: 'pdf',
  mimeType: 'application/pdf',
  size: 204800,
  sha256: 'ab'.repeat(32),
  description: '',
  documentNumber: '恩施市政发〔2026〕3号',
  issuingAuthority: '恩施市人民政府',
  documentDate: '2026-02-20',
  uploadedBy: 'enshi-scjg',
  uploadedAt: '2026-02-28T02:00:00.000Z',
  version: 1,
  current: true,
  supersededById: null,
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawReason: null,
  integrityStatus: 'OK',
  corruptAt: null,
  previewable: true,
  contentUrl: `/api/evidence/${id}/content`,
  ...over,
});

function detailOf(task: ReturnType<typeof queueTask>, evidence: unknown[]) {
  return {
    data: {
      task: {
        ...task,
        overdue: false,
        progressNote: `${task.unit.name}已完成年度质量提升工作。`,
        measures: '印发实施方案，组织专项检查。',
        duty: {
          ...task.duty,
          text: '县级以上人民政府应当加强质量基础设施建设。',
          actorText: '县级以上人民政府',
          paragraphNumber: 1,
          itemNumber: 0,
        },
        assists: [],
        evidence,
      },
    },
  };
}

const details: Record<string, unknown> = {
  't-old': detailOf(older, [
    evidenceFile('e-1'),
    evidenceFile('e-2', {
      fileName: '现场照片.docx',
      fileType: 'docx',
      previewable: false,
      documentNumber: null,
    }),
  ]),
  't-new': detailOf(newer, []),
};

const taskById = (request: GraphQLRequest) => details[request.variables.id as string];

const decided = (request: GraphQLRequest) => {
  const input = request.variables.input as { taskId: string; status: string };
  return {
    data: {
      updateTask: {
        __typename: 'Task',
        id: input.taskId,
        status: input.status,
        rowVersion: 99,
        updatedAt: '2026-03-06T00:00:00.000Z',
        updatedBy: 'enshi-zhou',
      },
    },
  };
};

/**
 * The button (or link) whose text matches: a plain selector, since role queries over a whole
 * page of antd components are slow in jsdom.
 */
function button(name: RegExp, selector = 'button'): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>(selector)].find((b) =>
    name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no ${selector} named ${String(name)}`);
  return found;
}
const findButton = (name: RegExp, selector?: string) => waitFor(() => button(name, selector));

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPage(answers: Record<string, OperationAnswer | OperationAnswer[]> = {}) {
  window.history.replaceState(null, '', '/review');
  const stub = stubGraphQLOperations({
    Cycles: cycles,
    ReviewQueue: queue([newer, older]),
    ReviewTask: taskById,
    ReviewDecide: decided,
    ...answers,
  });
  restoreFetch = stub.restore;
  renderWithUser(
    <ReviewQueuePage />,
    currentUser({
      role: 'PREFECTURE_SUPERVISOR',
      username: 'enshi-zhou',
      unit: adminUnit({ code: '422800', name: '恩施土家族苗族自治州', level: 'PREFECTURE' }),
    }),
  );
  return stub;
}

const options = () =>
  [...document.querySelectorAll('[aria-label="待核验任务列表"] [role="option"]')].map(
    (o) => o.textContent ?? '',
  );

describe('ReviewQueuePage', () => {
  it('lists the submitted tasks of the newest open cycle, oldest first, with the first one open', async () => {
    const { requestsOf } = renderPage();

    expect(await screen.findByText('恩施市已完成年度质量提升工作。')).toBeTruthy();
    expect(requestsOf('ReviewQueue')[0].variables).toEqual({
      filter: { cycleId: 'c-2026', statuses: ['SUBMITTED'] },
      first: 100,
    });
    const listed = options();
    expect(listed[0]).toContain('恩施市');
    expect(listed[0]).toContain('第12条');
    expect(listed[0]).toContain('enshi-scjg 提交于 2026年3月1日 10:00');
    expect(listed[0]).toContain('曾退回 1 次');
    expect(listed[1]).toContain('利川市');
    expect(screen.getByText('2 项待核验')).toBeTruthy();
    expect(screen.getByText('管辖范围：恩施土家族苗族自治州')).toBeTruthy();

    // Task and evidence side by side; a PDF is shown inline, a Word file offered for download.
    expect(screen.getByText('印发实施方案，组织专项检查。')).toBeTruthy();
    const frame = screen.getByTitle('质量提升方案.pdf 的预览');
    expect(frame.getAttribute('src')).toBe('/api/evidence/e-1/content?inline=1');
    expect(screen.getByText('恩施市政发〔2026〕3号')).toBeTruthy();
    fireEvent.click(screen.getByText('现场照片.docx'));
    expect(await screen.findByText(/DOCX 格式的文件无法在浏览器中预览/)).toBeTruthy();
    expect(button(/下载原件/, 'a').getAttribute('href')).toBe('/api/evidence/e-2/content');
  });

  it('verifies with the task’s row version and moves on to the next task', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('恩施市已完成年度质量提升工作。');

    await act(async () => {
      fireEvent.click(button(/核验通过/));
    });
    await waitFor(() =>
      expect(requestsOf('ReviewDecide')[0]?.variables).toEqual({
        input: { taskId: 't-old', expectedRowVersion: 3, status: 'VERIFIED' },
      }),
    );
    expect(await screen.findByText('已核验通过：恩施市 第12条')).toBeTruthy();
    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
    expect(options()).toHaveLength(1);
    expect(screen.getByText('提交的任务没有任何佐证材料，请谨慎核验。')).toBeTruthy();
  });

  it('returns only with a reason, then moves on', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('恩施市已完成年度质量提升工作。');

    fireEvent.click(button(/退\s*回/));
    fireEvent.click(await findButton(/确认退回/));
    expect(await screen.findByText('请填写退回原因')).toBeTruthy();
    expect(requestsOf('ReviewDecide')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('退回原因'), {
      target: { value: ' 请补充专项检查的通报文件 ' },
    });
    await act(async () => {
      fireEvent.click(button(/确认退回/));
    });
    await waitFor(() =>
      expect(requestsOf('ReviewDecide')[0]?.variables).toEqual({
        input: {
          taskId: 't-old',
          expectedRowVersion: 3,
          status: 'RETURNED',
          reason: '请补充专项检查的通报文件',
        },
      }),
    );
    expect(await screen.findByText('已退回：恩施市 第12条')).toBeTruthy();
    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
  });

  it('works from the keyboard: J / K to move, V to verify, R to return', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('恩施市已完成年度质量提升工作。');

    fireEvent.keyDown(document.body, { key: 'j' });
    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(await screen.findByText('恩施市已完成年度质量提升工作。')).toBeTruthy();

    fireEvent.keyDown(document.body, { key: 'r' });
    const reason = await screen.findByLabelText('退回原因');
    // Typing in the reason does not trigger shortcuts; Ctrl+Enter confirms.
    fireEvent.keyDown(reason, { key: 'v' });
    fireEvent.change(reason, { target: { value: '材料不全' } });
    await act(async () => {
      fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    });
    await waitFor(() => expect(requestsOf('ReviewDecide')).toHaveLength(1));
    expect(requestsOf('ReviewDecide')[0].variables.input).toMatchObject({ status: 'RETURNED' });

    await screen.findByText('利川市已完成年度质量提升工作。');
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'v' });
    });
    await waitFor(() =>
      expect(requestsOf('ReviewDecide')[1]?.variables).toEqual({
        input: { taskId: 't-new', expectedRowVersion: 8, status: 'VERIFIED' },
      }),
    );
    expect(await screen.findByText('没有待核验的任务')).toBeTruthy();
  });

  it('explains a conflict and reloads the queue', async () => {
    const { requestsOf } = renderPage({
      ReviewDecide: graphQLError('CONFLICT', '任务已被修改'),
      ReviewQueue: [queue([newer, older]), queue([newer])],
    });
    await screen.findByText('恩施市已完成年度质量提升工作。');

    await act(async () => {
      fireEvent.click(button(/核验通过/));
    });
    expect(
      await screen.findByText('该任务刚被他人处理或修改过，已重新加载审核队列，请核对后再操作。'),
    ).toBeTruthy();
    await waitFor(() => expect(requestsOf('ReviewQueue')).toHaveLength(2));
    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
    expect(options()).toHaveLength(1);
  });

  it('says so when nothing is waiting', async () => {
    renderPage({ ReviewQueue: queue([]) });
    expect(await screen.findByText('没有待核验的任务')).toBeTruthy();
    expect(document.querySelector('[role="listbox"]')).toBeNull();
  });

  it('shows a failed queue with a retry', async () => {
    renderPage({ ReviewQueue: graphQLError('FORBIDDEN', 'forbidden') });
    expect(await screen.findByText('您没有执行此操作的权限。')).toBeTruthy();
    expect(button(/重\s*试/)).toBeTruthy();
  });
});
