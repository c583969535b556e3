import { dutyRedline } from './dutyRedline';

describe('dutyRedline', () => {
  it('marks deletions before insertions, word by word, in the redline view’s shape', () => {
    expect(
      dutyRedline(
        '县级以上人民政府应当组织开展质量状况分析',
        '县级以上人民政府应当会同有关部门开展质量状况分析',
      ),
    ).toEqual([
      { __typename: 'RedlineSegment', op: 'EQUAL', text: '县级以上人民政府应当' },
      { __typename: 'RedlineSegment', op: 'DELETE', text: '组织' },
      { __typename: 'RedlineSegment', op: 'INSERT', text: '会同有关部门' },
      { __typename: 'RedlineSegment', op: 'EQUAL', text: '开展质量状况分析' },
    ]);
  });

  it('changes a number as a whole word', () => {
    expect(dutyRedline('自2027年起', '自2028年起').filter((s) => s.op !== 'EQUAL')).toEqual([
      { __typename: 'RedlineSegment', op: 'DELETE', text: '2027' },
      { __typename: 'RedlineSegment', op: 'INSERT', text: '2028' },
    ]);
  });
});
