import { unitOptionGroups, type UnitRow } from './unitOptions';

const unit = (code: string, name: string, level: UnitRow['level'], parentCode: string | null) => ({
  __typename: 'AdminUnit' as const,
  code,
  name,
  level,
  parentCode,
  directlyAdministered: false,
});

const labels = {
  wholeLabel: (name: string) => `${name}（全域）`,
  directGroup: '省直管',
  province: { group: '省本级', ownLabel: (name: string) => `${name}（本级）` },
};

describe('unitOptionGroups', () => {
  it('groups counties under their prefecture, province first, direct units last', () => {
    const groups = unitOptionGroups(
      [
        unit('422802', '利川市', 'COUNTY', '422800'),
        unit('429004', '仙桃市', 'COUNTY', '420000'),
        unit('422800', '恩施州', 'PREFECTURE', '420000'),
        unit('420000', '湖北省', 'PROVINCE', null),
        unit('422801', '恩施市', 'COUNTY', '422800'),
      ],
      labels,
    );
    expect(groups).toEqual([
      { label: '省本级', options: [{ value: '420000', label: '湖北省（本级）' }] },
      {
        label: '恩施州',
        options: [
          { value: '422800', label: '恩施州（全域）' },
          { value: '422801', label: '恩施市（422801）' },
          { value: '422802', label: '利川市（422802）' },
        ],
      },
      { label: '省直管', options: [{ value: '429004', label: '仙桃市（429004）' }] },
    ]);
  });

  it('shows a prefecture supervisor only their prefecture', () => {
    const groups = unitOptionGroups(
      [
        unit('422800', '恩施州', 'PREFECTURE', '420000'),
        unit('422801', '恩施市', 'COUNTY', '422800'),
      ],
      labels,
    );
    expect(groups.map((g) => g.label)).toEqual(['恩施州']);
  });

  it('leaves the province out when no province labels are given (task log filter)', () => {
    const groups = unitOptionGroups(
      [
        unit('420000', '湖北省', 'PROVINCE', null),
        unit('420100', '武汉市', 'PREFECTURE', '420000'),
        unit('429004', '仙桃市', 'COUNTY', '420000'),
      ],
      { wholeLabel: labels.wholeLabel, directGroup: labels.directGroup },
    );
    expect(groups).toEqual([
      { label: '武汉市', options: [{ value: '420100', label: '武汉市（全域）' }] },
      { label: '省直管', options: [{ value: '429004', label: '仙桃市（429004）' }] },
    ]);
  });

  it('is empty without units', () => {
    expect(unitOptionGroups([], labels)).toEqual([]);
  });
});
