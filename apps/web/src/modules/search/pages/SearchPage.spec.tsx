import { screen, waitFor } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { adminUnit, currentUser, cycle } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { SearchPage } from './SearchPage';

const cycles = { data: { cycles: [cycle({ id: 'c-2026', year: 2026 })] } };

const tasks = {
  data: {
    tasks: {
      __typename: 'TaskConnection',
      totalCount: 12,
      nodes: [
        {
          __typename: 'Task',
          id: 't-1',
          status: 'SUBMITTED',
          unit: { __typename: 'AdminUnit', code: '422801', name: '恩施市' },
          article: { __typename: 'Article', id: 'a-12', number: 12 },
          duty: {
            __typename: 'Duty',
            id: 'd-1',
            subject: '建设质量基础设施',
            text: '县级以上人民政府应当加强质量基础设施建设。',
          },
          leadDepartment: { __typename: 'Department', id: 'dep-1', name: '恩施市市场监督管理局' },
        },
      ],
    },
  },
};

const duties = {
  data: {
    duties: {
      __typename: 'DutyPage',
      totalCount: 1,
      nodes: [
        {
          __typename: 'Duty',
          id: 'd-1',
          subject: '建设质量基础设施',
          text: '县级以上人民政府应当加强质量基础设施建设。',
          tracked: true,
          article: {
            __typename: 'Article',
            id: 'a-12',
            number: 12,
            chapter: { __typename: 'Chapter', id: 'ch-2', number: 2 },
          },
          version: {
            __typename: 'RegulationVersion',
            id: 'rv-1',
            regulationId: 'r-1',
            title: '湖北省质量促进条例',
          },
        },
      ],
    },
    regulations: [{ __typename: 'Regulation', id: 'r-1', code: 'hubei-quality-promotion' }],
  },
};

const units = {
  data: {
    adminUnits: [
      '422800:恩施土家族苗族自治州:PREFECTURE',
      '422801:恩施市:COUNTY',
      '422802:利川市:COUNTY',
    ].map((row) => {
      const [code, name, level] = row.split(':');
      return { __typename: 'AdminUnit', code, name, level, parentCode: null };
    }),
  },
};

let restore: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restore());

function render(role: 'PREFECTURE_SUPERVISOR' | 'SYSTEM_ADMIN', q: string) {
  window.history.replaceState(null, '', `/search?q=${encodeURIComponent(q)}`);
  const stub = stubGraphQLOperations({
    Cycles: cycles,
    SystemSearchTasks: tasks,
    SystemSearchDuties: duties,
    SystemSearchUnits: units,
  });
  restore = stub.restore;
  renderWithUser(
    <SearchPage />,
    currentUser({
      role,
      unit:
        role === 'SYSTEM_ADMIN'
          ? null
          : adminUnit({ code: '422800', name: '恩施土家族苗族自治州', level: 'PREFECTURE' }),
    }),
  );
  return stub;
}

const link = (text: RegExp) =>
  [...document.querySelectorAll('a')].find((a) => text.test(a.textContent ?? ''));

describe('SearchPage', () => {
  it('finds tasks of the current cycle, duties and units, each linking to its page', async () => {
    const { requestsOf } = render('PREFECTURE_SUPERVISOR', '恩施');

    await waitFor(() => expect(link(/^恩施市 第12条/)).toBeTruthy());
    expect(requestsOf('SystemSearchTasks')[0].variables).toEqual({
      filter: { search: '恩施', cycleId: 'c-2026' },
      first: 10,
    });
    expect(link(/^恩施市 第12条/)?.getAttribute('href')).toBe('/tasks/t-1');
    expect(link(/全部 12 项/)?.getAttribute('href')).toBe(
      `/tasks?cycleId=c-2026&search=${encodeURIComponent('恩施')}`,
    );
    await waitFor(() => expect(link(/^湖北省质量促进条例 第12条/)).toBeTruthy());
    expect(link(/^湖北省质量促进条例 第12条/)?.getAttribute('href')).toBe(
      '/regulations/hubei-quality-promotion?chapter=2',
    );
    await waitFor(() => expect(link(/^恩施市$/)).toBeTruthy());
    expect(link(/^恩施市$/)?.getAttribute('href')).toBe('/units/422801');
    expect(link(/^恩施土家族苗族自治州$/)).toBeTruthy();
    expect(link(/^利川市$/)).toBeUndefined();
    expect(screen.getByText('任务（2026年度）')).toBeTruthy();
  });

  it('gives the system administrator duties only (no business data)', async () => {
    const { requestsOf } = render('SYSTEM_ADMIN', '质量');
    await waitFor(() => expect(link(/^湖北省质量促进条例 第12条/)).toBeTruthy());
    expect(requestsOf('SystemSearchTasks')).toHaveLength(0);
    expect(requestsOf('SystemSearchUnits')).toHaveLength(0);
    expect(screen.queryByText('单位')).toBeNull();
  });
});
