import { isValidPhone } from './phone';

describe('isValidPhone', () => {
  it('accepts office, mobile and extension numbers and empty input', () => {
    for (const phone of [
      '',
      '0718-8221234',
      '027 8765 4321',
      '+86 13800000000',
      '(0718)8221234',
      '0718-8221234转123',
    ])
      expect(isValidPhone(phone)).toBe(true);
  });

  it('refuses letters, too short numbers and stray symbols', () => {
    for (const phone of ['abc', '123', '0718/8221234', '转123', '0718-8221234#5'])
      expect(isValidPhone(phone)).toBe(false);
  });
});
