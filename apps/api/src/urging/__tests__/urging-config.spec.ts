import { ConfigError, loadConfig } from '../../config/config';
import { formatUrgingNumber } from '../urging-config';

describe('urging configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).urging).toEqual({
      dueSoonDays: 14,
      behindElapsed: 0.7,
      blueToOrangeDays: 10,
      orangeToRedDays: 10,
      answerDays: 5,
      numberPattern: '鄂质督〔{year}〕{seq}号',
      dailyCron: '30 7 * * *',
      deductions: { BLUE: 0, ORANGE: 0.5, RED: 1 },
    });
  });

  it('reads every variable', () => {
    const urging = loadConfig({
      URGING_DUE_SOON_DAYS: '7',
      URGING_BEHIND_ELAPSED: '0.5',
      URGING_BLUE_TO_ORANGE_DAYS: '5',
      URGING_ORANGE_TO_RED_DAYS: '3',
      URGING_ANSWER_DAYS: '2',
      URGING_NUMBER_PATTERN: '鄂市监督〔{year}〕第{seq}号',
      URGING_DEDUCTION_RED: '2',
    }).urging;
    expect(urging).toMatchObject({
      dueSoonDays: 7,
      behindElapsed: 0.5,
      blueToOrangeDays: 5,
      orangeToRedDays: 3,
      answerDays: 2,
      deductions: { BLUE: 0, ORANGE: 0.5, RED: 2 },
    });
    expect(formatUrgingNumber(urging.numberPattern, 2026, 7)).toBe('鄂市监督〔2026〕第7号');
  });

  it.each([
    ['URGING_NUMBER_PATTERN', '鄂质督〔{year}〕号'],
    ['URGING_BEHIND_ELAPSED', '1.5'],
    ['URGING_DUE_SOON_DAYS', '0'],
    ['URGING_DEDUCTION_ORANGE', '-1'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
