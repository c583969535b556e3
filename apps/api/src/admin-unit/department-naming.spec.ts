import { departmentName } from './department-naming';

describe('departmentName', () => {
  it.each([
    [
      { name: '江岸区', level: 'county' as const },
      { code: 'market_regulation', name: '市场监督管理' },
      '江岸区市场监督管理局',
    ],
    [
      { name: '湖北省', level: 'province' as const },
      { code: 'finance', name: '财政' },
      '湖北省财政厅',
    ],
    [
      { name: '武汉市', level: 'prefecture' as const },
      { code: 'finance', name: '财政' },
      '武汉市财政局',
    ],
    [
      { name: '湖北省', level: 'province' as const },
      { code: 'development_reform', name: '发展改革' },
      '湖北省发展和改革委员会',
    ],
    [
      { name: '恩施市', level: 'county' as const },
      { code: 'development_reform', name: '发展改革' },
      '恩施市发展和改革局',
    ],
    [
      { name: '恩施市', level: 'county' as const },
      { code: 'health', name: '卫生健康' },
      '恩施市卫生健康局',
    ],
    [
      { name: '湖北省', level: 'province' as const },
      { code: 'water_resources', name: '水行政' },
      '湖北省水利厅',
    ],
  ])('%j + %j → %s', (unit, kind, expected) => {
    expect(departmentName(unit, kind)).toBe(expected);
  });
});
