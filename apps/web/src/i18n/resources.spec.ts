import { defaultErrorMessagesZh, ErrorCode } from '@duty/shared/errors';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from './languages';
import { resources, NAMESPACE } from './resources';

type Tree = { [key: string]: string | Tree };

/** Flattens nested texts to `a.b.c` → value. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort();

const flat = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((lng) => [lng, flatten(resources[lng][NAMESPACE] as Tree)]),
);
const reference = flat[DEFAULT_LANGUAGE];

describe('i18n resources', () => {
  it('bundles every supported language', () => {
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(reference.size).toBeGreaterThan(10);
  });

  it.each(SUPPORTED_LANGUAGES)('%s has exactly the keys of the default language', (lng) => {
    expect([...flat[lng].keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it.each(SUPPORTED_LANGUAGES)('%s has a non-empty string for every key', (lng) => {
    const bad = [...flat[lng]].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it.each(SUPPORTED_LANGUAGES)('%s uses the same {{placeholders}} as the default', (lng) => {
    for (const [key, text] of reference) {
      expect([key, placeholders(String(flat[lng].get(key)))]).toEqual([
        key,
        placeholders(String(text)),
      ]);
    }
  });

  it('has a message for every shared error code, the Chinese ones from the shared list', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(reference.get(`errors.${code}`)).toBe(defaultErrorMessagesZh[code]);
      for (const lng of SUPPORTED_LANGUAGES) expect(flat[lng].has(`errors.${code}`)).toBe(true);
    }
  });
});
