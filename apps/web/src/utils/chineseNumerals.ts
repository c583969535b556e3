const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 14 → 十四, 40 → 四十, 42 → 四十二 (as in 第四十二条); other numbers as digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The number as the regulation writes it in the UI language (Chinese numerals for Chinese). */
export function regulationNumber(n: number, language: string): string {
  return language.startsWith('zh') ? chineseNumeral(n) : String(n);
}
