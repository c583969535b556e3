import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, openOptions } from '../../../test/antd';
import { adminUnit, currentUser, cycle } from '../../../test/fixtures';
import {
  graphQLError,
  stubGraphQLOperations,
  type OperationAnswer,
} from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { eventsPage, taskEvent, unit } from '../testing/taskLogFixtures';
import { TaskLogPage } from './TaskLogPage';

const auditor = currentUser({ id: 'u-a', username: 'auditor', role: 'AUDITOR' });
const prefectureSupervisor = currentUser({
  id: 'u-p',
  username: 'enshi-dd',
  role: 'PREFECTURE_SUPERVISOR',
  unit: adminUnit({ code: '422800', name: '恩施土家族苗族自治州', level: 'PREFECTURE' }),
});

const cycles = {
  data: {
    cycles: [
      cycle({ id: 'c-2027', year: 2027, state: 'closed', closedAt: '2028-01-05T02:00:00.000Z' }),
      cycle({ id: 'c-2026', year: 2026 }),
    ],
  },
};

const units = {
  data: {
    adminUnits: [
      unit('420000', '湖北省', 'PROVINCE', null),
      unit('422800', '恩施土家族苗族自治州', 'PREFECTURE', '420000'),
      unit('422801', '恩施市', 'COUNTY', '422800'),
    ],
  },
};

