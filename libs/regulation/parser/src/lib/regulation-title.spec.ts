import { comparableRegulationTitle as key } from './regulation-title';

describe('comparableRegulationTitle', () => {
  it.each([
    ['湖北省质量促进条例（草案）', '湖北省质量促进条例'],
    ['《湖北省质量促进条例（修订草案）》', '湖北省质量促进条例'],
    ['湖北省质量促进条例 (修订草案)', '湖北省质量促进条例'],
    ['湖北省质量促进条例（征求意见稿）', '湖北省质量促进条例'],
    ['湖北省质量促进条例【送审稿】', '湖北省质量促进条例'],
    ['湖北省质量促进条例修订草案', '湖北省质量促进条例'],
    ['湖 北 省　质量促进条例', '湖北省质量促进条例'],
  ])('%s → %s', (title, expected) => {
    expect(key(title)).toBe(expected);
  });

  it('keeps what distinguishes two regulations', () => {
    expect(key('湖北省质量促进条例')).not.toBe(key('湖北省产品质量监督条例'));
    expect(key('中华人民共和国刑法修正案（十一）')).toBe('中华人民共和国刑法修正案(十一)');
  });

  it('never strips a title to nothing', () => {
    expect(key('草案')).toBe('草案');
  });
});
