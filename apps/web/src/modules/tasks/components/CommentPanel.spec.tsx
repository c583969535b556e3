import { act, fireEvent, screen, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { adminUnit, currentUser, department } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { discussion, taskComment } from '../testing/commentFixtures';
import { CommentPanel } from './CommentPanel';

const operator = currentUser({
  id: 'u-o',
  username: 'jiangan-scjg',
  role: 'COUNTY_OPERATOR',
  unit: adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' }),
  department: department({ id: 'dep-1', name: '江岸区市场监督管理局' }),
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPanel(answers: Record<string, unknown>) {
  const stub = stubGraphQLOperations(answers);
  restoreFetch = stub.restore;
  renderWithUser(<CommentPanel taskId="t-1" />, operator);
  return stub;
}

describe('CommentPanel', () => {
  it('pins instructions above the threads and indents replies', async () => {
    renderPanel({
      TaskCommentsDiscussion: {
        data: {
          taskDiscussion: discussion({
            comments: [
              taskComment({ id: 'c1', body: '请说明进展', createdAt: '2026-03-01T02:00:00.000Z' }),
              taskComment({
                id: 'i1',
                kind: 'INSTRUCTION',
                pinned: true,
                body: '月底前完成整改',
                createdAt: '2026-03-03T02:00:00.000Z',
              }),
              taskComment({
                id: 'r1',
                parentId: 'c1',
                body: '已完成检查',
                authorDisplayName: '江岸区经办人',
                createdAt: '2026-03-02T02:00:00.000Z',
                attachments: [
                  {
                    __typename: 'CommentAttachment',
                    id: 'a1',
                    fileName: '检查记录.pdf',
                    fileType: 'pdf',
                    size: 100,
                    sha256: 'a'.repeat(64),
                    evidenceId: 'e1',
                    downloadUrl: '/api/comment-attachments/a1/content',
                  },
                ],
              }),
            ],
          }),
        },
      },
    });
    const instruction = await screen.findByTestId('comment-i1');
    expect(within(instruction).getByText('批示')).toBeTruthy();
    const order = [
      ...document.querySelectorAll('[data-testid^="comment-"]:not([data-testid="comment-panel"])'),
    ].map((e) => e.getAttribute('data-testid'));
    expect(order).toEqual(['comment-i1', 'comment-c1', 'comment-r1']);
    expect((screen.getByTestId('comment-r1') as HTMLElement).style.marginLeft).toBe('24px');
    expect(screen.getByRole('link', { name: '检查记录.pdf' }).getAttribute('href')).toBe(
      '/api/comment-attachments/a1/content',
    );
    expect(screen.getByText('已计入佐证材料')).toBeTruthy();
    // An operator may not write instructions: no kind switch.
    expect(screen.queryByText('批示', { selector: '.ant-radio-button-wrapper *' })).toBeNull();
  });

  it('posts a reply with its parent and shows the server’s refusal', async () => {
    const { requestsOf } = renderPanel({
      TaskCommentsDiscussion: {
        data: {
          taskDiscussion: discussion({ comments: [taskComment({ id: 'c1', body: '请说明进展' })] }),
        },
      },
      TaskCommentsAdd: [
        graphQLError('VALIDATION_FAILED', '评论内容过长（最多 5000 字，当前 6000 字）。'),
        { data: { addTaskComment: taskComment({ id: 'c2', parentId: 'c1', body: '已落实' }) } },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: '回复' }));
    expect(screen.getByText('回复 恩施州督导：')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('发表评论（最多 5000 字）'), {
      target: { value: '已落实' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '发 表' }));
    });
    expect(await screen.findByText('评论内容过长（最多 5000 字，当前 6000 字）。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '发 表' }));
    });
    expect(requestsOf('TaskCommentsAdd').map((r) => r.variables)).toEqual([
      { input: { taskId: 't-1', body: '已落实', kind: 'COMMENT', parentId: 'c1' } },
      { input: { taskId: 't-1', body: '已落实', kind: 'COMMENT', parentId: 'c1' } },
    ]);
  });

  it('tells a read-only reader they cannot write', async () => {
    renderPanel({
      TaskCommentsDiscussion: { data: { taskDiscussion: discussion({ canComment: false }) } },
    });
    expect(
      await screen.findByText('您可以查看评论，但不能发表（只读角色或年度已关闭）。'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发 表' })).toBeNull();
  });
});