const returned = taskEvent({
  id: 'ev-2',
  occurredAt: '2026-03-02T01:30:00.000Z',
  actorUsername: 'enshi-dd',
  reason: '缺少会议纪要',
  before: { status: 'SUBMITTED' },
  after: { status: 'RETURNED' },
  ip: '10.0.0.8',
  task: { status: 'RETURNED' },
});
const submitted = taskEvent({ id: 'ev-1' });
const uploaded = taskEvent({
  id: 'ev-0',
  kind: 'evidence_added',
  occurredAt: '2026-02-27T08:00:00.000Z',
  before: null,
  after: { fileName: '协调机制文件.pdf' },
  ip: null,
  task: {
    id: 't-2',
    unit: { __typename: 'AdminUnit', code: '422802', name: '利川市' },
    article: { __typename: 'Article', id: 'a-30', number: 30 },
    duty: { __typename: 'Duty', id: 'd-2', subject: '培育区域品牌' },
  },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => {
  restoreFetch();
  window.history.replaceState(null, '', '/');
});

function renderAt(
  url: string,
  answers: Record<string, OperationAnswer | OperationAnswer[]> = {},
  user = auditor,
) {
  window.history.pushState(null, '', url);
  const stub = stubGraphQLOperations({
    Cycles: cycles,
    TaskLogUnits: units,
    TaskLogEvents: eventsPage([returned, submitted], 2),
    ...answers,
  });
  restoreFetch = stub.restore;
  renderWithUser(<TaskLogPage />, user);
  return stub;
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

/** A button by its text: a plain selector, since role queries over antd pages are slow. */
function button(name: RegExp): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button named ${String(name)}`);
  return found;
}

describe('TaskLogPage', () => {
  it('lists the events of the default cycle, newest first, with a link to each task', async () => {
    const { requestsOf, unexpected } = renderAt('/task-log');

    expect(await screen.findByText('缺少会议纪要', { exact: false })).toBeTruthy();
    expect(requestsOf('TaskLogEvents')[0].variables).toEqual({
      filter: { cycleId: 'c-2026' },
      first: 50,
    });
    expect(unexpected).toEqual([]);
    expect(screen.getByText('共 2 条')).toBeTruthy();
    expect(screen.getByText('范围：全省')).toBeTruthy();

    const row = within(rowOf('原因：缺少会议纪要'));
    expect(row.getByText('2026年3月2日 09:30:00')).toBeTruthy();
    // By name and office; the username only in the tooltip.
    expect(row.getByText('田丹丹（恩施州市场监督管理局）').getAttribute('title')).toBe('enshi-dd');
    expect(row.getByText('状态变更')).toBeTruthy();
    expect(row.getByText('将状态由“已提交待核验”改为“已退回”')).toBeTruthy();
    expect(row.getByText('10.0.0.8')).toBeTruthy();
    expect(row.getByText('恩施市 · 第12条')).toBeTruthy();
    const link = row.getByText('建立质量工作协调机制').closest('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/tasks/t-1');

    fireEvent.click(link);
    expect(window.location.pathname).toBe('/tasks/t-1');
  });

  it('shows the events in time order, newest first, whatever order they arrive in', async () => {
    // Inserted later (a higher id) but earlier in time, and two at the same instant.
    const late = taskEvent({ id: '30', occurredAt: '2026-01-05T00:00:00.000Z', reason: '最早' });
    const sameA = taskEvent({
      id: '9',
      occurredAt: '2026-02-01T00:00:00.000Z',
      reason: '同刻较早',
    });
    const sameB = taskEvent({
      id: '10',
      occurredAt: '2026-02-01T00:00:00.000Z',
      reason: '同刻较晚',
    });
    const newest = taskEvent({ id: '2', occurredAt: '2026-03-09T00:00:00.000Z', reason: '最新' });
    renderAt('/task-log', { TaskLogEvents: eventsPage([late, sameA, newest, sameB], 4) });
    expect(await screen.findByText('原因：最新')).toBeTruthy();
    const reasons = [...document.querySelectorAll('tbody tr')]
      .map((row) => /原因：([^\d\s]+)/.exec(row.textContent ?? '')?.[1])
      .filter(Boolean);
    expect(reasons).toEqual(['最新', '同刻较晚', '同刻较早', '最早']);
  });

  it('turns the URL filters into query variables (Beijing days to instants)', async () => {
    const { requestsOf } = renderAt(
      '/task-log?cycleId=c-2027&unitCode=422800&kind=status&actor=enshi-dd&from=2026-03-01&to=2026-03-31',
    );
    await screen.findByText('共 2 条');
    expect(requestsOf('TaskLogEvents')[0].variables).toEqual({
      filter: {
        cycleId: 'c-2027',
        unitCode: '422800',
        kind: 'status',
        actorUsername: 'enshi-dd',
        from: '2026-02-28T16:00:00.000Z',
        to: '2026-03-31T16:00:00.000Z',
      },
      first: 50,
    });
    expect((document.getElementById('task-log-dates') as HTMLInputElement).value).toBe(
      '2026-03-01',
    );
    expect((document.getElementById('task-log-actor') as HTMLInputElement).value).toBe('enshi-dd');
  });

  it('puts changed filters into the URL and the query, and goes Back to the previous ones', async () => {
    const { requestsOf } = renderAt('/task-log');
    await screen.findByText('共 2 条');

    expect(await openOptions(screen.getByLabelText('单位'))).toEqual([
      '恩施土家族苗族自治州（含所辖县市区）',
      '恩施市（422801）',
    ]);
    await chooseOption(screen.getByLabelText('单位'), '恩施土家族苗族自治州（含所辖县市区）');
    await waitFor(() => expect(window.location.search).toBe('?unitCode=422800'));

    await chooseOption(screen.getByLabelText('事件类型'), '上传佐证');
    await waitFor(() =>
      expect(window.location.search).toBe('?unitCode=422800&kind=evidence_added'),
    );

    const actor = screen.getByLabelText('操作人');
    fireEvent.change(actor, { target: { value: ' enshi-dd ' } });
    fireEvent.keyDown(actor, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(window.location.search).toBe('?unitCode=422800&kind=evidence_added&actor=enshi-dd'),
    );
    await waitFor(() =>
      expect(requestsOf('TaskLogEvents').at(-1)?.variables).toEqual({
        filter: {
          cycleId: 'c-2026',
          unitCode: '422800',
          kind: 'evidence_added',
          actorUsername: 'enshi-dd',
        },
        first: 50,
      }),
    );

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(window.location.search).toBe('?unitCode=422800&kind=evidence_added');
    await waitFor(() =>
      expect(requestsOf('TaskLogEvents').at(-1)?.variables.filter).toEqual({
        cycleId: 'c-2026',
        unitCode: '422800',
        kind: 'evidence_added',
      }),
    );

    fireEvent.click(button(/重\s*置/));
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('shows unknown event kinds by their code', async () => {
    renderAt('/task-log?kind=archived', {
      TaskLogEvents: eventsPage([taskEvent({ id: 'ev-9', kind: 'archived', ip: null })]),
    });
    await screen.findByText('共 1 条');
    const row = within(rowOf('其他变更（archived）'));
    expect(row.getByText('archived')).toBeTruthy();
    expect(row.getByText('—')).toBeTruthy();
  });

  it('loads more with the cursor of the last page and appends the rows', async () => {
    const { requestsOf } = renderAt('/task-log', {
      TaskLogEvents: (request: { variables: { after?: string } }) =>
        request.variables.after === 'cur-2'
          ? eventsPage([uploaded], 3)
          : eventsPage([returned, submitted], 3, 'cur-2'),
    });
    await screen.findByText('共 3 条');
    expect(screen.getByText('已显示 2 条')).toBeTruthy();

    await act(async () => {
      fireEvent.click(button(/加载更多/));
    });
    expect(await screen.findByText('培育区域品牌')).toBeTruthy();
    expect(requestsOf('TaskLogEvents').at(-1)?.variables).toEqual({
      filter: { cycleId: 'c-2026' },
      first: 50,
      after: 'cur-2',
    });
    expect(screen.getByText('已显示 3 条')).toBeTruthy();
    // The first page's rows stay (both events of task t-1), the next page's row follows.
    expect(screen.getAllByText('建立质量工作协调机制', { selector: 'a' })).toHaveLength(2);
    expect(within(rowOf('培育区域品牌')).getByText('上传佐证材料“协调机制文件.pdf”')).toBeTruthy();
    expect(() => button(/加载更多/)).toThrow();
  });

  it('says so when nothing matches, and offers no export', async () => {
    renderAt('/task-log?actor=nobody', { TaskLogEvents: eventsPage([], 0) }, prefectureSupervisor);
    expect(await screen.findByText('没有符合条件的记录')).toBeTruthy();
    expect(screen.getByText('共 0 条')).toBeTruthy();
    expect(screen.getByText('范围：恩施土家族苗族自治州')).toBeTruthy();
    expect(button(/导出 CSV/).disabled).toBe(true);
  });

  it('shows a failed query with a retry', async () => {
    const { requestsOf } = renderAt('/task-log', {
      TaskLogEvents: [graphQLError('FORBIDDEN', 'no'), eventsPage([submitted], 1)],
    });
    expect(await screen.findByText('您没有执行此操作的权限。')).toBeTruthy();
    expect(screen.queryByText('没有符合条件的记录')).toBeNull();
    await act(async () => {
      fireEvent.click(button(/重\s*试/));
    });
    expect(await screen.findByText('共 1 条')).toBeTruthy();
    expect(requestsOf('TaskLogEvents')).toHaveLength(2);
  });

  it('exports every matching event as a CSV file, page by page', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requestsOf } = renderAt('/task-log?kind=status', {
      TaskLogEvents: (request: { variables: { first: number; after?: string } }) => {
        if (request.variables.first === 50) return eventsPage([returned, submitted], 3, 'cur-2');
        return request.variables.after === 'x-1'
          ? eventsPage([uploaded], 3)
          : eventsPage([returned, submitted], 3, 'x-1');
      },
    });
    await screen.findByText('共 3 条');

    await act(async () => {
      fireEvent.click(button(/导出 CSV/));
    });
    expect(
      await screen.findByText(/已导出 3 条记录：任务日志-\d{4}-\d{2}-\d{2}\.csv/),
    ).toBeTruthy();
    expect(
      requestsOf('TaskLogEvents')
        .slice(1)
        .map((r) => r.variables),
    ).toEqual([
      { filter: { cycleId: 'c-2026', kind: 'status' }, first: 100, after: null },
      { filter: { cycleId: 'c-2026', kind: 'status' }, first: 100, after: 'x-1' },
    ]);
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toMatch(/^任务日志-\d{4}-\d{2}-\d{2}\.csv$/);

    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    // The person by name and office, the account beside it (issue 17).
    expect(lines[0].split(',').slice(0, 5)).toEqual([
      '时间（北京时间）',
      '操作人',
      '操作人账号',
      '事件类型',
      '单位',
    ]);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(
      '2026-03-02 09:30:00,田丹丹（恩施州市场监督管理局）,enshi-dd,状态变更,恩施市,422801,第12条',
    );
    expect(lines[3]).toContain('利川市');
    click.mockRestore();
  });

  it('cancels an export between pages without saving a file', async () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAt('/task-log', {
      TaskLogEvents: (request: { variables: { first: number } }) =>
        request.variables.first === 50
          ? eventsPage([returned, submitted], 500, 'cur-2')
          : eventsPage([submitted], 500, 'x-1'),
    });
    await screen.findByText('共 500 条');
    // Hold the export's first page until the user has cancelled.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const answer = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { variables?: { first?: number } };
      if (body.variables?.first === 100) await held;
      return answer(input, init);
    }) as typeof fetch;

    await act(async () => {
      fireEvent.click(button(/导出 CSV/));
    });
    expect(await screen.findByText('正在导出：已获取 0 / 0 条')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(/取消导出/));
    });
    expect(await screen.findByText('已取消导出，未生成文件。')).toBeTruthy();
    await act(async () => {
      release();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByText('已取消导出，未生成文件。')).toBeTruthy();
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });
});
