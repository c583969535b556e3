/** Points as shown in tables: up to two decimals, in the UI language's digits grouping. */
export function formatPoints(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}
