import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { DutyMappingReview } from './DutyMappingReview';

const duty = (id: string, article: number, text: string, tracked = true) => ({
  __typename: 'Duty',
  id,
  text,
  tracked,
  paragraphNumber: 1,
  itemNumber: 0,
  article: { __typename: 'Article', id: `a-${id}`, number: article },
});

const mapping = (overrides: Record<string, unknown>) => ({
  __typename: 'DutyMappingSuggestion',
  status: 'PENDING',
  primary: true,
  rowVersion: 1,
  decidedBy: null,
  decider: null,
  decidedAt: null,
  reason: null,
  ...overrides,
});

const changed = mapping({
  id: 's1',
  articleChange: 'CHANGED',
  similarity: 0.72,
  previousDuty: duty('o3', 3, '市场监督管理部门应当组织开展质量状况分析'),
  duty: duty('n2', 2, '市场监督管理部门应当会同有关部门开展质量状况分析', false),
});
const merged = mapping({
  id: 's2',
  articleChange: 'MERGED',
  similarity: 1,
  previousDuty: duty('o4', 4, '县级以上人民政府应当设立质量奖励制度'),
  duty: duty('n3', 3, '县级以上人民政府应当设立质量奖励制度', false),
});
const alternative = mapping({
  id: 's3',
  articleChange: 'MERGED',
  similarity: 0.45,
  primary: false,
  previousDuty: duty('o5', 5, '县级以上人民政府应当组织实施质量品牌培育工程'),
  duty: duty('n3', 3, '县级以上人民政府应当设立质量奖励制度', false),
});
const rejected = mapping({
  id: 's4',
  articleChange: 'SPLIT',
  similarity: 0.5,
  status: 'REJECTED',
  rowVersion: 2,
  decidedBy: 'province',
  decider: {
    __typename: 'Person',
    username: 'province',
    label: '李文华（湖北省市场监督管理局质量发展局）',
    human: true,
  },
  decidedAt: '2027-03-01T02:00:00.000Z',
  reason: '另行部署',
  previousDuty: duty('o8', 8, '省人民政府应当建立质量统计制度'),
  duty: duty('n9', 9, '省人民政府应当建立质量统计分析制度', false),
});

const list = (...mappings: unknown[]) => ({ data: { dutyMappingSuggestions: mappings } });

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());
afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

function renderReview(
  answers: Record<string, unknown>,
  role: 'PROVINCIAL_SUPERVISOR' | 'AUDITOR' = 'PROVINCIAL_SUPERVISOR',
  props: { readOnly?: boolean } = {},
) {
  const stub = stubGraphQLOperations({
    RegulationLibrary: { data: { regulations: [] } },
    ...answers,
  });
  restoreFetch = stub.restore;
  renderWithUser(
    <DutyMappingReview versionId="v2" canDecide={role === 'PROVINCIAL_SUPERVISOR'} {...props} />,
    currentUser({ role }),
  );
  return stub;
}

const rowOf = async (text: string) =>
  (await screen.findAllByText(text))[0].closest('tr') as HTMLElement;
const decided = (...mappings: unknown[]) => ({ data: { decideDutyMapping: mappings } });

