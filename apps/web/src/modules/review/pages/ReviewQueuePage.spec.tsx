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
  submittedAt: '2026-03-01T02:00:00.000Z',
  submitter: {
    __typename: 'Person',
    username: 'enshi-scjg',
    label: '张明辉（恩施市市场监督管理局）',
  },
  returnCount: 0,
  unit: unit('422801', '恩施市'),
  article: { __typename: 'Article', id: 'a-12', number: 12 },
  duty: {
    __typename: 'Duty',
    id: `d-${id}`,
    subject: '建设质量基础设施',
    text: '县级以上人民政府应当加强质量基础设施建设。',
  },
  leadDepartment: { __typename: 'Department', id: 'dep-1', name: '恩施市市场监督管理局' },
  ...over,
});

const newer = queueTask('t-new', {
  submittedAt: '2026-03-05T02:00:00.000Z',
  submitter: {
    __typename: 'Person',
    username: 'lichuan-scjg',
    label: '李华（利川市市场监督管理局）',
  },
  unit: unit('422802', '利川市'),
  article: { __typename: 'Article', id: 'a-7', number: 7 },
  duty: {
    __typename: 'Duty',
    id: 'd-t-new',
    subject: '开展质量提升行动',
    text: '各级人民政府应当组织开展质量提升行动。\n（一）制定方案',
  },
  leadDepartment: { __typename: 'Department', id: 'dep-2', name: '利川市市场监督管理局' },
  rowVersion: 8,
});
const older = queueTask('t-old', { returnCount: 1 });

const queue = (nodes: unknown[], totalCount = nodes.length) => ({
  data: { tasks: { __typename: 'TaskConnection', cycleId: 'c-2026', totalCount, nodes } },
});

type QueueRow = ReturnType<typeof queueTask>;

/**
 * The server's submitted tasks: the queue query filters (search), sorts (direction) and pages
 * (offset, first) them; decisions take tasks out.
 */
