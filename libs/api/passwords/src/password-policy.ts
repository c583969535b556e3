import { foldForComparison, loadCommonPasswords } from './common-passwords';
import { unpredictableLength } from './predictable-parts';

/**
 * The password policy (GB/T 22239-2019, level 3: 身份鉴别信息具有复杂度要求并定期更换).
 *
 * Decisions, so that the UI and the audit can say exactly what is checked:
 * - Length is counted in Unicode code points of the NFC-normalised password (一个汉字或一个
 *   emoji 计 1 位), 8 to 128. Nothing is trimmed: spaces count, and passphrases are welcome.
 * - Character classes: lower-case letters are Unicode `Ll`, upper-case letters `Lu`/`Lt`
 *   (so é and É count as letters of their case), digits are `Nd` (any script's decimal
 *   digits); everything else is "other": ASCII symbols, spaces, punctuation, and letters of
 *   scripts without case such as Chinese characters. At least 3 of the 4 classes are needed.
 * - Common passwords: the password is folded (NFKC, so full-width characters match their
 *   ASCII forms, then lower case) and rejected when, on the lists in ./data, there is the
 *   password itself or what remains of it (at least 4 characters) after removing leading or
 *   trailing symbols, or leading or trailing digits and symbols: `Password123!`, `!Password`,
 *   `Aa123456!` and `Woaini1314` are rejected like `password`, `aa123456` and `woaini`.
 *   Leetspeak is not undone; its most common forms (p@ssw0rd…) are on the lists themselves.
 * - Username and name: the password must not equal the username or the display name
 *   (case-insensitively, after the same folding), nor contain the username, or the username
 *   without its separators (wang.wei → wangwei), when it has at least 4 characters, nor
 *   contain the display name or a space-separated part of it when that has at least 4
 *   characters, or at least 2 when it contains Chinese characters (张伟).
 * - Predictable patterns: at least 4 characters must remain once keyboard walks (qwer, 1qaz),
 *   sequences (abcd, 4321), repetitions (Aa1aaaaa, Aa1!Aa1!), years, the user's names and the
 *   caller's context words (e.g. the parts of the documented demo password, so that
 *   Hubei@Demo2027 is refused) are set aside; see ./predictable-parts.ts. Reported only when
 *   the password is not already refused as common or as the username.
 * - Control characters: C0/C1 controls, lone surrogates, line/paragraph separators and the
 *   invisible format characters U+200B–U+200F, U+202A–U+202E, U+2060–U+206F and U+FEFF are
 *   refused: they cannot be typed reliably and make a password look other than it is.
 *
 * Every violation is reported, not only the first, so the UI can show them all at once.
 */

export type PasswordPolicyViolationCode =
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_FEW_CHARACTER_CLASSES'
  | 'COMMON_PASSWORD'
  | 'CONTAINS_USERNAME'
  | 'EQUALS_USERNAME'
  | 'PREDICTABLE_PATTERN'
  | 'CONTROL_CHARACTERS';

export interface PasswordPolicyViolation {
  code: PasswordPolicyViolationCode;
  /** For the user, in Chinese, e.g. '密码长度至少为 8 位。' */
  message: string;
}

