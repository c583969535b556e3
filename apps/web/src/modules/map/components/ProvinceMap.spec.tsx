import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { adminUnit, currentUser, HUBEI } from '../../../test/fixtures';
import { jsonResponse, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { ProvinceMap } from './ProvinceMap';

const PROVINCE = adminUnit({ code: '420000', name: '湖北省', level: 'PROVINCE', parentCode: null });
const ENSHI = adminUnit({ code: '422800', name: '恩施土家族苗族自治州', level: 'PREFECTURE' });
const ENSHI_CITY = adminUnit({ code: '422801', name: '恩施市', parentCode: '422800' });
const LICHUAN = adminUnit({ code: '422802', name: '利川市', parentCode: '422800' });
const XIANTAO = adminUnit({ code: '429004', name: '仙桃市', directlyAdministered: true });

const row = (
  unit: ReturnType<typeof adminUnit>,
  tasks: number,
  verified: number,
  children?: [number, number],
) => ({
  __typename: 'UnitAnalytics',
  unit,
  tasks,
  verified,
  overdue: 1,
  completionRate: tasks ? verified / tasks : 0,
  withChildren: children && {
    __typename: 'AnalyticsFigures',
    tasks: children[0],
    verified: children[1],
    overdue: 3,
    completionRate: children[1] / children[0],
  },
});

const hubeiRows = [
  row(PROVINCE, 0, 0),
  row(ENSHI, 10, 9, [50, 20]),
  row(ENSHI_CITY, 20, 3),
  row(LICHUAN, 20, 10),
  row(XIANTAO, 30, 30),
];

const answers = {
  MapUnitAnalytics: { data: { unitAnalytics: hubeiRows } },
  MapScores: {
    data: {
      assessmentScores: [
        { __typename: 'UnitScore', unitCode: '422801', score: 91.5, grade: '优秀', rank: 1 },
        { __typename: 'UnitScore', unitCode: '422802', score: 55, grade: '不合格', rank: 9 },
      ],
      assessmentPlan: {
        __typename: 'AssessmentPlan',
        bands: [
          { __typename: 'GradeBand', grade: '优秀', min: 90 },
          { __typename: 'GradeBand', grade: '合格', min: 60 },
          { __typename: 'GradeBand', grade: '不合格', min: 0 },
        ],
      },
    },
  },
  MapUrgingCounts: {
    data: {
      urgingCountsByUnit: [
        { __typename: 'UrgingUnitCounts', unitCode: '422802', blue: 2, orange: 1, red: 1 },
      ],
    },
  },
};

let restore: () => void = () => undefined;
afterEach(() => restore());
beforeEach(() => i18n.changeLanguage('zh-CN'));

/** GraphQL answered by the stub; the boundary file by `boundary` (404 by default). */
function renderMap(
  props: Partial<Parameters<typeof ProvinceMap>[0]> = {},
  boundary: { status: number; body: unknown } = { status: 404, body: { code: 'NOT_FOUND' } },
  overrides: Partial<typeof answers> = {},
) {
  const stub = stubGraphQLOperations({ ...answers, ...overrides });
  const graphql = globalThis.fetch;
  const boundaryRequests: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/map/')) {
      boundaryRequests.push(url);
      return jsonResponse(boundary.body, boundary.status);
    }
    return graphql(input, init);
  }) as typeof fetch;
  restore = stub.restore;
  const onDrill = jest.fn();
  const onOpenUnit = jest.fn();
  renderWithUser(
    <ProvinceMap
      cycleId="c-1"
      provinceCode="420000"
      prefectureCode={null}
      scopeName="湖北省"
      canDrill
      onDrill={onDrill}
      onOpenUnit={onOpenUnit}
      {...props}
    />,
    currentUser({ role: 'PROVINCIAL_SUPERVISOR', unit: HUBEI }),
  );
  return { stub, onDrill, onOpenUnit, boundaryRequests };
}

const tiles = () => [...document.querySelectorAll('[data-map-tile]')];
const tile = (code: string) => document.querySelector(`[data-map-tile="${code}"]`) as SVGGElement;
const fillOf = (code: string) => tile(code).querySelector('rect')?.getAttribute('fill');

