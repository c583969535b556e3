/** Calendar days follow the app-wide rule (utils/format): `2025年12月31日` / `December 31, 2025`. */
export { formatDay } from '../../../utils/format';
/** Bytes as the unit and value to show (`{ unit: 'KB', value: '12.5' }`), localised digits. */
export function fileSizeParts(
  bytes: number,
  language: string,
): { unit: 'B' | 'KB' | 'MB'; value: string } {
  const number = (n: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * 1024) return { unit: 'MB', value: number(bytes / 1024 / 1024) };
  if (bytes >= 1024) return { unit: 'KB', value: number(bytes / 1024) };
  return { unit: 'B', value: number(bytes) };
}
