import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationSearch } from '../../../app/navigation';
import { useRouteParams } from '../../../app/routes';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { WorkbenchSectionKey } from '../../../graphql/generated/graphql';
import { AppLink } from '../../overview/components/AppLink';
import { WorkbenchItemView } from '../components/WorkbenchItemView';
import { useWorkbenchSection } from '../hooks/useWorkbench';
import { parseSectionKey } from '../utils/sections';

const PAGE_SIZE = 20;

/** `/workbench/<key>`: every item of one workbench section, a page at a time. */
export function WorkbenchSectionPage() {
  const { t } = useTranslation();
  const { section: param } = useRouteParams();
  const key = parseSectionKey(param);
  if (!key) {
    return (
      <Result
        status="404"
        title={t('workbench.title')}
        extra={<AppLink to="/workbench">{t('workbench.back')}</AppLink>}
      />
    );
  }
  return <SectionList key={key} sectionKey={key} />;
}

function SectionList({ sectionKey }: { sectionKey: WorkbenchSectionKey }) {
  const { t } = useTranslation();
  const search = useLocationSearch();
  const cycleId = search.get('cycleId') ?? undefined;
  const [page, setPage] = useState(1);
  const { section, loading, error, retry } = useWorkbenchSection(
    sectionKey,
    cycleId,
    page,
    PAGE_SIZE,
  );

  let content: React.ReactNode;
  if (error && !loading) content = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!section) content = <PageLoading rows={8} />;
  else if (section.count === 0)
    content = <Empty description={t(`workbench.sections.${sectionKey}.empty`)} />;
  else
    content = (
      <List
        data-testid="workbench-section-list"
        loading={loading}
        dataSource={section.items}
        rowKey={(item) => item.id}
        renderItem={(item) => (
          <List.Item>
            <WorkbenchItemView item={item} section={sectionKey} today={section.today} />
          </List.Item>
        )}
        pagination={
          section.count > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: section.count,
                onChange: setPage,
                showSizeChanger: false,
              }
            : false
        }
      />
    );

  return (
    <Flex vertical gap="middle">
      <div>
        <AppLink to={`/workbench${cycleId ? `?cycleId=${encodeURIComponent(cycleId)}` : ''}`}>
          <ArrowLeftOutlined /> {t('workbench.back')}
        </AppLink>
        <Typography.Title level={3} style={{ marginTop: 8, marginBottom: 4 }}>
          {t(`workbench.sections.${sectionKey}.title`)}
        </Typography.Title>
        {section && (
          <Typography.Text type="secondary" data-testid="workbench-section-total">
            {t('workbench.total', { count: section.count })}
          </Typography.Text>
        )}
      </div>
      <Card size="small">{content}</Card>
    </Flex>
  );
}
