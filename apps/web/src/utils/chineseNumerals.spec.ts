import { chineseNumeral, regulationNumber } from './chineseNumerals';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [7, '七'],
    [10, '十'],
    [14, '十四'],
    [20, '二十'],
    [40, '四十'],
    [42, '四十二'],
    [0, '0'],
    [120, '120'],
  ])('%s → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('uses digits outside Chinese', () => {
    expect(regulationNumber(40, 'zh-CN')).toBe('四十');
    expect(regulationNumber(40, 'en-US')).toBe('40');
  });
});
