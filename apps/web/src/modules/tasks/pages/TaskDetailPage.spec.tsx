import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { adminUnit, currentUser, department } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { historyEvent, taskDetail } from '../testing/taskFixtures';
import { TaskDetailPage } from './TaskDetailPage';
import { noUrgingAnswers } from '../../urging/testing/urgingFixtures';
import { noCommentAnswers } from '../testing/commentFixtures';
import { noReassignAnswers } from '../testing/reassignFixtures';

const operator = currentUser({
  id: 'u-o',
  username: 'jiangan-scjg',
  role: 'COUNTY_OPERATOR',
  unit: adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' }),
  department: department({ id: 'dep-1', name: '江岸区市场监督管理局' }),
});
const supervisor = currentUser({
  id: 'u-p',
  username: 'province',
  role: 'PROVINCIAL_SUPERVISOR',
  unit: adminUnit({ code: '420000', name: '湖北省', level: 'PROVINCE', parentCode: null }),
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.pushState(null, '', '/tasks/t-1');
});
afterEach(() => {
  restoreFetch();
  window.history.pushState(null, '', '/');
});

function renderPage(user: typeof operator, answers: Record<string, unknown>) {
  const stub = stubGraphQLOperations({
    ...noUrgingAnswers,
    ...noCommentAnswers,
    ...noReassignAnswers,
    ...answers,
  });
  restoreFetch = stub.restore;
  renderWithUser(<TaskDetailPage />, user);
  return stub;
}

