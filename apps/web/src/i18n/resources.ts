import type { AppLanguage } from './languages';
import { enUS } from './locales/en-US';
import { zhCN, type LocaleMessages } from './locales/zh-CN';

export const NAMESPACE = 'translation';

/** Bundled texts: both locales are small, so they ship in the main chunk (no loading flash). */
export const resources: Record<AppLanguage, { [NAMESPACE]: LocaleMessages }> = {
  'zh-CN': { [NAMESPACE]: zhCN },
  'en-US': { [NAMESPACE]: enUS },
};
