import { fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser, HUBEI } from '../../../test/fixtures';
import { renderWithUser } from '../../../test/renderWithUser';
import { saveBlob } from '../../../utils/saveBlob';
import { UnitReportPdfButton } from './UnitReportPdfButton';

jest.mock('../../../utils/saveBlob', () => ({ saveBlob: jest.fn() }));
const saved = saveBlob as jest.MockedFunction<typeof saveBlob>;

const signed = {
  document: { format: 'duty-unit-report-pdf/1', unitName: '恩施市', sha256: 'a'.repeat(64) },
  signature: { kid: 'k' },
};
/** The header as the server sends it: JSON with non-ASCII characters escaped. */
const header = JSON.stringify(signed).replace(
  /[\u007f-\uffff]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
);

let fetchMock: jest.Mock;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  saved.mockReset();
  fetchMock = jest.fn();
  global.fetch = fetchMock as unknown as typeof fetch;
});

const render = () =>
  renderWithUser(
    <UnitReportPdfButton cycleId="c-2026" unitCode="422801" unitName="恩施市" />,
    currentUser({ role: 'PREFECTURE_SUPERVISOR' as never, unit: HUBEI }),
  );

/** A fetch answer (jsdom has no Response): status, headers, and the body as a Blob or JSON. */
function answer(status: number, headers: Record<string, string>, body: unknown): Response {
  return {
    ok: status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    blob: async () => body as Blob,
    json: async () => body,
  } as unknown as Response;
}

const pdfResponse = () =>
  answer(
    200,
    {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="x.pdf"; filename*=UTF-8''${encodeURIComponent('恩施市-2026年度质量工作考核报告.pdf')}`,
      'x-duty-signature': header,
    },
    new Blob(['%PDF-1.7 test']),
  );

const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

describe('UnitReportPdfButton', () => {
  it('saves the PDF under the server’s name, then offers its signature file', async () => {
    fetchMock.mockResolvedValue(pdfResponse());
    render();
    fireEvent.click(screen.getByText('下载 PDF'));
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0][0]).toBe(
      '/api/assessment/unit-report.pdf?cycleId=c-2026&unitCode=422801',
    );
    expect(saved.mock.calls[0][1]).toBe('恩施市-2026年度质量工作考核报告.pdf');

    fireEvent.click(await screen.findByText('下载签名文件'));
    expect(saved).toHaveBeenCalledTimes(2);
    const [blob, name] = saved.mock.calls[1];
    expect(name).toBe('恩施市-2026年度质量工作考核报告.sig.json');
    const text = await blobText(blob as Blob);
    expect(text).toContain('恩施市');
    expect(JSON.parse(text)).toEqual(signed);
  });

  it('shows the server’s error and saves nothing', async () => {
    fetchMock.mockResolvedValue(
      answer(
        404,
        { 'content-type': 'application/json' },
        { code: 'NOT_FOUND', message: '未找到单位考核结果。' },
      ),
    );
    render();
    fireEvent.click(screen.getByText('下载 PDF'));
    expect(await screen.findByText(/未找到/)).toBeTruthy();
    expect(saved).not.toHaveBeenCalled();
    expect(screen.queryByText('下载签名文件')).toBeNull();
  });
});
