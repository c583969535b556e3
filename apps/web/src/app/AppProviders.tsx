import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n, toAppLanguage, type AppLanguage } from '../i18n';
import { appTheme } from '../theme/theme';

const ANTD_LOCALES: Record<AppLanguage, ConfigProviderProps['locale']> = {
  'zh-CN': zhCN,
  'en-US': enUS,
};

function LocalizedProviders({ client, children }: AppProvidersProps) {
  const { i18n: active } = useTranslation();
  const language = toAppLanguage(active.resolvedLanguage);
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={appTheme}>
      <AntdApp>
        <ApolloProvider client={client}>{children}</ApolloProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

export interface AppProvidersProps {
  client: ApolloClient;
  children: ReactNode;
}

/** i18n, Ant Design (theme + locale following the UI language) and the GraphQL client. */
export function AppProviders({ client, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedProviders client={client}>{children}</LocalizedProviders>
    </I18nextProvider>
  );
}
