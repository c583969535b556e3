import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, findDialog } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { chinaDay, expiryOfDay } from '../utils/expiry';
import { ApiTokensPage } from './ApiTokensPage';

const unit = (code: string, name: string, level: string, parentCode: string | null) => ({
  __typename: 'AdminUnit',
  code,
  name,
  level,
  parentCode,
});
const UNITS = [
  unit('422801', '恩施市', 'COUNTY', '422800'),
  unit('420000', '湖北省', 'PROVINCE', null),
  unit('422800', '恩施土家族苗族自治州', 'PREFECTURE', '420000'),
];

const token = (overrides: Record<string, unknown>) => ({
  __typename: 'ApiToken',
  id: 't-1',
  name: '省大数据中心',
  tokenPrefix: 'dtk_0123456789ab',
  scopes: ['ANALYTICS_READ'],
  unit: { __typename: 'AdminUnit', code: '420000', name: '湖北省', level: 'PROVINCE' },
  rateLimitPerMinute: 60,
  status: 'ACTIVE',
  createdBy: 'secadmin',
  createdAt: '2026-11-01T02:00:00.000Z',
  expiresAt: '2027-11-01T16:00:00.000Z',
  revokedBy: null,
  revokedAt: null,
  lastUsedAt: null,
  useCount: 0,
  ...overrides,
});

const ACTIVE = token({});
const REVOKED = token({
  id: 't-2',
  name: '恩施州佐证接口',
  tokenPrefix: 'dtk_ba9876543210',
  scopes: ['EVIDENCE_METADATA_READ'],
  status: 'REVOKED',
  revokedBy: 'secadmin',
  revokedAt: '2026-11-20T02:00:00.000Z',
  lastUsedAt: '2026-11-19T02:30:00.000Z',
  useCount: 42,
});
const SECRET = `dtk_fedcba987654_${'S'.repeat(43)}`;

// Filling an antd form in jsdom takes tens of seconds on the loaded two-core CI machine.
jest.setTimeout(150_000);

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPage(answers: Record<string, unknown> = {}) {
  const stub = stubGraphQLOperations({
    ApiTokens: { data: { apiTokens: [ACTIVE, REVOKED] } },
    ApiTokenUnits: { data: { adminUnits: UNITS } },
    ...answers,
  });
  restoreFetch = stub.restore;
  renderWithUser(<ApiTokensPage />, currentUser({ role: 'SECURITY_ADMIN', username: 'secadmin' }));
  return stub;
}

/** A button by its text (role queries over a page of antd components are slow in jsdom). */
const buttonIn = (container: HTMLElement, text: string) =>
  within(container).getByText(text).closest('button') as HTMLElement;

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

/** Types a date into an antd DatePicker and confirms it, as a keyboard user does. */
const typeDate = (input: HTMLElement, value: string) => {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
};