describe('TaskDetailPage', () => {
  it('shows the task, its article, evidence and readable history', async () => {
    renderPage(operator, { TasksDetail: { data: { task: taskDetail() } } });

    expect(
      await screen.findByRole('heading', { name: '第12条 建立质量工作协调机制' }),
    ).toBeTruthy();
    expect(screen.getAllByText('推进中').length).toBeGreaterThan(0);
    expect(screen.getByText('2025年12月31日')).toBeTruthy();
    expect(screen.getAllByText('江岸区发展和改革局').length).toBeGreaterThan(0);
    expect(
      screen.getByText('县级以上人民政府应当建立质量工作协调机制，统筹质量促进工作。'),
    ).toBeTruthy();
    expect(screen.getByText('义务性（应当、必须）')).toBeTruthy();
    expect(screen.getByText('已起草工作方案')).toBeTruthy();
    expect(screen.getByText('岸政办〔2025〕3号')).toBeTruthy();
    expect(screen.getByText('200 KB')).toBeTruthy();
    expect(screen.getByText('将状态由“未开始”改为“推进中”')).toBeTruthy();
    expect(screen.getByText('上传佐证材料“江岸区质量工作方案.pdf”')).toBeTruthy();
    expect(screen.getByText('生成任务，截止日期 2025年12月31日')).toBeTruthy();
    expect(screen.getByText('点击或将文件拖到此处上传')).toBeTruthy();
    // People by name and office: the last change, the uploader and each history entry; the
    // automatic generation as 系统, never a username.
    expect(screen.getByText(/王晓燕（江岸区市场监督管理局质量股） 于 .* 更新/)).toBeTruthy();
    expect(screen.getByText(/王晓燕（江岸区市场监督管理局质量股） 于 .* 签收/)).toBeTruthy();
    expect(screen.getAllByText('王晓燕（江岸区市场监督管理局质量股）').length).toBeGreaterThan(1);
    expect(screen.getByText('系统（自动）')).toBeTruthy();
    expect(screen.queryByText(/jiangan-scjg/)).toBeNull();
  });

  it('freezes evidence of a submitted task', async () => {
    renderPage(operator, {
      TasksDetail: {
        data: {
          task: taskDetail({
            status: 'SUBMITTED',
            capabilities: {
              __typename: 'TaskCapabilities',
              edit: false,
              transitions: [],
              requestExtension: true,
              decideExtension: false,
              contribute: false,
            },
          }),
        },
      },
    });
    expect(
      await screen.findByText('任务已提交待核验，佐证材料已冻结，不能上传、替换或撤回。'),
    ).toBeTruthy();
    expect(screen.queryByText('点击或将文件拖到此处上传')).toBeNull();
    expect(screen.queryByRole('button', { name: '撤 回' })).toBeNull();
  });

  it('puts the latest return reason at the top of a returned task', async () => {
    const returned = (id: string, occurredAt: string, reason: string) =>
      historyEvent({
        id,
        kind: 'status',
        occurredAt,
        actorUsername: 'enshi-zhou',
        reason,
        before: { status: 'SUBMITTED' },
        after: { status: 'RETURNED' },
      });
    renderPage(operator, {
      TasksDetail: {
        data: {
          task: taskDetail({
            status: 'RETURNED',
            returnCount: 2,
            // Newest first on purpose: the notice picks the latest by time, not by position.
            history: [
              returned('h-r2', '2025-03-06T02:00:00.000Z', '缺少盖章页'),
              returned('h-r1', '2025-03-04T02:00:00.000Z', '文号不全'),
            ],
          }),
        },
      },
    });
    const notice = await screen.findByTestId('task-return-notice');
    expect(
      within(notice).getByText('该任务已被退回，请按退回意见整改后重新提交核验。'),
    ).toBeTruthy();
    expect(within(notice).getByText('退回意见：缺少盖章页')).toBeTruthy();
    // Who returned it, by name and office (issue 17), not by username.
    expect(
      within(notice).getByText(
        '张明辉（恩施州市场监督管理局质量发展科） 于 2025年3月6日 10:00 退回',
      ),
    ).toBeTruthy();
    expect(screen.getByText('此前被退回 2 次')).toBeTruthy();
  });

  it('no longer counts returns once the task is verified', async () => {
    renderPage(operator, {
      TasksDetail: { data: { task: taskDetail({ status: 'VERIFIED', returnCount: 1 }) } },
    });
    expect(
      await screen.findByRole('heading', { name: '第12条 建立质量工作协调机制' }),
    ).toBeTruthy();
    expect(screen.queryByText(/被退回/)).toBeNull();
    expect(screen.queryByTestId('task-return-notice')).toBeNull();
  });

  it('says so when the task is not found or out of jurisdiction', async () => {
    renderPage(supervisor, { TasksDetail: graphQLError('NOT_FOUND', '未找到任务') });
    expect(await screen.findByText('任务不存在或不在您的辖区内')).toBeTruthy();
  });

  it('shows both versions after a stale save and reapplies on the new version', async () => {
    const current = {
      rowVersion: 9,
      status: 'IN_PROGRESS',
      progressNote: '他人写的进展',
      measures: '他人写的举措',
      updatedBy: 'colleague',
      updatedByLabel: '刘芳（江岸区市场监督管理局质量股）',
      updatedAt: '2025-03-05T02:00:00.000Z',
    };
    const { requestsOf } = renderPage(operator, {
      TasksDetail: { data: { task: taskDetail() } },
      TasksUpdateTask: [
        graphQLError('CONFLICT', '任务已被他人修改', { details: { current } }),
        { data: { updateTask: taskDetail({ rowVersion: 10, progressNote: '我的新进展' }) } },
      ],
    });

    // Queries scoped to the card: role and label queries over a whole page are slow in jsdom.
    const card = (await screen.findByText('进展与举措')).closest('.ant-card') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: '编 辑' }));
    fireEvent.change(within(card).getByLabelText('进展情况'), {
      target: { value: '我的新进展' },
    });
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: '保 存' }));
    });

    const panel = await screen.findByTestId('task-conflict');
    expect(within(panel).getByText('他人已修改此任务，您的修改尚未保存')).toBeTruthy();
    expect(within(panel).getByText('我的新进展')).toBeTruthy();
    expect(within(panel).getByText('他人写的进展')).toBeTruthy();
    // Whose change it was, by name and office as the server names them.
    expect(
      within(panel).getByText(/刘芳（江岸区市场监督管理局质量股） 于 2025年3月5日 10:00/),
    ).toBeTruthy();
    expect(requestsOf('TasksUpdateTask')[0].variables).toEqual({
      input: {
        taskId: 't-1',
        expectedRowVersion: 7,
        progressNote: '我的新进展',
        measures: '成立工作专班',
      },
    });

    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: '以我的修改覆盖当前版本' }));
    });
    await waitFor(() => expect(screen.queryByTestId('task-conflict')).toBeNull());
    expect(requestsOf('TasksUpdateTask')[1].variables).toEqual({
      input: {
        taskId: 't-1',
        expectedRowVersion: 9,
        progressNote: '我的新进展',
        measures: '成立工作专班',
      },
    });
  });

  it('returns a submitted task with the reason the supervisor gives', async () => {
    const submitted = taskDetail({
      status: 'SUBMITTED',
      capabilities: {
        __typename: 'TaskCapabilities',
        edit: false,
        transitions: ['VERIFIED', 'RETURNED'],
        requestExtension: false,
        decideExtension: true,
        contribute: false,
      },
    });
    const { requestsOf } = renderPage(supervisor, {
      TasksDetail: { data: { task: submitted } },
      TasksUpdateTask: {
        data: { updateTask: { ...submitted, status: 'RETURNED', rowVersion: 8 } },
      },
    });

    await screen.findByText('办理');
    const actions = screen.getByText('办理').closest('.ant-card') as HTMLElement;
    fireEvent.click(within(actions).getByRole('button', { name: '退 回' }));
    const dialog = await findDialog('退回任务');
    // The reason is required.
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '退 回' }));
    });
    expect(await within(dialog).findByText('请填写原因')).toBeTruthy();
    expect(requestsOf('TasksUpdateTask')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('原因'), {
      target: { value: '佐证材料缺少文号' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '退 回' }));
    });
    await waitFor(() => expect(requestsOf('TasksUpdateTask')).toHaveLength(1));
    expect(requestsOf('TasksUpdateTask')[0].variables).toEqual({
      input: {
        taskId: 't-1',
        expectedRowVersion: 7,
        status: 'RETURNED',
        reason: '佐证材料缺少文号',
      },
    });
  });
});

