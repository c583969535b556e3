import fc from 'fast-check';
import {
  checkPasswordPolicy,
  formatViolations,
  MAX_PASSWORD_LENGTH,
  PASSWORD_POLICY_DESCRIPTION_ZH,
  PASSWORD_POLICY_MESSAGES_ZH,
  PasswordPolicyContext,
  PasswordPolicyViolationCode,
} from './password-policy';

const USER: PasswordPolicyContext = { username: 'zhangsan', displayName: '张三' };
/** What the API passes: the parts of its documented demo password Hubei@Demo2026. */
const DEMO_CONTEXT: PasswordPolicyContext = { ...USER, contextWords: ['hubei', 'demo'] };
const WANG_WEI: PasswordPolicyContext = { username: 'wang.wei', displayName: '王伟' };

function codes(password: string, context: PasswordPolicyContext = USER) {
  return checkPasswordPolicy(password, context).map((violation) => violation.code);
}

describe('checkPasswordPolicy', () => {
  it.each<[string, string, PasswordPolicyContext, PasswordPolicyViolationCode[]]>([
    // Length, in code points.
    ['7 characters', 'Ab1!xyz', USER, ['TOO_SHORT']],
    ['7 code points with Chinese and emoji', '密码Ab1!😀', USER, ['TOO_SHORT']],
    ['129 characters', `Aa1!${'x'.repeat(125)}`, USER, ['TOO_LONG']],
    // Character classes.
    ['lower case only', 'qzvxkwmtrplb', USER, ['TOO_FEW_CHARACTER_CLASSES']],
    ['lower and upper only', 'QzvxKwmtRplb', USER, ['TOO_FEW_CHARACTER_CLASSES']],
    ['lower and digits only', 'qzvx7394kwmt', USER, ['TOO_FEW_CHARACTER_CLASSES']],
    ['Chinese and digits only', '春眠不觉晓73941', USER, ['TOO_FEW_CHARACTER_CLASSES']],
    [
      'a passphrase of lower case and spaces',
      'correct horse battery staple',
      USER,
      ['TOO_FEW_CHARACTER_CLASSES'],
    ],
    // Common passwords and their simple variants.
    ['on the list, 4 classes', 'P@ssw0rd', USER, ['COMMON_PASSWORD']],
    ['on the list, other case', 'Aa123456', USER, ['COMMON_PASSWORD']],
    ['on the Chinese list', 'Woaini1314', USER, ['COMMON_PASSWORD']],
    ['Chinese keyboard walk', '1qaz@WSX', USER, ['COMMON_PASSWORD']],
    ['trailing digits and symbol', 'Password123!', USER, ['COMMON_PASSWORD']],
    ['trailing symbol after a listed password', 'Aa123456!', USER, ['COMMON_PASSWORD']],
    ['leading symbol and trailing year', '!Password2024', USER, ['COMMON_PASSWORD']],
    ['full-width characters', 'Ｐ＠ｓｓｗ０ｒｄ', USER, ['COMMON_PASSWORD']],
    ['vendor default', 'Huawei@123', USER, ['COMMON_PASSWORD']],
    // Username and display name.
    [
      'equal to the username',
      'Zhang.San-2024',
      { username: 'zhang.san-2024' },
      ['EQUALS_USERNAME'],
    ],
    [
      'equal to the display name',
      'Wang Fang 2024!',
      { username: 'wf01', displayName: 'wang fang 2024!' },
      ['EQUALS_USERNAME'],
    ],
    ['containing the username', 'Xx-ZhangSan-99', USER, ['CONTAINS_USERNAME']],
    [
      'containing a 4-character username',
      'Abcd-Secure#7',
      { username: 'abcd' },
      ['CONTAINS_USERNAME'],
    ],
    ['containing a Chinese display name', '张三Secure#2024', USER, ['CONTAINS_USERNAME']],
    [
      'containing part of a display name',
      'Smith-Secure#7',
      { username: 'u1', displayName: 'John Smith' },
      ['CONTAINS_USERNAME'],
    ],
    // Predictable patterns: too little left once walks, sequences, repeats, years and names go.
    ['one of each class, then a repeat (issue 15)', 'Aa1aaaaa', USER, ['PREDICTABLE_PATTERN']],
    ['a repeated chunk', 'Aa1!Aa1!', USER, ['PREDICTABLE_PATTERN']],
    ['keyboard rows and a year', 'Qwer!2026Asdf', USER, ['PREDICTABLE_PATTERN']],
    ['shifted keyboard columns', 'Qaz!Wsx#Edc9', USER, ['PREDICTABLE_PATTERN']],
    ['columns from the bottom up', 'Zaq1@Wsx', USER, ['PREDICTABLE_PATTERN']],
    ['the bottom row backwards and a year', 'Mnbvcxz#2026', USER, ['PREDICTABLE_PATTERN']],
    ['alphabet and digit sequences', 'Abcdefg#123', USER, ['PREDICTABLE_PATTERN']],
    ['a sequence with a short word', 'P@ss1234', USER, ['PREDICTABLE_PATTERN']],
    [
      'the demo password with another year',
      'Hubei@Demo2027',
      DEMO_CONTEXT,
      ['PREDICTABLE_PATTERN'],
    ],
    ['the demo password in leetspeak', 'Hub3i#D3mo2026', DEMO_CONTEXT, ['PREDICTABLE_PATTERN']],
    ['the demo password reordered', 'Demo#Hubei2026', DEMO_CONTEXT, ['PREDICTABLE_PATTERN']],
    ['name parts and a year', 'Wei#Wang2026', WANG_WEI, ['PREDICTABLE_PATTERN']],
    ['the username without its dot', 'Qm#Wangwei#7x', WANG_WEI, ['CONTAINS_USERNAME']],
    // Control and invisible characters.
    ['NUL', 'Gxq\u0000kzm739!', USER, ['CONTROL_CHARACTERS']],
    ['tab', 'Gxq\tkzm739!x', USER, ['CONTROL_CHARACTERS']],
    ['newline', 'Gx7#pQ2m\n', USER, ['CONTROL_CHARACTERS']],
    ['right-to-left override', 'Gxqk\u202Ezmw739', USER, ['CONTROL_CHARACTERS']],
    ['zero-width space', 'Gxqk\u200Bzmw739', USER, ['CONTROL_CHARACTERS']],
    ['lone surrogate', 'Gxqk\ud800zmw739', USER, ['CONTROL_CHARACTERS']],
    // Several at once.
    ['123456', '123456', USER, ['TOO_SHORT', 'TOO_FEW_CHARACTER_CLASSES', 'COMMON_PASSWORD']],
    ['password', 'password', USER, ['TOO_FEW_CHARACTER_CLASSES', 'COMMON_PASSWORD']],
    [
      'the username itself (a common name too)',
      'zhangsan',
      USER,
      ['TOO_FEW_CHARACTER_CLASSES', 'EQUALS_USERNAME', 'COMMON_PASSWORD'],
    ],
    ['empty', '', USER, ['TOO_SHORT', 'TOO_FEW_CHARACTER_CLASSES']],
  ])('%s: %j', (_label, password, context, expected) => {
    expect(codes(password, context)).toEqual(expected);
  });

  it.each<[string, string, PasswordPolicyContext]>([
    ['mixed ASCII', 'Zq8!mK2#vL9@', USER],
    ['Chinese, upper, lower, digits', '我的密码Secure2024', USER],
    ['Chinese counts as the fourth class', '督办系统2024年度ok', USER],
    ['a Chinese poem line with a digit and a letter', '春眠不觉晓处处闻啼鸟1a', USER],
    ['a passphrase', 'Correct horse battery staple 9', USER],
    ['accented letters', 'Ünïcødé-Pässwörd-42', USER],
    ['exactly 8 characters', 'Gx7#pQ2m', USER],
    ['exactly 128 characters', `Aa1!${'Zq8m'.repeat(31)}`, USER],
    ['short username may appear', 'Abc!7Kq9xmzw', { username: 'abc' }],
    ['short name parts may appear', 'Lina-Secure#7', { username: 'u1', displayName: 'Li Na' }],
    ['a single Chinese character of the name may appear', '三Secure#2024', USER],
    ['a common word inside a longer password', 'MyDragonFlies#42', USER],
    ['a keyboard walk among enough other characters', 'Qwer#Tk7mZp', USER],
    ['a demo password word among enough other characters', 'Quality#Hubei2026', DEMO_CONTEXT],
  ])('accepts %s: %j', (_label, password, context) => {
    expect(checkPasswordPolicy(password, context)).toEqual([]);
  });

  it('reports each violation with its Chinese message', () => {
    const [tooShort] = checkPasswordPolicy('Ab1!', USER);
    expect(tooShort).toEqual({ code: 'TOO_SHORT', message: '密码长度至少为 8 位。' });
    for (const violation of checkPasswordPolicy('123456', USER)) {
      expect(violation.message).toBe(PASSWORD_POLICY_MESSAGES_ZH[violation.code]);
      expect(violation.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never throws, and reports only known codes, for any string', () => {
    const known = Object.keys(PASSWORD_POLICY_MESSAGES_ZH);
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 140 }),
          fc.string({ unit: anyCodeUnit, maxLength: 140 }),
        ),
        fc.string({ maxLength: 20 }),
        (password, username) => {
          for (const violation of checkPasswordPolicy(password, { username })) {
            expect(known).toContain(violation.code);
          }
        },
      ),
    );
  });
});

describe('formatViolations', () => {
  it('joins the messages for display', () => {
    expect(formatViolations(checkPasswordPolicy('password', USER))).toBe(
      PASSWORD_POLICY_MESSAGES_ZH.TOO_FEW_CHARACTER_CLASSES +
        PASSWORD_POLICY_MESSAGES_ZH.COMMON_PASSWORD,
    );
    expect(formatViolations([])).toBe('');
  });
});

describe('PASSWORD_POLICY_DESCRIPTION_ZH', () => {
  it('is one Chinese paragraph stating the limits', () => {
    expect(PASSWORD_POLICY_DESCRIPTION_ZH).not.toContain('\n');
    expect(PASSWORD_POLICY_DESCRIPTION_ZH).toContain('8');
    expect(PASSWORD_POLICY_DESCRIPTION_ZH).toContain(String(MAX_PASSWORD_LENGTH));
    expect(PASSWORD_POLICY_DESCRIPTION_ZH).toContain('用户名');
  });
});
