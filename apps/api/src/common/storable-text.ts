/**
 * Characters no text input may hold: NUL (PostgreSQL text cannot store it) and a lone UTF-16
 * surrogate (no Unicode character: UTF-8 cannot encode it and jsonb refuses its escape).
 * Both used to reach the database and come back as INTERNAL_ERROR.
 */
const UNSTORABLE = /\0|\p{Cs}/u;

/** What a person is told about a refused field. */
export const UNSTORABLE_TEXT_MESSAGE = '含有空字符（NUL）或不完整的 Unicode 字符，请删除后重试。';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The paths (`input.changes.0.reason`) of the strings, object keys included, in a JSON-like
 * value that are not storable text.
 */
export function unstorableTextPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => unstorableTextPaths(item, join(path, String(index))));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      isStorableText(key) ? unstorableTextPaths(item, join(path, key)) : [join(path, key)],
    );
  }
  return [];
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