export interface PasswordPolicyContext {
  username: string;
  displayName?: string;
  /**
   * Words an attacker would try first on this system besides the user's names (the parts of
   * a documented demo password, the product's name): counted as predictable parts.
   */
  contextWords?: readonly string[];
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const MIN_CHARACTER_CLASSES = 3;
/** A username at least this long (in code points) must not appear inside the password. */
export const MIN_CONTAINED_NAME_LENGTH = 4;
/** The same for a display name with Chinese characters. */
export const MIN_CONTAINED_HAN_NAME_LENGTH = 2;
/** A remainder shorter than this, after stripping digits and symbols, is not looked up. */
const MIN_STRIPPED_LENGTH = 4;
/** Characters that must remain once predictable parts are set aside. */
export const MIN_UNPREDICTABLE_CHARACTERS = 4;
/** Name parts at least this long count as predictable parts. */
const MIN_PREDICTABLE_NAME_LENGTH = 3;

export const PASSWORD_POLICY_MESSAGES_ZH: Readonly<Record<PasswordPolicyViolationCode, string>> = {
  TOO_SHORT: `密码长度至少为 ${MIN_PASSWORD_LENGTH} 位。`,
  TOO_LONG: `密码长度不能超过 ${MAX_PASSWORD_LENGTH} 位。`,
  TOO_FEW_CHARACTER_CLASSES: `密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${MIN_CHARACTER_CLASSES} 类。`,
  COMMON_PASSWORD: '该密码是常见弱口令或其简单变形，容易被猜中，请换一个。',
  CONTAINS_USERNAME: '密码不能包含用户名或姓名。',
  EQUALS_USERNAME: '密码不能与用户名或姓名相同。',
  PREDICTABLE_PATTERN:
    '密码主要由键盘连续键（如 qwer、1qaz）、连续或重复字符（如 abcd、1234、aaaa）、年份、姓名或演示密码的组成部分构成，容易被猜中，请加入更多无规律的字符。',
  CONTROL_CHARACTERS: '密码不能包含控制字符或不可见字符。',
};

/** One paragraph for the UI, next to the new-password field. */
export const PASSWORD_POLICY_DESCRIPTION_ZH =
  `密码长度为 ${MIN_PASSWORD_LENGTH} 至 ${MAX_PASSWORD_LENGTH} 位（每个汉字计 1 位，空格也计入），` +
  `须包含大写字母、小写字母、数字、特殊字符四类中的至少 ${MIN_CHARACTER_CLASSES} 类` +
  '（汉字等不分大小写的文字计为特殊字符）；不能与用户名或姓名相同，不能包含用户名或姓名；' +
  '不能使用常见弱口令，也不能只在常见弱口令前后加数字或符号（如 123456、5201314、' +
  'P@ssw0rd、Password123!、Woaini1314）；除去键盘连续键（如 qwer、1qaz）、连续或重复字符' +
  `（如 abcd、1234、aaaa）、年份、姓名和演示密码的组成部分后，至少还要有 ${MIN_UNPREDICTABLE_CHARACTERS} 个字符；` +
  '不能包含控制字符或不可见字符。';

const LOWER = /\p{Ll}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const DIGIT = /\p{Nd}/u;
const OTHER = /[^\p{Ll}\p{Lu}\p{Lt}\p{Nd}]/u;
const CONTROL = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/u;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Checks a new password against the policy; an empty array means it is acceptable. */
export function checkPasswordPolicy(
  password: string,
  context: PasswordPolicyContext,
): PasswordPolicyViolation[] {
  const codes: PasswordPolicyViolationCode[] = [];
  const normalized = password.normalize('NFC');
  const length = codePoints(normalized).length;

  if (CONTROL.test(normalized)) codes.push('CONTROL_CHARACTERS');
  if (length < MIN_PASSWORD_LENGTH) codes.push('TOO_SHORT');
  if (length > MAX_PASSWORD_LENGTH) codes.push('TOO_LONG');
  if (characterClasses(normalized) < MIN_CHARACTER_CLASSES) {
    codes.push('TOO_FEW_CHARACTER_CLASSES');
  }
  // An overlong input is refused already; the remaining checks need not scan it.
  if (length <= MAX_PASSWORD_LENGTH) {
    const folded = foldForComparison(normalized);
    const names = nameChecks(context);
    const equalsName = names.some((name) => folded === name.value);
    if (equalsName) {
      codes.push('EQUALS_USERNAME');
    } else if (names.some((name) => name.mayNotContain && folded.includes(name.value))) {
      codes.push('CONTAINS_USERNAME');
    }
    const common = isCommonOrVariant(folded);
    if (common) codes.push('COMMON_PASSWORD');
    if (!common && !equalsName && length >= MIN_UNPREDICTABLE_CHARACTERS) {
      const words = [
        ...names.map((name) => name.value),
        ...(context.contextWords ?? []).map(foldForComparison),
      ].filter((word) => codePoints(word).length >= MIN_PREDICTABLE_NAME_LENGTH || HAN.test(word));
      if (unpredictableLength(codePoints(folded), { words }) < MIN_UNPREDICTABLE_CHARACTERS) {
        codes.push('PREDICTABLE_PATTERN');
      }
    }
  }
  return codes.map((code) => ({ code, message: PASSWORD_POLICY_MESSAGES_ZH[code] }));
}

/** The violations' messages as one text for the UI ('' when there are none). */
export function formatViolations(violations: readonly PasswordPolicyViolation[]): string {
  return violations.map((violation) => violation.message).join('');
}

function codePoints(text: string): string[] {
  return Array.from(text);
}

function characterClasses(text: string): number {
  return [LOWER, UPPER, DIGIT, OTHER].filter((pattern) => pattern.test(text)).length;
}

interface NameCheck {
  value: string;
  /** Whether the password may not contain it (long enough to be meaningful). */
  mayNotContain: boolean;
}

function nameChecks(context: PasswordPolicyContext): NameCheck[] {
  const checks: NameCheck[] = [];
  const username = foldForComparison(context.username ?? '').trim();
  if (username !== '') {
    // wang.wei is also typed wangwei, and its parts are names too.
    const compact = username.replace(/[._-]+/gu, '');
    for (const value of new Set([username, compact])) {
      if (value === '') continue;
      checks.push({
        value,
        mayNotContain: codePoints(value).length >= MIN_CONTAINED_NAME_LENGTH,
      });
    }
    for (const part of new Set(username.split(/[._-]+/u))) {
      if (part !== '' && part !== username) checks.push({ value: part, mayNotContain: false });
    }
  }
  const displayName = foldForComparison(context.displayName ?? '').trim();
  if (displayName !== '') {
    const parts = new Set([displayName, ...displayName.split(/[\s·・.]+/u)]);
    for (const part of parts) {
      if (part === '') continue;
      const minimum = HAN.test(part) ? MIN_CONTAINED_HAN_NAME_LENGTH : MIN_CONTAINED_NAME_LENGTH;
      checks.push({
        value: part,
        mayNotContain: codePoints(part).length >= minimum,
      });
    }
  }
  return checks;
}

function isCommonOrVariant(folded: string): boolean {
  const common = loadCommonPasswords();
  if (common.has(folded)) return true;
  const chars = codePoints(folded);
  const notSymbol = (c: string) => LETTER_OR_DIGIT.test(c);
  const letter = (c: string) => LETTER.test(c);
  const variants = [
    strip(chars, notSymbol, 'end'),
    strip(chars, notSymbol, 'start'),
    strip(chars, letter, 'end'),
    strip(chars, letter, 'start'),
    strip(strip(chars, letter, 'start'), letter, 'end'),
  ];
  return variants.some(
    (variant) => variant.length >= MIN_STRIPPED_LENGTH && common.has(variant.join('')),
  );
}

/** Removes characters failing `keep` from one end, up to the first that passes. */
function strip(chars: string[], keep: (c: string) => boolean, end: 'start' | 'end'): string[] {
  let from = 0;
  let to = chars.length;
  if (end === 'start') {
    while (from < to && !keep(chars[from])) from += 1;
  } else {
    while (to > from && !keep(chars[to - 1])) to -= 1;
  }
  return chars.slice(from, to);
}
