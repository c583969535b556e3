import { fireEvent, screen, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { RegulationLibraryPage } from './RegulationLibraryPage';

const regulation = (overrides: Record<string, unknown>) => ({
  __typename: 'Regulation',
  textKind: 'PROVINCIAL_REGULATION',
  latestStatus: 'DRAFT',
  versionCount: 1,
  dutyCount: 0,
  trackedDutyCount: 0,
  needsReviewCount: 0,
  openCycleCount: 0,
  pendingMappings: 0,
  ownerProvinceCode: null,
  ownerProvince: null,
  ...overrides,
});

const library = {
  RegulationLibrary: {
    data: {
      regulations: [
        regulation({
          id: 'r1',
          code: 'hubei-quality-promotion',
          title: '湖北省质量促进条例',
          ownerProvinceCode: '420000',
          ownerProvince: { __typename: 'AdminUnit', code: '420000', name: '湖北省' },
          dutyCount: 76,
          trackedDutyCount: 58,
          openCycleCount: 1,
        }),
        regulation({
          id: 'r2',
          code: 'quality-demo-law',
          title: '中华人民共和国质量示范法',
          textKind: 'LAW',
          latestStatus: 'ENACTED',
          versionCount: 2,
          dutyCount: 1234,
          trackedDutyCount: 2,
          needsReviewCount: 1,
          pendingMappings: 3,
        }),
      ],
    },
  },
};

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.replaceState(null, '', '/regulations');
});
afterEach(() => restoreFetch());
afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

function renderPage(
  answers: Record<string, unknown> = library,
  role: 'AUDITOR' | 'PROVINCIAL_SUPERVISOR' = 'AUDITOR',
) {
  const stub = stubGraphQLOperations(answers);
  restoreFetch = stub.restore;
  renderWithUser(<RegulationLibraryPage />, currentUser({ role }));
  return stub;
}

const rowOf = (title: string) => screen.getByText(title).closest('tr') as HTMLElement;
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('RegulationLibraryPage', () => {
  it('lists every regulation with its kind, owner (全国 or a province), versions, status and counts', async () => {
    renderPage();
    await screen.findByText('中华人民共和国质量示范法');
    expect(cells(rowOf('湖北省质量促进条例'))).toEqual([
      '湖北省质量促进条例',
      '省级地方性法规',
      '湖北省',
      '1',
      '草案',
      '76',
      '58',
      '0',
      '1',
      '0',
    ]);
    expect(cells(rowOf('中华人民共和国质量示范法'))).toEqual([
      '中华人民共和国质量示范法',
      '法律',
      '全国',
      '2',
      '已施行',
      '1,234',
      '2',
      '1',
      '0',
      '3',
    ]);
  });

  it('opens the register of a regulation by its code', async () => {
    renderPage();
    const link = await screen.findByText('中华人民共和国质量示范法');
    expect(link.closest('a')?.getAttribute('href')).toBe('/regulations/quality-demo-law');
    fireEvent.click(link);
    expect(window.location.pathname).toBe('/regulations/quality-demo-law');
  });

  it('lets a provincial supervisor open an assessment cycle for any regulation', async () => {
    const { requestsOf } = renderPage(
      {
        ...library,
        RegisterRegulation: {
          data: {
            regulation: {
              __typename: 'Regulation',
              id: 'r2',
              code: 'quality-demo-law',
              title: '中华人民共和国质量示范法',
              latestVersion: {
                __typename: 'RegulationVersion',
                id: 'v2',
                textKind: 'LAW',
                textContextExplanation: '法律',
              },
              versions: [
                {
                  __typename: 'RegulationVersion',
                  id: 'v2',
                  versionNumber: 2,
                  title: '中华人民共和国质量示范法',
                  status: 'ENACTED',
                  effectiveDate: null,
                  importedAt: '2026-01-01T00:00:00.000Z',
                  importedBy: 'seed',
                  importer: {
                    __typename: 'Person',
                    username: 'seed',
                    label: '系统（初始数据）',
                    human: false,
                  },
                },
              ],
            },
          },
        },
      },
      'PROVINCIAL_SUPERVISOR',
    );
    await screen.findByText('中华人民共和国质量示范法');
    expect(cells(rowOf('湖北省质量促进条例')).at(-1)).toBe('开启考核年度导入新版本');
    // Register editors import regulations and new versions.
    expect(screen.getByRole('button', { name: /导入法规/ })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: '导入新版本 · 中华人民共和国质量示范法' }),
    ).toBeTruthy();
    fireEvent.click(
      within(rowOf('中华人民共和国质量示范法')).getByText('开启考核年度').closest('button')!,
    );
    const dialog = await findDialog('开启考核年度 · 中华人民共和国质量示范法');
    expect(await within(dialog).findByText('第 2 版 · 已施行（最新）')).toBeTruthy();
    expect(requestsOf('RegisterRegulation')[0].variables).toEqual({ code: 'quality-demo-law' });
  });

  it('offers no cycle opening to other readers', async () => {
    renderPage();
    await screen.findByText('中华人民共和国质量示范法');
    expect(screen.queryByText('开启考核年度')).toBeNull();
    expect(screen.queryByText('导入法规')).toBeNull();
    expect(screen.queryByText('导入新版本')).toBeNull();
  });

  it('speaks English in the English UI', async () => {
    await i18n.changeLanguage('en-US');
    renderPage();
    await screen.findByText('Regulation library');
    expect(await screen.findByText('Law')).toBeTruthy();
    expect(screen.getByText('Provincial regulation')).toBeTruthy();
  });

  it('says when nothing has been imported, and shows errors with a retry', async () => {
    renderPage({ RegulationLibrary: { data: { regulations: [] } } });
    expect(await screen.findByText('尚未导入任何法规。')).toBeTruthy();
    restoreFetch();
    document.body.innerHTML = '';
    renderPage({ RegulationLibrary: graphQLError('INTERNAL_ERROR', 'x') });
    expect(await screen.findByText('系统内部错误，请稍后重试或联系管理员。')).toBeTruthy();
  });
});
