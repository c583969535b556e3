import { redline, RedlineSegment, tokenizeForRedline } from './redline';

const oldSide = (segments: RedlineSegment[]) =>
  segments
    .filter((s) => s.op !== 'insert')
    .map((s) => s.text)
    .join('');
const newSide = (segments: RedlineSegment[]) =>
  segments
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('');

describe('tokenizeForRedline', () => {
  it('splits CJK per character, keeps Latin/digit runs and punctuation apart', () => {
    expect(tokenizeForRedline('自2010年11月1日起施行，GDP的2.5%')).toEqual([
      '自',
      '2010',
      '年',
      '11',
      '月',
      '1',
      '日',
      '起',
      '施',
      '行',
      '，',
      'GDP',
      '的',
      '2',
      '.',
      '5',
      '%',
    ]);
  });
});

describe('redline', () => {
  it('marks a replaced department name as one deletion then one insertion', () => {
    expect(redline('由畜牧兽医行政主管部门负责。', '由农业农村主管部门负责。')).toEqual([
      { op: 'equal', text: '由' },
      { op: 'delete', text: '畜牧兽医行政' },
      { op: 'insert', text: '农业农村' },
      { op: 'equal', text: '主管部门负责。' },
    ]);
  });

  it('changes a number as a whole word, not digit by digit', () => {
    expect(redline('本条例自2010年施行。', '本条例自2024年施行。')).toEqual([
      { op: 'equal', text: '本条例自' },
      { op: 'delete', text: '2010' },
      { op: 'insert', text: '2024' },
      { op: 'equal', text: '年施行。' },
    ]);
  });

  it('handles pure insertions, pure deletions and empty sides', () => {
    expect(redline('', '')).toEqual([]);
    expect(redline('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(redline('删去', '')).toEqual([{ op: 'delete', text: '删去' }]);
    expect(redline('应当报告。', '应当及时报告。')).toEqual([
      { op: 'equal', text: '应当' },
      { op: 'insert', text: '及时' },
      { op: 'equal', text: '报告。' },
    ]);
  });

  it('rebuilds both texts and finds a minimal edit on a 2,000-character article quickly', () => {
    const alphabet = '国家支持畜牧业发展县级以上人民政府应当采取措施加强基础设施建设鼓励规模化养殖';
    const oldText = Array.from(
      { length: 2000 },
      (_, i) => alphabet[(i * 7) % alphabet.length],
    ).join('');
    // Replace every 20th character: 100 substitutions → at most 200 edited characters.
    const newText = [...oldText].map((c, i) => (i % 20 === 0 ? '改' : c)).join('');
    const started = Date.now();
    const segments = redline(oldText, newText);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(oldSide(segments)).toBe(oldText);
    expect(newSide(segments)).toBe(newText);
    const edited = segments.filter((s) => s.op !== 'equal').reduce((n, s) => n + s.text.length, 0);
    expect(edited).toBeLessThanOrEqual(200);
    // Runs are merged: no two neighbours share an operation.
    expect(segments.every((s, k) => k === 0 || segments[k - 1].op !== s.op)).toBe(true);
  });
});
