import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption } from '../../../test/antd';
import { currentUser, cycle } from '../../../test/fixtures';
import {
  graphQLError,
  jsonResponse,
  stubGraphQLOperations,
  type OperationAnswer,
} from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { EvidenceExplorerPage } from './EvidenceExplorerPage';

const cycles = {
  data: {
    cycles: [
      cycle({ id: 'c-2027', year: 2027, state: 'closed', closedAt: '2028-01-05T02:00:00.000Z' }),
      cycle({ id: 'c-2026', year: 2026 }),
    ],
  },
};

const unitRow = (code: string, name: string, level: string, parentCode: string | null) => ({
  __typename: 'AdminUnit',
  code,
  name,
  level,
  parentCode,
  directlyAdministered: false,
});

const units = {
  data: {
    adminUnits: [
      unitRow('420000', '湖北省', 'PROVINCE', null),
      unitRow('422800', '恩施土家族苗族自治州', 'PREFECTURE', '420000'),
      unitRow('422801', '恩施市', 'COUNTY', '422800'),
    ],
  },
};

const file = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Evidence',
  id,
  taskId: 't-1',
  fileName: '质量提升方案.pdf',
  fileType: 'pdf',
  mimeType: 'application/pdf',
  size: 1536,
  sha256: 'cd'.repeat(32),
  description: '',
  documentNumber: '恩施市政发〔2026〕3号',
  issuingAuthority: '恩施市人民政府',
  documentDate: '2026-02-20',
  uploadedBy: 'enshi-scjg',
  uploader: {
    __typename: 'Person',
    username: 'enshi-scjg',
    label: '向春梅（恩施市市场监督管理局质量股）',
  },
  uploadedAt: '2026-02-28T02:00:00.000Z',
  version: 1,
  current: true,
  supersededById: null,
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawer: null,
  withdrawReason: null,
  integrityStatus: 'OK',
  corruptAt: null,
  previewable: true,
  contentUrl: `/api/evidence/${id}/content`,
  ...over,
});

const files = (nodes: unknown[], totalCount = nodes.length) => ({
  data: { evidenceFiles: { __typename: 'EvidenceConnection', totalCount, nodes } },
});

const page1 = files(
  [
    file('e-1'),
    file('e-2', {
      fileName: '旧版方案.docx',
      fileType: 'docx',
      previewable: false,
      size: 3 * 1024 * 1024,
      current: false,
      supersededById: 'e-9',
      version: 2,
      documentNumber: null,
      issuingAuthority: null,
      documentDate: null,
    }),
  ],
  45,
);

const readyBody = {
  status: 'ready',
  checks: {},
  details: {
    evidenceIntegrity: {
      status: 'ok',
      finishedAt: '2026-03-01T18:30:00.000Z',
      source: 'cli',
      checked: 88,
      missing: 0,
      corrupt: 0,
      unreferenced: 0,
    },
  },
};