describe('DutyMappingReview', () => {
  it('lists pending suggestions with both texts, the word-level redline and the similarity', async () => {
    renderReview({ RegisterDutyMappings: list(changed, merged, alternative, rejected) });
    const row = await rowOf('市场监督管理部门应当组织开展质量状况分析');
    expect(within(row).getByText('第三条第一款')).toBeTruthy();
    expect(within(row).getByText('第二条第一款')).toBeTruthy();
    expect(within(row).getByText('修改')).toBeTruthy();
    // The redline: 组织 struck out, 会同有关部门 inserted.
    expect(within(row).getByText('组织').closest('del')).toBeTruthy();
    expect(within(row).getByText('会同有关部门').closest('ins')).toBeTruthy();
    expect(within(row).getByText('72.0%')).toBeTruthy();
    expect(screen.getByText('待审核 3 条')).toBeTruthy();
    // The second candidate of the merge is marked as an alternative.
    expect(
      within(await rowOf('县级以上人民政府应当组织实施质量品牌培育工程')).getByText('备选'),
    ).toBeTruthy();
    // Decided ones only under their filter, with who, when and why.
    expect(screen.queryByText('省人民政府应当建立质量统计制度')).toBeNull();
    fireEvent.click(screen.getByText('已驳回'));
    const decidedRow = await rowOf('省人民政府应当建立质量统计制度');
    expect(within(decidedRow).getByText('原因：另行部署')).toBeTruthy();
    // By name and office, the username only on hover.
    const decider = within(decidedRow).getByText(/^李文华（湖北省市场监督管理局质量发展局） · /);
    expect(decider.getAttribute('title')).toBe('province');
    expect(within(decidedRow).queryByRole('button', { name: /确\s*认/ })).toBeNull();
  });

  it('confirms one suggestion, and several selected at once, sending the row versions', async () => {
    const stub = renderReview({
      RegisterDutyMappings: [
        list(changed, merged, alternative),
        list({ ...changed, status: 'CONFIRMED', rowVersion: 2 }, merged, alternative),
        list(
          { ...changed, status: 'CONFIRMED', rowVersion: 2 },
          { ...merged, status: 'CONFIRMED', rowVersion: 2 },
          { ...alternative, status: 'REJECTED', rowVersion: 2 },
        ),
      ],
      RegisterDecideDutyMapping: decided({ ...changed, status: 'CONFIRMED', rowVersion: 2 }),
    });
    const row = await rowOf('市场监督管理部门应当组织开展质量状况分析');
    fireEvent.click(within(row).getByRole('button', { name: /^确\s*认 · 第二条第一款$/ }));
    expect(await screen.findByText('已确认 1 条映射建议。')).toBeTruthy();
    expect(stub.requestsOf('RegisterDecideDutyMapping')[0].variables.input).toEqual({
      decision: 'CONFIRM',
      suggestions: [{ suggestionId: 's1', expectedRowVersion: 1 }],
    });
    await waitFor(() => expect(screen.getByText('待审核 2 条')).toBeTruthy());

    const bulk = screen.getByRole('button', { name: /确认所选（0）/ });
    expect(bulk.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getAllByRole('checkbox', { name: /选择此映射建议 · 第三条第一款/ })[0]);
    fireEvent.click(screen.getByRole('button', { name: /确认所选（1）/ }));
    await screen.findAllByText('已确认 1 条映射建议。');
    expect(stub.requestsOf('RegisterDecideDutyMapping')[1].variables.input).toEqual({
      decision: 'CONFIRM',
      suggestions: [{ suggestionId: 's2', expectedRowVersion: 1 }],
    });
    // The list is fetched again: the alternative was closed by the confirmation.
    await waitFor(() => expect(screen.getByText('待审核 0 条')).toBeTruthy());
    expect(stub.unexpected).toEqual([]);
  });

  it('asks for a reason before rejecting', async () => {
    const stub = renderReview({
      RegisterDutyMappings: [list(changed), list({ ...rejected, id: 's1' })],
      RegisterDecideDutyMapping: decided({
        ...changed,
        status: 'REJECTED',
        reason: '不是同一项工作',
      }),
    });
    const row = await rowOf('市场监督管理部门应当组织开展质量状况分析');
    fireEvent.click(within(row).getByRole('button', { name: /^驳\s*回 · 第二条第一款$/ }));
    const dialog = await findDialog('驳回映射建议');
    fireEvent.click(within(dialog).getByRole('button', { name: /驳\s*回/ }));
    expect(await within(dialog).findByText('请填写驳回原因')).toBeTruthy();
    expect(stub.requestsOf('RegisterDecideDutyMapping')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('驳回原因'), {
      target: { value: '不是同一项工作' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /驳\s*回/ }));
    expect(await screen.findByText('已驳回该映射建议。')).toBeTruthy();
    expect(stub.requestsOf('RegisterDecideDutyMapping')[0].variables.input).toEqual({
      decision: 'REJECT',
      reason: '不是同一项工作',
      suggestions: [{ suggestionId: 's1', expectedRowVersion: 1 }],
    });
  });

  it('says so and reloads when someone else decided first', async () => {
    const stub = renderReview({
      RegisterDutyMappings: [
        list(changed),
        list({ ...changed, status: 'CONFIRMED', rowVersion: 2 }),
      ],
      RegisterDecideDutyMapping: graphQLError(
        'CONFLICT',
        '映射建议已被他人处理或修改，请刷新后重新审核；本次提交未保存任何决定。',
      ),
    });
    fireEvent.click(
      within(await rowOf('市场监督管理部门应当组织开展质量状况分析')).getByRole('button', {
        name: /^确\s*认 · /,
      }),
    );
    expect(
      await screen.findByText(
        '映射建议已被他人处理或修改，请刷新后重新审核；本次提交未保存任何决定。',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(stub.requestsOf('RegisterDutyMappings')).toHaveLength(2));
    await waitFor(() => expect(screen.getByText('待审核 0 条')).toBeTruthy());
  });

  it('only shows the suggestions to readers who cannot decide, and to everyone on an older version', async () => {
    renderReview({ RegisterDutyMappings: list(changed) }, 'AUDITOR');
    await screen.findByText('市场监督管理部门应当组织开展质量状况分析');
    expect(screen.queryByRole('button', { name: /确\s*认/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    restoreFetch();
    document.body.innerHTML = '';
    renderReview({ RegisterDutyMappings: list(changed) }, 'PROVINCIAL_SUPERVISOR', {
      readOnly: true,
    });
    expect(await screen.findByText('这是历史版本的映射建议，只能查看。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /驳\s*回/ })).toBeNull();
  });

  it('speaks English in the English UI', async () => {
    await i18n.changeLanguage('en-US');
    renderReview({ RegisterDutyMappings: list(changed) });
    expect(await screen.findByText('Mapping review')).toBeTruthy();
    expect(screen.getByText('1 pending')).toBeTruthy();
    expect(screen.getByText('Art. 3(1)')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Confirm selected \(0\)/ })).toBeTruthy();
  });
});
