const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID written 8-4-4-4-12 in hexadecimal (either case). Checked before an id reaches a
 * `uuid` column, where PostgreSQL would reject anything else with an error instead of no row.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
