/** Languages the UI ships with; the first one is the default and the fallback. */
export const SUPPORTED_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type AppLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: AppLanguage = 'zh-CN';

/** localStorage key holding the user's explicit language choice. */
export const LANGUAGE_STORAGE_KEY = 'duty.language';

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Maps whatever i18next reports (e.g. `en`, `zh`, undefined) to a supported language. */
export function toAppLanguage(value: string | undefined): AppLanguage {
  if (isAppLanguage(value)) return value;
  if (value?.toLowerCase().startsWith('en')) return 'en-US';
  return DEFAULT_LANGUAGE;
}

/** The stored choice, or the default. Chinese is the default whatever the browser says. */
export function readStoredLanguage(): AppLanguage {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isAppLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked (privacy mode, policy): use the default
  }
}

export function storeLanguage(language: AppLanguage): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
