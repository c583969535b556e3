import { unit } from '../testing/taskLogFixtures';
import { unitChoiceGroups } from './unitChoices';

const labels = {
  whole: (u: { name: string }) => `${u.name}（含所辖县市区）`,
  one: (u: { name: string; code: string }) => `${u.name}（${u.code}）`,
  directGroup: '省直管县级单位',
};

describe('unitChoiceGroups', () => {
  it('groups counties under their prefecture and lists directly administered ones last', () => {
    const groups = unitChoiceGroups(
      [
        unit('429004', '仙桃市', 'COUNTY', '420000'),
        unit('422802', '利川市', 'COUNTY', '422800'),
        unit('420000', '湖北省', 'PROVINCE', null),
        unit('422800', '恩施土家族苗族自治州', 'PREFECTURE', '420000'),
        unit('422801', '恩施市', 'COUNTY', '422800'),
        unit('420100', '武汉市', 'PREFECTURE', '420000'),
      ],
      labels,
    );
    expect(groups).toEqual([
      { label: '武汉市', options: [{ value: '420100', label: '武汉市（含所辖县市区）' }] },
      {
        label: '恩施土家族苗族自治州',
        options: [
          { value: '422800', label: '恩施土家族苗族自治州（含所辖县市区）' },
          { value: '422801', label: '恩施市（422801）' },
          { value: '422802', label: '利川市（422802）' },
        ],
      },
      { label: '省直管县级单位', options: [{ value: '429004', label: '仙桃市（429004）' }] },
    ]);
  });

  it('is empty without units', () => {
    expect(unitChoiceGroups([], labels)).toEqual([]);
  });
});