const inDays = (days: number) =>
  new Date(Date.parse(`${chinaDay(new Date())}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);

describe('ApiTokensPage', () => {
  it('lists the tokens with their scopes, unit, state and use, in Chinese', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { name: '机器访问令牌' })).toBeTruthy();
    const active = within(rowOf('省大数据中心'));
    expect(active.getByText('读取统计分析')).toBeTruthy();
    expect(active.getByText('湖北省')).toBeTruthy();
    expect(active.getByText('有效')).toBeTruthy();
    expect(active.getByText('从未使用')).toBeTruthy();
    expect(active.getByText('dtk_0123456789ab…')).toBeTruthy();
    expect(active.getByText('每分钟 60 次')).toBeTruthy();
    expect(active.getByRole('button', { name: '吊 销' })).toBeTruthy();

    const revoked = within(rowOf('恩施州佐证接口'));
    expect(revoked.getByText('读取佐证材料元数据')).toBeTruthy();
    expect(revoked.getByText('已吊销')).toBeTruthy();
    expect(revoked.getByText('secadmin 于 2026年11月20日 10:00 吊销')).toBeTruthy();
    expect(revoked.getByText('42')).toBeTruthy();
    expect(revoked.queryByRole('button', { name: /吊\s*销/ })).toBeNull();
  });

  it('issues a token and shows it once, with a warning, until the administrator closes it', async () => {
    const expiresOn = inDays(90);
    const { requestsOf } = renderPage({
      IssueApiToken: {
        data: {
          issueApiToken: {
            __typename: 'IssuedApiToken',
            token: SECRET,
            apiToken: token({ id: 't-3', name: '恩施州统计', tokenPrefix: 'dtk_fedcba987654' }),
          },
        },
      },
    });
    await screen.findByText('省大数据中心');
    fireEvent.click(buttonIn(document.body, '签发令牌'));
    const dialog = await findDialog('签发机器访问令牌');
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: ' 恩施州统计 ' } });
    fireEvent.click(within(dialog).getByLabelText('读取统计分析'));
    await chooseOption(within(dialog).getByLabelText('绑定单位'), '\u3000恩施土家族苗族自治州');
    typeDate(within(dialog).getByLabelText('到期日期'), expiresOn);
    await act(async () => {
      fireEvent.click(buttonIn(dialog, '签 发'));
    });

    const shown = await findDialog('令牌已签发：恩施州统计');
    expect(within(shown).getByTestId('issued-api-token').textContent).toContain(SECRET);
    expect(within(shown).getByText(/只显示这一次/)).toBeTruthy();
    expect(requestsOf('IssueApiToken')[0].variables).toEqual({
      input: {
        name: '恩施州统计',
        scopes: ['ANALYTICS_READ'],
        unitId: '422800',
        expiresAt: expiryOfDay(expiresOn),
      },
    });
    // The dialog does not close by Esc; only its button closes it, and the token is gone.
    fireEvent.keyDown(shown, { key: 'Escape', code: 'Escape', keyCode: 27 });
    expect(screen.getByTestId('issued-api-token')).toBeTruthy();
    fireEvent.click(buttonIn(shown, '我已保存，关闭'));
    await waitFor(() => expect(screen.queryByText(SECRET)).toBeNull());
  });

  it('requires name, scope, unit and expiry before sending', async () => {
    const { requestsOf } = renderPage({
      IssueApiToken: graphQLError(
        'CONFLICT',
        '已有名为“省大数据中心”的有效令牌；请换一个名称，或先吊销原令牌。',
        {
          details: { reason: 'NAME_TAKEN', fields: { name: '已有同名的有效令牌。' } },
        },
      ),
    });
    await screen.findByText('省大数据中心');
    fireEvent.click(buttonIn(document.body, '签发令牌'));
    const dialog = await findDialog('签发机器访问令牌');
    await act(async () => {
      fireEvent.click(buttonIn(dialog, '签 发'));
    });
    expect(await within(dialog).findByText('请填写名称')).toBeTruthy();
    expect(within(dialog).getByText('请至少选择一项权限')).toBeTruthy();
    expect(within(dialog).getByText('请选择绑定单位')).toBeTruthy();
    expect(within(dialog).getByText('请选择到期日期')).toBeTruthy();
    expect(requestsOf('IssueApiToken')).toHaveLength(0);
  });

  it('shows the server’s refusal in the form', async () => {
    const { requestsOf } = renderPage({
      IssueApiToken: graphQLError(
        'CONFLICT',
        '已有名为“省大数据中心”的有效令牌；请换一个名称，或先吊销原令牌。',
        { details: { reason: 'NAME_TAKEN', fields: { name: '已有同名的有效令牌。' } } },
      ),
    });
    await screen.findByText('省大数据中心');
    fireEvent.click(buttonIn(document.body, '签发令牌'));
    const dialog = await findDialog('签发机器访问令牌');
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '省大数据中心' } });
    fireEvent.click(within(dialog).getByLabelText('读取佐证材料元数据'));
    await chooseOption(within(dialog).getByLabelText('绑定单位'), '湖北省');
    typeDate(within(dialog).getByLabelText('到期日期'), inDays(30));
    await act(async () => {
      fireEvent.click(buttonIn(dialog, '签 发'));
    });
    expect(await within(dialog).findByText(/已有名为“省大数据中心”的有效令牌/)).toBeTruthy();
    expect(requestsOf('IssueApiToken')).toHaveLength(1);
  });

  it('revokes a token after confirmation', async () => {
    const { requestsOf } = renderPage({
      RevokeApiToken: {
        data: {
          revokeApiToken: token({
            status: 'REVOKED',
            revokedBy: 'secadmin',
            revokedAt: '2026-12-01T02:00:00.000Z',
          }),
        },
      },
    });
    await screen.findByText('省大数据中心');
    fireEvent.click(buttonIn(rowOf('省大数据中心'), '吊 销'));
    expect(await screen.findByText('吊销令牌“省大数据中心”？')).toBeTruthy();
    const popover = document.querySelector('.ant-popover') as HTMLElement;
    const confirm = buttonIn(popover, '吊 销');
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(requestsOf('RevokeApiToken')[0]?.variables).toEqual({ id: 't-1' }));
    expect(await screen.findByText('已吊销令牌“省大数据中心”')).toBeTruthy();
  });
});