describe('ProvinceMap', () => {
  it('draws a tile per unit coloured by completion; a prefecture drills, a county opens', async () => {
    const { onDrill, onOpenUnit, stub, boundaryRequests } = renderMap();
    await waitFor(() => expect(tiles()).toHaveLength(5));
    expect(boundaryRequests).toEqual(['/api/map/boundaries/420000.json']);
    expect(screen.getByText(/示意图：/)).toBeTruthy();
    // 恩施市 3/20 = 15%: the lowest band; 仙桃 100%: the top band; the province has no tasks.
    expect(fillOf('422801')).toBe('#b2182b');
    expect(fillOf('429004')).toBe('#1a7837');
    expect(fillOf('420000')).toBe('#f0f0f0');
    expect(tile('422800').getAttribute('aria-label')).toBe(
      '恩施土家族苗族自治州；完成率 90.0%（已核验 9 / 任务 10）；含所辖县（市、区）：完成率 40.0%（20 / 50）；逾期 1 项；查看所辖县（市、区）',
    );

    fireEvent.click(tile('422800'));
    expect(onDrill).toHaveBeenCalledWith('422800');
    fireEvent.keyDown(tile('422802'), { key: 'Enter' });
    expect(onOpenUnit).toHaveBeenCalledWith('422802');

    // The tooltip follows the focus.
    act(() => tile('422802').focus());
    expect((await screen.findByRole('tooltip')).textContent).toContain('利川市');
    // Scores and urging counts are not loaded before they are asked for.
    expect(stub.requestsOf('MapScores')).toHaveLength(0);
    expect(stub.requestsOf('MapUrgingCounts')).toHaveLength(0);
  });

  it('switches to scores (the plan’s grades) and to open urging notices', async () => {
    const { stub } = renderMap();
    await waitFor(() => expect(tiles()).toHaveLength(5));
    fireEvent.click(screen.getByText('考核得分'));
    await waitFor(() => expect(fillOf('422801')).toBe('#1a7837'));
    expect(fillOf('422802')).toBe('#b2182b');
    expect(fillOf('429004')).toBe('#f0f0f0'); // no score
    expect(screen.getByText('优秀（≥ 90）')).toBeTruthy();
    expect(stub.requestsOf('MapScores')[0].variables).toEqual({ cycleId: 'c-1' });

    fireEvent.click(screen.getByText('未办结督办单'));
    await waitFor(() => expect(fillOf('422802')).toBe('#fee08b')); // 4 open: 3–5
    expect(fillOf('422801')).toBe('#1a7837'); // none open
    expect(tile('422802').getAttribute('aria-label')).toContain(
      '未办结督办单 4 件（蓝 2、橙 1、红 1）',
    );
  });

  it('shows one prefecture with bigger tiles, each opening its unit page', async () => {
    const { onDrill, onOpenUnit, boundaryRequests } = renderMap({
      prefectureCode: '422800',
      scopeName: '恩施土家族苗族自治州',
      canDrill: false,
    });
    await waitFor(() => expect(tiles()).toHaveLength(3));
    expect(boundaryRequests).toEqual(['/api/map/boundaries/422800.json']);
    fireEvent.click(tile('422800'));
    expect(onOpenUnit).toHaveBeenCalledWith('422800');
    expect(onDrill).not.toHaveBeenCalled();
  });

  it('draws the deployment’s boundaries when there are some', async () => {
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ];
    renderMap(
      {},
      {
        status: 200,
        body: {
          type: 'FeatureCollection',
          code: '420000',
          features: [
            {
              type: 'Feature',
              properties: { code: '422800', name: '恩施州' },
              geometry: { type: 'Polygon', coordinates: square(109, 29.5) },
            },
            {
              type: 'Feature',
              properties: { code: '429004', name: '仙桃市' },
              geometry: { type: 'Polygon', coordinates: square(113.4, 30.3) },
            },
          ],
        },
      },
    );
    await waitFor(() => expect(tiles()).toHaveLength(2));
    expect(document.querySelectorAll('path')).toHaveLength(2);
    // The province view colours a prefecture with its counties: 20/50 = 40%.
    expect(tile('422800').querySelector('path')?.getAttribute('fill')).toBe('#fee08b');
    expect(screen.getByText(/按部署提供的行政区划边界数据绘制/)).toBeTruthy();
  });

  it('falls back to tiles and says why when the boundary file is invalid', async () => {
    renderMap(
      {},
      {
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          message: '边界数据文件 420000.json 无效：第 1 个要素缺少区划代码属性（adcode）。',
        },
      },
    );
    await waitFor(() => expect(tiles()).toHaveLength(5));
    expect(
      screen.getByText(
        '边界数据不可用，已改为示意图显示：边界数据文件 420000.json 无效：第 1 个要素缺少区划代码属性（adcode）。',
      ),
    ).toBeTruthy();
  });

  it('has no map for a province without a tile map or boundaries, and asks for no figures', async () => {
    const { stub, boundaryRequests } = renderMap({ provinceCode: '430000', scopeName: '湖南省' });
    expect(await screen.findByText('该省份暂无地图')).toBeTruthy();
    expect(boundaryRequests).toEqual(['/api/map/boundaries/430000.json']);
    expect(stub.requestsOf('MapUnitAnalytics')).toHaveLength(0);
    expect(tiles()).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has no map for a prefecture of such a province either (never Hubei’s)', async () => {
    const { boundaryRequests } = renderMap({
      provinceCode: '430000',
      prefectureCode: '430100',
      scopeName: '长沙市',
      canDrill: false,
    });
    expect(await screen.findByText('该省份暂无地图')).toBeTruthy();
    expect(boundaryRequests).toEqual(['/api/map/boundaries/430100.json']);
  });

  it('draws another province from the boundaries the deployment supplies, its units only', async () => {
    const CHANGSHA = adminUnit({
      code: '430100',
      name: '长沙市',
      level: 'PREFECTURE',
      parentCode: '430000',
    });
    const stubbed = renderMap(
      { provinceCode: '430000', scopeName: '湖南省' },
      {
        status: 200,
        body: {
          type: 'FeatureCollection',
          code: '430000',
          features: [
            {
              type: 'Feature',
              properties: { code: '430100', name: '长沙市' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [112.5, 28],
                    [113.5, 28],
                    [113.5, 28.5],
                    [112.5, 28],
                  ],
                ],
              },
            },
            {
              type: 'Feature',
              properties: { code: '422800', name: '恩施州' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [109, 29.5],
                    [110, 29.5],
                    [110, 30.5],
                    [109, 29.5],
                  ],
                ],
              },
            },
          ],
        },
      },
      {
        MapUnitAnalytics: {
          data: { unitAnalytics: [...hubeiRows, row(CHANGSHA, 10, 5, [40, 30])] },
        },
      },
    );
    await waitFor(() => expect(tiles()).toHaveLength(1));
    expect(tile('430100')).toBeTruthy();
    expect(stubbed.boundaryRequests).toEqual(['/api/map/boundaries/430000.json']);
  });
});
