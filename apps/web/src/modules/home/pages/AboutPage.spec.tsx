import { fireEvent, render, screen, within } from '@testing-library/react';
import { AppProviders } from '../../../app/AppProviders';
import { createApolloClient } from '../../../graphql/client';
import { i18n } from '../../../i18n';
import { headerOf, requestBody, stubGraphQLFetch } from '../../../test/graphqlFetch';
import { AboutPage } from './AboutPage';

const systemInfo = {
  __typename: 'SystemInfo',
  productName: '湖北省质量促进条例履职督办系统',
  version: '0.1.0',
  databaseServerVersion: '16.4',
  databaseMode: 'EMBEDDED',
  appliedMigrations: 3,
  demoDataLoadedAt: '2025-01-15T10:30:00.000Z',
};

const internalError = {
  data: null,
  errors: [{ message: 'x', extensions: { code: 'INTERNAL_ERROR' } }],
};

function renderAboutPage() {
  return render(
    <AppProviders client={createApolloClient()}>
      <AboutPage />
    </AppProviders>,
  );
}

/** The value cell next to a label cell in the antd Descriptions table. */
function valueOf(label: string): string | null {
  const labelCell = screen.getByText(label).closest('th, td');
  return labelCell?.nextElementSibling?.textContent ?? null;
}

let restoreFetch: () => void = () => undefined;

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

afterEach(() => restoreFetch());

describe('AboutPage', () => {
  it('loads systemInfo and shows it with Chinese labels', async () => {
    const { fetchMock, restore } = stubGraphQLFetch({ data: { systemInfo } });
    restoreFetch = restore;
    renderAboutPage();

    expect(screen.getByRole('status', { name: '正在加载…' })).toBeTruthy();
    expect(await screen.findByText('系统信息')).toBeTruthy();
    await screen.findByText('0.1.0');

    expect(valueOf('产品名称')).toBe('湖北省质量促进条例履职督办系统');
    expect(valueOf('系统版本')).toBe('0.1.0');
    expect(valueOf('数据库服务器版本')).toBe('16.4');
    expect(valueOf('数据库模式')).toBe('内置数据库');
    expect(valueOf('已执行的数据库迁移')).toBe('3');
    expect(valueOf('演示数据加载时间')).toBe('2025年1月15日 18:30');
    expect(screen.queryByRole('status')).toBeNull();

    // One JSON POST to the relative endpoint, as the API's CSRF prevention requires.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(headerOf(init, 'content-type')).toMatch(/^application\/json/);
    expect(requestBody(fetchMock).query).toContain('systemInfo');
  });

  it('shows the external database mode and a missing demo-data time', async () => {
    restoreFetch = stubGraphQLFetch({
      data: { systemInfo: { ...systemInfo, databaseMode: 'EXTERNAL', demoDataLoadedAt: null } },
    }).restore;
    renderAboutPage();

    await screen.findByText('外部数据库');
    expect(valueOf('演示数据加载时间')).toBe('未加载演示数据');
  });

  it('shows the Chinese message for the error code, not the server text, and retries', async () => {
    const { fetchMock, restore } = stubGraphQLFetch(internalError, { data: { systemInfo } });
    restoreFetch = restore;
    renderAboutPage();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('系统内部错误，请稍后重试或联系管理员。')).toBeTruthy();
    expect(within(alert).getByText('错误代码：INTERNAL_ERROR')).toBeTruthy();
    expect(within(alert).queryByText('x')).toBeNull();
    expect(screen.queryByText('系统版本')).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));

    await screen.findByText('0.1.0');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('speaks English when English is chosen', async () => {
    await i18n.changeLanguage('en-US');
    restoreFetch = stubGraphQLFetch(internalError).restore;
    renderAboutPage();

    expect(
      await screen.findByText(
        'An internal error occurred. Please try again later or contact the administrator.',
      ),
    ).toBeTruthy();
  });
});