/** A stand-in XMLHttpRequest answering every upload with `status` and `body`. */
function fakeXhr(status: number, body: unknown) {
  const sent: Array<{
    url: string;
    headers: Record<string, string>;
    body: unknown;
    withCredentials: boolean;
  }> = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    withCredentials = false;
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(payload: unknown) {
      sent.push({
        url: this.url,
        headers: this.headers,
        body: payload,
        withCredentials: this.withCredentials,
      });
      setTimeout(() => {
        this.status = status;
        this.responseText = JSON.stringify(body);
        this.onload?.();
      }, 0);
    }
    abort() {
      this.onabort?.();
    }
  }
  const original = window.XMLHttpRequest;
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return { sent, restore: () => void (window.XMLHttpRequest = original) };
}

describe('TaskDetailPage evidence upload', () => {
  it('shows the server’s reason for a refused file', async () => {
    const xhr = fakeXhr(422, {
      code: 'EVIDENCE_REJECTED',
      message: '文件“安装包.exe”的类型不在允许范围内。未保存任何文件。',
      files: [
        {
          name: '安装包.exe',
          code: 'TYPE_NOT_ALLOWED',
          reason: '文件“安装包.exe”的类型不在允许范围内（仅限 PDF、OFD、Word、Excel、JPG、PNG）',
        },
      ],
    });
    try {
      renderPage(operator, { TasksDetail: { data: { task: taskDetail() } } });
      await screen.findByText('点击或将文件拖到此处上传');
      fireEvent.change(screen.getByLabelText('文号'), { target: { value: '岸市监〔2025〕1号' } });
      const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
      const file = new File(['MZ'], '安装包.exe', { type: 'application/octet-stream' });
      await act(async () => {
        fireEvent.change(input, { target: { files: [file] } });
      });

      expect(await screen.findByText('“安装包.exe”未能上传')).toBeTruthy();
      expect(
        screen.getByText(
          '文件“安装包.exe”的类型不在允许范围内（仅限 PDF、OFD、Word、Excel、JPG、PNG）',
        ),
      ).toBeTruthy();
      expect(xhr.sent).toHaveLength(1);
      expect(xhr.sent[0].url).toBe('/api/tasks/t-1/evidence');
      expect(xhr.sent[0].headers['X-Requested-With']).toBe('XMLHttpRequest');
      expect(xhr.sent[0].withCredentials).toBe(true);
      const form = xhr.sent[0].body as FormData;
      expect((form.get('files') as File).name).toBe('安装包.exe');
      expect(form.get('documentNumber')).toBe('岸市监〔2025〕1号');
    } finally {
      xhr.restore();
    }
  });
});
