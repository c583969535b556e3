import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser, HUBEI } from '../../../test/fixtures';
import { renderWithUser } from '../../../test/renderWithUser';
import { sendWithProgress } from '../../tasks/utils/evidenceUpload';
import { HistoryImportDialog } from './HistoryImportDialog';

jest.mock('../../tasks/utils/evidenceUpload', () => ({ sendWithProgress: jest.fn() }));
const send = sendWithProgress as jest.MockedFunction<typeof sendWithProgress>;

const HEADERS = ['地区', '考核指标', '得分', '排名'];
const MAPPING = { unit: '地区', indicator: '考核指标', score: '得分', rank: '排名' };
const row = (over: Record<string, unknown>) => ({
  row: 3,
  unitText: '江岸区',
  unitCode: '420102',
  unitName: '江岸区',
  indicator: '',
  score: 85,
  rank: 2,
  grade: null,
  completion: null,
  ledger: null,
  derived: false,
  ...over,
});
const preview = (over: Record<string, unknown> = {}) => ({
  year: 2023,
  fileName: '2023.xlsx',
  headers: HEADERS,
  mapping: MAPPING,
  mappingSuggested: true,
  rows: [],
  rowCount: 0,
  unitCount: 0,
  indicatorCount: 0,
  problems: [],
  ...over,
});
const answer = (status: number, body: unknown) => ({
  promise: Promise.resolve({ status, bodyText: JSON.stringify(body) }),
  abort: () => undefined,
});
const button = (scope: Pick<typeof screen, 'getByText'>, name: RegExp) =>
  (scope.getByText(name).closest('button') ?? scope.getByText(name)) as HTMLElement;
const params = (n: number) => new URL(send.mock.calls[n][0].url, 'http://x').searchParams;

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  send.mockReset();
});

describe('HistoryImportDialog', () => {
  it('uploads, maps columns, shows every row problem, accepts a suggested unit and imports', async () => {
    const onImported = jest.fn();
    const onClose = jest.fn();
    send
      .mockReturnValueOnce(answer(200, preview()))
      .mockReturnValueOnce(
        answer(
          200,
          preview({
            rows: [row({})],
            rowCount: 1,
            unitCount: 1,
            problems: [
              {
                row: 4,
                column: '地区',
                code: 'UNIT_UNKNOWN',
                message: '未找到单位“江汉去”，是否为：武汉市江汉区？',
                value: '江汉去',
                suggestions: [{ code: '420103', name: '武汉市江汉区' }],
              },
              { row: 5, column: '得分', code: 'SCORE_INVALID', message: '得分“abc”不是数字。' },
            ],
          }),
        ),
      )
      .mockReturnValueOnce(
        answer(
          200,
          preview({
            rows: [row({}), row({ row: 4, unitCode: '420103', unitName: '江汉区', score: 92 })],
            rowCount: 2,
            unitCount: 2,
          }),
        ),
      )
      .mockReturnValueOnce(answer(200, { import: { year: 2023, rowCount: 2, unitCount: 2 } }));
    renderWithUser(
      <HistoryImportDialog onClose={onClose} onImported={onImported} />,
      currentUser({ role: 'PROVINCIAL_SUPERVISOR' as never, unit: HUBEI }),
    );
    const dialog = await findDialog('导入往年考核结果');
    fireEvent.change(within(dialog).getByLabelText('考核年度'), { target: { value: '2023' } });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['xlsx'], '2023年考核结果.xlsx');
    fireEvent.change(input, { target: { files: [file] } });
    await within(dialog).findByText('2023年考核结果.xlsx');
    fireEvent.click(button(within(dialog), /下一步/));
    await within(dialog).findByText('请指定各字段在表中对应的列（已按列名推荐）。');
    expect(params(0).get('year')).toBe('2023');
    expect(params(0).get('fileName')).toBe('2023年考核结果.xlsx');
    expect(params(0).get('mapping')).toBeNull();

    fireEvent.click(button(within(dialog), /校验并预览/));
    expect(
      await within(dialog).findByText('发现 2 处问题，修正后才能导入（不会导入任何数据）：'),
    ).toBeTruthy();
    expect(JSON.parse(params(1).get('mapping')!)).toEqual(MAPPING);
    expect(button(within(dialog), /确认导入/)).toHaveProperty('disabled', true);

    fireEvent.click(button(within(dialog), /按“武汉市江汉区”导入/));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(3));
    expect(JSON.parse(params(2).get('unitMatches')!)).toEqual({ 江汉去: '420103' });
    await within(dialog).findByText('共 2 行，2 个单位，0 项指标。');
    // antd drops a button's loading state in an effect after the answer shows.
    await waitFor(() =>
      expect(button(within(dialog), /确认导入/).className).not.toMatch(/ant-btn-loading/),
    );
    fireEvent.click(button(within(dialog), /确认导入/));
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(send.mock.calls[3][0].url).toMatch(/^\/api\/assessment\/history-import\?/);
    expect(JSON.parse(params(3).get('unitMatches')!)).toEqual({ 江汉去: '420103' });
    expect(onClose).toHaveBeenCalled();
  });

  it('stays on the first step when the file as a whole is refused', async () => {
    send.mockReturnValueOnce(
      answer(
        200,
        preview({
          problems: [
            { row: 0, code: 'YEAR_ALREADY_IMPORTED', message: '2023 年度的历史结果已导入过。' },
          ],
        }),
      ),
    );
    renderWithUser(
      <HistoryImportDialog onClose={jest.fn()} onImported={jest.fn()} />,
      currentUser({ role: 'PROVINCIAL_SUPERVISOR' as never, unit: HUBEI }),
    );
    const dialog = await findDialog('导入往年考核结果');
    fireEvent.click(button(within(dialog), /下一步/));
    expect(await within(dialog).findByText('请选择 .xlsx 文件')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'a.xlsx')] } });
    await within(dialog).findByText('a.xlsx');
    fireEvent.click(button(within(dialog), /下一步/));
    expect(await within(dialog).findByText(/2023 年度的历史结果已导入过/)).toBeTruthy();
    expect(within(dialog).queryByText('请指定各字段在表中对应的列（已按列名推荐）。')).toBeNull();
  });
});