/** A streamed pack answer: the chunks arrive one by one. */
function packResponse(chunks: number[], name: string) {
  let index = 0;
  return {
    ok: true,
    status: 200,
    headers: {
      get: (header: string) =>
        ({
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="x.zip"; filename*=UTF-8''${encodeURIComponent(name)}`,
        })[header.toLowerCase()] ?? null,
    },
    body: {
      getReader: () => ({
        read: async () =>
          index < chunks.length
            ? { done: false, value: new Uint8Array(chunks[index++]) }
            : { done: true, value: undefined },
      }),
    },
  } as unknown as Response;
}

/**
 * The button (or link) whose text matches: a plain selector, since role queries over a whole
 * page of antd components are slow in jsdom.
 */
function button(name: RegExp, selector = 'button'): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>(selector)].find((b) =>
    name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no ${selector} named ${String(name)}`);
  return found;
}
const findButton = (name: RegExp, selector?: string) => waitFor(() => button(name, selector));

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

/** GraphQL by operation; `/ready` and the pack by URL. */
function renderPage(
  answers: Record<string, OperationAnswer | OperationAnswer[]> = {},
  rest: { ready?: () => Response; pack?: () => Response } = {},
) {
  window.history.replaceState(null, '', '/evidence');
  const stub = stubGraphQLOperations({
    Cycles: cycles,
    EvidenceUnits: units,
    EvidenceFiles: page1,
    ...answers,
  });
  const graphql = stub.fetchMock;
  const restFetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/ready') return rest.ready?.() ?? jsonResponse(readyBody);
    if (url.startsWith('/api/evidence/pack')) {
      return rest.pack?.() ?? packResponse([1024, 2048], '佐证材料包.zip');
    }
    return graphql(input, init);
  });
  globalThis.fetch = restFetch as unknown as typeof fetch;
  restoreFetch = stub.restore;
  renderWithUser(<EvidenceExplorerPage />, currentUser({ role: 'AUDITOR', username: 'auditor' }));
  return { ...stub, restFetch };
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('EvidenceExplorerPage', () => {
  it('lists the evidence of the newest open cycle with its details and states', async () => {
    const { requestsOf } = renderPage();

    await screen.findByText('质量提升方案.pdf');
    const current = within(rowOf('质量提升方案.pdf'));
    expect(current.getByText('PDF')).toBeTruthy();
    expect(current.getByText('1.5 KB')).toBeTruthy();
    expect(current.getByText('恩施市政发〔2026〕3号')).toBeTruthy();
    expect(current.getByText('恩施市人民政府')).toBeTruthy();
    expect(current.getByText('2026年2月20日')).toBeTruthy();
    expect(current.getByText('2026年2月28日 10:00')).toBeTruthy();
    expect(current.getByText('现行')).toBeTruthy();
    const old = within(rowOf('旧版方案.docx'));
    expect(old.getByText('3 MB')).toBeTruthy();
    expect(old.getByText('已替换')).toBeTruthy();
    expect(old.getByText('第 2 版')).toBeTruthy();
    expect(screen.getByText('共 45 份材料')).toBeTruthy();
    expect(requestsOf('EvidenceFiles')[0].variables).toEqual({
      filter: { cycleId: 'c-2026' },
      first: 20,
      offset: 0,
    });
    // The integrity card from /ready.
    expect(await screen.findByText('正常')).toBeTruthy();
    expect(screen.getByText('手动执行')).toBeTruthy();
  });

  it('turns the filters into variables and pages', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('质量提升方案.pdf');

    await chooseOption(screen.getByLabelText('单位'), '恩施土家族苗族自治州（含所辖县市区）');
    fireEvent.change(screen.getByLabelText('条款'), { target: { value: '12' } });
    await chooseOption(screen.getByLabelText('任务状态'), '已核验');
    fireEvent.change(screen.getByLabelText('文号'), { target: { value: ' 恩施 ' } });
    fireEvent.click(screen.getByLabelText('含已替换、已撤回的版本'));
    await act(async () => {
      fireEvent.click(button(/查\s*询/));
    });
    const expected = {
      cycleId: 'c-2026',
      unitCode: '422800',
      articleNumber: 12,
      taskStatus: 'VERIFIED',
      documentNumber: '恩施',
      includeHistory: true,
    };
    await waitFor(() =>
      expect(requestsOf('EvidenceFiles').at(-1)?.variables).toEqual({
        filter: expected,
        first: 20,
        offset: 0,
      }),
    );

    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() =>
      expect(requestsOf('EvidenceFiles').at(-1)?.variables).toEqual({
        filter: expected,
        first: 20,
        offset: 20,
      }),
    );
  });

  it('previews a PDF inline in a dialog', async () => {
    renderPage();
    fireEvent.click(await screen.findByText('质量提升方案.pdf'));
    const frame = await screen.findByTitle('质量提升方案.pdf 的预览');
    expect(frame.getAttribute('src')).toBe('/api/evidence/e-1/content?inline=1');
  });

  it('tags a file whose stored content is corrupt and offers neither preview nor download', async () => {
    renderPage({
      EvidenceFiles: files([
        file('e-1'),
        file('e-3', {
          fileName: '损坏的通知.pdf',
          integrityStatus: 'CORRUPT',
          corruptAt: '2026-03-02T01:15:00.000Z',
        }),
      ]),
    });
    await screen.findByText('损坏的通知.pdf');
    const corrupt = within(rowOf('损坏的通知.pdf'));
    const tag = corrupt.getByText('已损坏');
    expect(corrupt.getByText('现行')).toBeTruthy();
    const preview = corrupt.getByRole('button', { name: '预览 损坏的通知.pdf' });
    expect((preview as HTMLButtonElement).disabled).toBe(true);
    // Disabled, and without the link: nothing to download.
    const download = corrupt.getByLabelText('下载 损坏的通知.pdf') as HTMLButtonElement;
    expect(download.getAttribute('href')).toBeNull();
    expect(download.disabled).toBe(true);
    // The name is plain text, not a link that opens the preview.
    fireEvent.click(corrupt.getByText('损坏的通知.pdf'));
    expect(screen.queryByTitle('损坏的通知.pdf 的预览')).toBeNull();
    // When and what to do, on hover.
    fireEvent.mouseEnter(tag);
    expect(
      await screen.findByText(/2026年3月2日 09:15 发现存储文件与登记的 SHA-256 或大小不符/),
    ).toBeTruthy();

    // An intact file keeps both actions and no tag.
    const intact = within(rowOf('质量提升方案.pdf'));
    expect(intact.queryByText('已损坏')).toBeNull();
    expect(intact.getByLabelText('下载 质量提升方案.pdf').getAttribute('href')).toBe(
      '/api/evidence/e-1/content',
    );
  });

  it('shows a failed query with a retry', async () => {
    renderPage({ EvidenceFiles: graphQLError('FORBIDDEN', 'no') });
    expect(await screen.findByText('您没有执行此操作的权限。')).toBeTruthy();
    expect(button(/重\s*试/)).toBeTruthy();
  });

  it('downloads a pack with progress and saves it under the server’s name', async () => {
    const createObjectURL = jest.fn(() => 'blob:pack');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { restFetch } = renderPage();
    fireEvent.click(await findButton(/^导出材料包$/, '[role="tab"]'));
    // The verification hint names the tool in words, not a command line.
    expect(await screen.findByText(/材料包离线核验工具/)).toBeTruthy();
    expect(screen.queryByText(/npm run/)).toBeNull();

    // The explorer's form stays mounted in its hidden tab: pick the pack form's field.
    await chooseOption(
      document.getElementById('evidencePack_unitCode') as HTMLElement,
      '恩施市（422801）',
    );
    await act(async () => {
      fireEvent.click(button(/下载材料包/));
    });

    expect(await screen.findByText('材料包已下载：佐证材料包.zip（3 KB）')).toBeTruthy();
    expect(restFetch).toHaveBeenCalledWith(
      '/api/evidence/pack?cycleId=c-2026&unitCode=422801',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows the server’s Chinese reason when a pack is refused', async () => {
    renderPage(
      {},
      {
        pack: () =>
          jsonResponse(
            {
              code: 'NOT_FOUND',
              message: '未找到该行政单位，或不在您的辖区内。',
            },
            404,
          ),
      },
    );
    fireEvent.click(await findButton(/^导出材料包$/, '[role="tab"]'));
    const download = await findButton(/下载材料包/);
    await act(async () => {
      fireEvent.click(download);
    });
    expect(await screen.findByText('材料包下载失败')).toBeTruthy();
    expect(screen.getByText('未找到该行政单位，或不在您的辖区内。')).toBeTruthy();
  });
});
