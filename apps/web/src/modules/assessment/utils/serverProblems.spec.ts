import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { PLAN_PROBLEM_CODES } from '@duty/assessment/scoring';
import { i18n } from '../../../i18n';
import {
  SERVER_PROBLEM_CODES,
  serverPlanProblems,
  serverProblemField,
  serverProblemText,
  type SentIndicator,
} from './serverProblems';

const sent: SentIndicator[] = [
  { id: 'i1', name: '建立质量工作机制', chapter: 1 },
  { id: 'indicator-1', name: '计量体系建设', chapter: 2 },
];

const problem = (code: string, path: string) => ({ code, path, message: '服务器的说明' });

describe('serverPlanProblems', () => {
  it('reads the problems of a VALIDATION_FAILED answer', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: '考核方案未保存',
          extensions: {
            code: 'VALIDATION_FAILED',
            details: { problems: [problem('INDICATOR_EMPTY', 'indicators.1'), { code: 1 }] },
          },
        },
      ],
    });
    expect(serverPlanProblems(error)).toEqual([problem('INDICATOR_EMPTY', 'indicators.1')]);
    expect(serverPlanProblems(new Error('x'))).toEqual([]);
  });
});

describe('serverProblemField', () => {
  it.each([
    ['indicators.1', 'indicators.indicator-1.duties'],
    ['indicators.1.dutyIds', 'indicators.indicator-1.duties'],
    ['indicators.0.dutyIds.2', 'indicators.i1.duties'],
    ['indicators.0.weight', 'indicators.i1.weight'],
    ['indicators.0.chapter', 'indicators.i1.chapter'],
    ['indicators.1.id', 'indicators.indicator-1.name'],
    ['chapterWeights', 'chapterWeights'],
    ['chapterWeights.3', 'chapterWeights.3'],
    ['rules.verified', 'rules.verified'],
    ['deductions.perReturn', 'deductions.perReturn'],
    ['bonusCap', 'bonusCap'],
    ['bands', 'bands'],
    ['bands.2.min', 'bands.2.min'],
    ['bands.0.grade', 'bands.0.grade'],
  ])('shows a problem at %s next to %s', (path, field) => {
    expect(serverProblemField(path, sent)).toBe(field);
  });

  it('places a problem of an indicator not sent, or of no known field, nowhere', () => {
    expect(serverProblemField('indicators.5.weight', sent)).toBeUndefined();
    expect(serverProblemField('note', sent)).toBeUndefined();
    expect(serverProblemField('', sent)).toBeUndefined();
  });
});

describe('serverProblemText', () => {
  it('has a text for every code the scoring library and the API report', () => {
    const apiCodes = ['UNKNOWN_DUTY', 'INDICATOR_EMPTY', 'CHAPTER_DUPLICATE', 'UNKNOWN_UNIT'];
    expect([...SERVER_PROBLEM_CODES].sort()).toEqual([...PLAN_PROBLEM_CODES, ...apiCodes].sort());
    for (const lng of ['zh-CN', 'en-US']) {
      for (const code of SERVER_PROBLEM_CODES) {
        expect([lng, code, i18n.exists(`assessment.plan.problemCodes.${code}`, { lng })]).toEqual([
          lng,
          code,
          true,
        ]);
      }
    }
  });

  it('names the indicator, chapter, rule or grade from the path', () => {
    expect(
      serverProblemText(problem('DUTY_IN_TWO_INDICATORS', 'indicators.1.dutyIds.0'), sent),
    ).toEqual({ key: 'DUTY_IN_TWO_INDICATORS', values: { name: '计量体系建设', chapter: 2 } });
    expect(
      serverProblemText(problem('CHAPTER_INDICATOR_WEIGHTS_ZERO', 'chapterWeights.4'), sent),
    ).toEqual({ key: 'CHAPTER_INDICATOR_WEIGHTS_ZERO', values: { chapter: 4 } });
    expect(serverProblemText(problem('RULE_FRACTION_RANGE', 'rules.submitted'), sent)).toEqual({
      key: 'RULE_FRACTION_RANGE',
      values: { rule: 'submitted' },
    });
    expect(serverProblemText(problem('BANDS_ORDER', 'bands.2.min'), sent)).toEqual({
      key: 'BANDS_ORDER',
      values: { n: 3 },
    });
    expect(serverProblemText(problem('BANDS_EMPTY', 'bands'), sent)).toEqual({
      key: 'BANDS_EMPTY',
      values: {},
    });
  });

  it('gives up on an unknown code or a path lacking what the text needs', () => {
    expect(serverProblemText(problem('SOMETHING_NEW', 'bonusCap'), sent)).toBeUndefined();
    expect(serverProblemText(problem('INDICATOR_EMPTY', 'indicators.9'), sent)).toBeUndefined();
    expect(serverProblemText(problem('RULE_FRACTION_RANGE', 'rules.bogus'), sent)).toBeUndefined();
  });
});
