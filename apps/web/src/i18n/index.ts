import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  readStoredLanguage,
  storeLanguage,
  toAppLanguage,
  type AppLanguage,
} from './languages';
import { NAMESPACE, resources } from './resources';

export * from './languages';

/** The app's i18next instance, initialised synchronously from the bundled resources. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
});

function syncDocument(language: string | undefined): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = toAppLanguage(language);
  document.title = i18n.t('app.productName');
}

syncDocument(i18n.resolvedLanguage);
i18n.on('languageChanged', syncDocument);

/** Switches the UI language and remembers the choice in localStorage. */
export async function changeAppLanguage(language: AppLanguage): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