function fakeServer(rows: QueueRow[]) {
  const submitted = [...rows];
  const answer = (request: GraphQLRequest) => {
    const { filter, first, offset, direction } = request.variables as {
      filter: { search?: string };
      first: number;
      offset: number;
      direction: 'ASC' | 'DESC';
    };
    const term = filter.search ?? '';
    const found = submitted
      .filter((row) => !term || `${row.unit.name}${row.duty.text}`.includes(term))
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) * (direction === 'ASC' ? 1 : -1));
    return queue(found.slice(offset, offset + first), found.length);
  };
  const remove = (ids: string[]) => {
    for (const id of ids) {
      const index = submitted.findIndex((row) => row.id === id);
      if (index >= 0) submitted.splice(index, 1);
    }
  };
  return { answer, remove };
}

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
        updatedAt: '2026-03-06T08:00:00.000Z',
        updatedBy: 'enshi-scjg',
        overdue: false,
        progressNote: `${task.unit.name}已完成年度质量提升工作。`,
        measures: '印发实施方案，组织专项检查。',
        duty: {
          ...task.duty,
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

/**
 * The button (or link) whose text matches: a plain selector, since role queries over a whole
 * page of antd components are slow in jsdom.
 */
function button(name: RegExp, selector = 'button', within: ParentNode = document): HTMLElement {
  const found = [...within.querySelectorAll<HTMLElement>(selector)].find((b) =>
    name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no ${selector} named ${String(name)}`);
  return found;
}
const findButton = (name: RegExp, selector?: string) => waitFor(() => button(name, selector));
const dialog = () => waitFor(() => screen.getByRole('dialog'));

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPage(
  answers: Record<string, OperationAnswer | OperationAnswer[]> = {},
  url = '/review',
) {
  window.history.replaceState(null, '', url);
  const server = fakeServer([newer, older]);
  const decided = (request: GraphQLRequest) => {
    const input = request.variables.input as { taskId: string; status: string };
    server.remove([input.taskId]);
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
  const bulkDecided = (request: GraphQLRequest) => {
    const changes = (request.variables.input as { changes: { taskId: string; status: string }[] })
      .changes;
    server.remove(changes.map((c) => c.taskId));
    return {
      data: {
        bulkUpdateTasks: changes.map((c) => ({
          __typename: 'Task',
          id: c.taskId,
          status: c.status,
          rowVersion: 99,
          updatedAt: '2026-03-06T00:00:00.000Z',
          updatedBy: 'enshi-zhou',
        })),
      },
    };
  };
  const stub = stubGraphQLOperations({
    Cycles: cycles,
    ReviewQueue: server.answer,
    ReviewTask: taskById,
    ReviewDecide: decided,
    ReviewBulkDecide: bulkDecided,
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

const items = () =>
  [...document.querySelectorAll('[aria-label="待核验任务列表"] li')].map(
    (o) => o.textContent ?? '',
  );
const checkbox = (taskId: string) =>
  document.querySelector<HTMLInputElement>(`li[data-task-id="${taskId}"] input[type="checkbox"]`)!;

describe('ReviewQueuePage', () => {
  it('asks the server for one page, newest submission first, each task told apart by its duty', async () => {
    const { requestsOf } = renderPage();

    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
    // Asked at once for the current cycle (not after the list of cycles), by submission time.
    expect(requestsOf('ReviewQueue')[0].variables).toEqual({
      filter: { currentCycle: true, statuses: ['SUBMITTED'], reviewable: true },
      first: 20,
      offset: 0,
      direction: 'DESC',
    });
    const listed = items();
    expect(listed[0]).toContain('利川市');
    expect(listed[0]).toContain('第7条');
    // The duty's first line and its lead department, not only the article.
    expect(listed[0]).toContain('各级人民政府应当组织开展质量提升行动。');
    expect(listed[0]).not.toContain('制定方案');
    expect(listed[0]).toContain('利川市市场监督管理局');
    expect(listed[1]).toContain('恩施市');
    // Who submitted, by name and office (the username only on hover), and when.
    expect(listed[1]).toContain('张明辉（恩施市市场监督管理局） 提交于 2026年3月1日 10:00');
    expect(listed[1]).not.toContain('enshi-scjg');
    expect(listed[1]).toContain('曾退回 1 次');
    expect(screen.getByText('2 项待核验')).toBeTruthy();
    expect(screen.getByText('管辖范围：恩施土家族苗族自治州')).toBeTruthy();
  });

  it('shows the chosen task beside its evidence', async () => {
    renderPage();
    await screen.findByText('利川市已完成年度质量提升工作。');
    fireEvent.click(button(/恩施市/, 'li button'));

    expect(await screen.findByText('恩施市已完成年度质量提升工作。')).toBeTruthy();
    expect(screen.getByText('印发实施方案，组织专项检查。')).toBeTruthy();
    const frame = screen.getByTitle('质量提升方案.pdf 的预览');
    expect(frame.getAttribute('src')).toBe('/api/evidence/e-1/content?inline=1');
    expect(screen.getByText('恩施市政发〔2026〕3号')).toBeTruthy();
    fireEvent.click(screen.getByText('现场照片.docx'));
    expect(await screen.findByText(/DOCX 格式的文件无法在浏览器中预览/)).toBeTruthy();
    expect(button(/下载原件/, 'a').getAttribute('href')).toBe('/api/evidence/e-2/content');
  });

  it('searches, orders oldest first and pages through the server', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('利川市已完成年度质量提升工作。');

    fireEvent.click(screen.getByText('最早提交在前'));
    await waitFor(() => expect(items()[0]).toContain('恩施市'));
    expect(requestsOf('ReviewQueue').at(-1)?.variables).toMatchObject({ direction: 'ASC' });
    expect(window.location.search).toBe('?order=oldest');

    const box = screen.getByLabelText('搜索待核验任务');
    fireEvent.change(box, { target: { value: '利川' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toContain('利川市');
    expect(requestsOf('ReviewQueue').at(-1)?.variables).toMatchObject({
      filter: { search: '利川' },
      offset: 0,
      direction: 'ASC',
    });
  });

  it('says when nothing matches the search', async () => {
    renderPage({}, `/review?q=${encodeURIComponent('不存在')}`);
    expect(await screen.findByText('没有与“不存在”匹配的待核验任务')).toBeTruthy();
    expect((screen.getByLabelText('搜索待核验任务') as HTMLInputElement).value).toBe('不存在');
  });

  it('asks for the cycle in the address, and shows the cycles in the selector', async () => {
    const { requestsOf } = renderPage({}, '/review?cycleId=c-2027');
    await waitFor(() => expect(requestsOf('ReviewQueue')).toHaveLength(1));
    expect(requestsOf('ReviewQueue')[0].variables).toMatchObject({
      filter: { cycleId: 'c-2027', statuses: ['SUBMITTED'] },
    });
    await screen.findByText('利川市已完成年度质量提升工作。');
    expect(requestsOf('ReviewQueue')).toHaveLength(1);
  });

  it('falls back to the current cycle when the one in the address does not exist', async () => {
    const { requestsOf } = renderPage({}, '/review?cycleId=c-gone');
    await waitFor(() =>
      expect(requestsOf('ReviewQueue').at(-1)?.variables).toMatchObject({
        filter: { currentCycle: true, statuses: ['SUBMITTED'] },
      }),
    );
    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
  });

  it('verifies the task named in the confirmation, even if another is opened meanwhile', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('利川市已完成年度质量提升工作。');

    fireEvent.keyDown(document.body, { key: 'v' });
    const box = await dialog();
    expect(box.textContent).toContain('利川市 第7条');
    // Behind the dialog the other task opens (a click that reached the list, a reload…).
    fireEvent.click(button(/恩施市/, 'li button'));
    expect(await screen.findByText('恩施市已完成年度质量提升工作。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(/确认核验通过/, 'button', box));
    });
    await waitFor(() =>
      expect(requestsOf('ReviewDecide')[0]?.variables).toEqual({
        input: { taskId: 't-new', expectedRowVersion: 8, status: 'VERIFIED' },
      }),
    );
    expect(requestsOf('ReviewDecide')).toHaveLength(1);
  });

  it('asks for page 2 by offset', async () => {
    const { requestsOf } = renderPage({}, '/review?size=10&page=2');
    await waitFor(() => expect(requestsOf('ReviewQueue')).toHaveLength(1));
    expect(requestsOf('ReviewQueue')[0].variables).toMatchObject({ first: 10, offset: 10 });
  });

  it('verifies only after confirmation; cancelling changes nothing', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('利川市已完成年度质量提升工作。');

    fireEvent.click(button(/核验通过/));
    let box = await dialog();
    expect(box.textContent).toContain('利川市 第7条');
    expect(box.textContent).toContain('各级人民政府应当组织开展质量提升行动。');
    expect(box.textContent).toContain('市州督导不能撤销');
    fireEvent.click(button(/取\s*消/, 'button', box));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsOf('ReviewDecide')).toHaveLength(0);

    fireEvent.click(button(/核验通过/));
    box = await dialog();
    await act(async () => {
      fireEvent.click(button(/确认核验通过/, 'button', box));
    });
    await waitFor(() =>
      expect(requestsOf('ReviewDecide')[0]?.variables).toEqual({
        input: { taskId: 't-new', expectedRowVersion: 8, status: 'VERIFIED' },
      }),
    );
    expect(await screen.findByText('恩施市已完成年度质量提升工作。')).toBeTruthy();
    await waitFor(() => expect(items()).toHaveLength(1));
  });

  it('returns only with a reason, then moves on', async () => {
    const { requestsOf } = renderPage({}, '/review?order=oldest');
    await screen.findByText('恩施市已完成年度质量提升工作。');

    fireEvent.click(button(/^退\s*回$/));
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

  it('works from the keyboard: J / K to move, V asks for confirmation, R to return', async () => {
    const { requestsOf } = renderPage({}, '/review?order=oldest');
    await screen.findByText('恩施市已完成年度质量提升工作。');

    fireEvent.keyDown(document.body, { key: 'j' });
    expect(await screen.findByText('利川市已完成年度质量提升工作。')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(await screen.findByText('恩施市已完成年度质量提升工作。')).toBeTruthy();

    fireEvent.keyDown(document.body, { key: 'r' });
    const reason = await screen.findByLabelText('退回原因');
    // Typing in the reason does not trigger shortcuts; Ctrl+Enter confirms.
    fireEvent.keyDown(reason, { key: 'v' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.change(reason, { target: { value: '材料不全' } });
    await act(async () => {
      fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    });
    await waitFor(() => expect(requestsOf('ReviewDecide')).toHaveLength(1));
    expect(requestsOf('ReviewDecide')[0].variables.input).toMatchObject({ status: 'RETURNED' });

    await screen.findByText('利川市已完成年度质量提升工作。');
    fireEvent.keyDown(document.body, { key: 'v' });
    const box = await dialog();
    // V again while the question is open does not verify.
    fireEvent.keyDown(document.body, { key: 'v' });
    expect(requestsOf('ReviewDecide')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(button(/确认核验通过/, 'button', box));
    });
    await waitFor(() =>
      expect(requestsOf('ReviewDecide')[1]?.variables).toEqual({
        input: { taskId: 't-new', expectedRowVersion: 8, status: 'VERIFIED' },
      }),
    );
    expect(await screen.findByText('没有待核验的任务')).toBeTruthy();
  });

  it('returns the ticked tasks in one call with one reason', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('利川市已完成年度质量提升工作。');

    fireEvent.click(screen.getByText('选择本页'));
    expect(checkbox('t-new').checked).toBe(true);
    expect(checkbox('t-old').checked).toBe(true);
    expect(screen.getByText('已选 2 项')).toBeTruthy();
    fireEvent.click(button(/批量退回/));
    const box = await dialog();
    expect(box.textContent).toContain('利川市 第7条');
    expect(box.textContent).toContain('恩施市 第12条');
    fireEvent.click(button(/确认退回/, 'button', box));
    expect(await screen.findByText('请填写退回原因')).toBeTruthy();
    expect(requestsOf('ReviewBulkDecide')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('退回原因（各项共用）'), {
      target: { value: '请补充年度总结' },
    });
    await act(async () => {
      fireEvent.click(button(/确认退回/, 'button', box));
    });
    await waitFor(() =>
      expect(requestsOf('ReviewBulkDecide')[0]?.variables).toEqual({
        input: {
          changes: [
            {
              taskId: 't-new',
              expectedRowVersion: 8,
              status: 'RETURNED',
              reason: '请补充年度总结',
            },
            {
              taskId: 't-old',
              expectedRowVersion: 3,
              status: 'RETURNED',
              reason: '请补充年度总结',
            },
          ],
        },
      }),
    );
    expect(await screen.findByText('已退回 2 项任务')).toBeTruthy();
    expect(await screen.findByText('没有待核验的任务')).toBeTruthy();
  });

  it('names the task a bulk verification was refused for, and reloads', async () => {
    const { requestsOf } = renderPage({
      ReviewBulkDecide: graphQLError('CONFLICT', '第 2 项：任务已被修改', {
        details: { index: 1, taskId: 't-old' },
      }),
    });
    await screen.findByText('利川市已完成年度质量提升工作。');
    fireEvent.click(checkbox('t-new'));
    fireEvent.click(checkbox('t-old'));
    fireEvent.click(button(/批量核验/));
    const box = await dialog();
    expect(box.textContent).toContain('确认将选中的 2 项任务核验通过？');
    const queueCalls = requestsOf('ReviewQueue').length;
    await act(async () => {
      fireEvent.click(button(/确认核验通过/, 'button', box));
    });
    expect(
      await screen.findByText(
        /恩施市 第12条（县级以上人民政府应当加强质量基础设施建设。）刚被他人处理或修改过/,
      ),
    ).toBeTruthy();
    await waitFor(() => expect(requestsOf('ReviewQueue').length).toBeGreaterThan(queueCalls));
    expect(checkbox('t-old').checked).toBe(false);
    expect(checkbox('t-new').checked).toBe(true);
  });

  it('explains a conflict and reloads the queue', async () => {
    const { requestsOf } = renderPage({
      ReviewDecide: graphQLError('CONFLICT', '任务已被修改'),
    });
    await screen.findByText('利川市已完成年度质量提升工作。');

    fireEvent.click(button(/核验通过/));
    const box = await dialog();
    await act(async () => {
      fireEvent.click(button(/确认核验通过/, 'button', box));
    });
    expect(
      await screen.findByText('该任务刚被他人处理或修改过，已重新加载审核队列，请核对后再操作。'),
    ).toBeTruthy();
    await waitFor(() => expect(requestsOf('ReviewQueue')).toHaveLength(2));
  });

  it('says so when nothing is waiting', async () => {
    renderPage({ ReviewQueue: queue([]) });
    expect(await screen.findByText('没有待核验的任务')).toBeTruthy();
    expect(document.querySelector('[aria-label="待核验任务列表"]')).toBeNull();
  });

  it('shows a failed queue with a retry', async () => {
    renderPage({ ReviewQueue: graphQLError('FORBIDDEN', 'forbidden') });
    expect(await screen.findByText('您没有执行此操作的权限。')).toBeTruthy();
    expect(button(/重\s*试/)).toBeTruthy();
  });
});
