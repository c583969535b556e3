const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 40 → 四十, 42 → 四十二 (as chapter and article numbers are written). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The number as chapters are numbered in the UI language: 第三章 / Chapter 3. */
export function chapterNumeral(n: number, language: string): string {
  return language.startsWith('zh') ? chineseNumber(n) : String(n);
}
