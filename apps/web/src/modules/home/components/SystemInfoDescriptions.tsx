import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { SystemInfo } from '../graphql/types';
import { isKnownDatabaseMode } from '../utils/databaseMode';

export function SystemInfoDescriptions({ info }: { info: SystemInfo }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const items: DescriptionsProps['items'] = [
    { key: 'productName', label: t('home.systemInfo.productName'), children: info.productName },
    { key: 'version', label: t('home.systemInfo.version'), children: info.version },
    {
      key: 'databaseServerVersion',
      label: t('home.systemInfo.databaseServerVersion'),
      children: info.databaseServerVersion,
    },
    {
      key: 'databaseMode',
      label: t('home.systemInfo.databaseMode'),
      children: isKnownDatabaseMode(info.databaseMode)
        ? t(`home.systemInfo.databaseModes.${info.databaseMode}`)
        : info.databaseMode,
    },
    {
      key: 'appliedMigrations',
      label: t('home.systemInfo.appliedMigrations'),
      children: info.appliedMigrations,
    },
    {
      key: 'demoDataLoadedAt',
      label: t('home.systemInfo.demoDataLoadedAt'),
      children: info.demoDataLoadedAt
        ? formatDateTime(info.demoDataLoadedAt, language)
        : t('home.systemInfo.demoDataNotLoaded'),
    },
  ];
  return <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />;
}
