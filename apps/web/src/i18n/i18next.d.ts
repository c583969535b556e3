import 'i18next';
import type { zhCN } from './locales/zh-CN';

// Typed keys: `t('home.title')` is checked against the Chinese texts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
