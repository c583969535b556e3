import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { SystemInfoDescriptions } from '../components/SystemInfoDescriptions';
import { useSystemInfo } from '../hooks/useSystemInfo';

/** 关于系统: what the product is and the facts of this installation (every signed-in user). */
export function AboutPage() {
  const { t } = useTranslation();
  const { systemInfo, loading, error, retry } = useSystemInfo();

  let body;
  if (error && !loading) body = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!systemInfo) body = <PageLoading rows={4} />;
  else body = <SystemInfoDescriptions info={systemInfo} />;

  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('about.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.subtitle')}</Typography.Text>
      </div>
      <Card title={t('home.systemInfo.title')}>{body}</Card>
    </Flex>
  );
}
