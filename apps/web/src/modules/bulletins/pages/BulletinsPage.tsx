import { App, Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { GenerateBulletinDialog } from '../components/GenerateBulletinDialog';
import type { BulletinListItem } from '../graphql/types';
import { useBulletinList } from '../hooks/useBulletins';
import { downloadBulletin } from '../utils/downloadBulletin';
import { canGenerate } from '../utils/permissions';
import { personText } from '../../../components/PersonName';

/** /bulletins: the bulletins of a cycle, and 生成通报 for supervisors. */
export function BulletinsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const {
    cycles,
    cycle,
    loaded: cyclesLoaded,
    error: cycleError,
    retry: retryCycles,
  } = useCycles(search.get('cycleId'));
  const { bulletins, loaded, error, retry } = useBulletinList(cycle?.id);
  const [generating, setGenerating] = useState(false);
  const supervisor = canGenerate(user.role);
  const language = i18n.resolvedLanguage ?? i18n.language;

  const download = async (b: BulletinListItem) => {
    const failure = await downloadBulletin(b.downloadPath, `${b.title}.docx`);
    if (failure) void message.error(errorText(failure));
  };

  let body;
  if (cycleError) body = <QueryErrorAlert error={cycleError} onRetry={retryCycles} />;
  else if (error) body = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!cyclesLoaded || (cycle && !loaded)) body = <PageLoading rows={6} />;
  else if (!cycle) body = <Empty description={t('bulletins.noCycle')} />;
  else
    body = (
      <Table<BulletinListItem>
        rowKey="id"
        dataSource={bulletins}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('bulletins.empty')} /> }}
        columns={[
          {
            key: 'period',
            title: t('bulletins.columns.period'),
            render: (_, b) => (
              <Space orientation="vertical" size={0}>
                <span>{b.periodLabel}</span>
                <Typography.Text type="secondary">
                  {t(`bulletins.periodKind.${b.periodKind}`)}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'scope', title: t('bulletins.columns.scope'), dataIndex: 'scopeUnitName' },
          {
            key: 'title',
            title: t('bulletins.columns.title'),
            render: (_, b) => (
              <Typography.Link onClick={() => navigate(`/bulletins/${encodeURIComponent(b.id)}`)}>
                {b.title}
              </Typography.Link>
            ),
          },
          {
            key: 'status',
            title: t('bulletins.columns.status'),
            render: (_, b) => (
              <Tag color={b.status === 'PUBLISHED' ? 'green' : 'default'}>
                {t(`bulletins.status.${b.status}`)}
              </Tag>
            ),
          },
          {
            key: 'number',
            title: t('bulletins.columns.number'),
            render: (_, b) => b.number ?? '—',
          },
          {
            key: 'published',
            title: t('bulletins.columns.published'),
            render: (_, b) =>
              b.publishedAt
                ? `${formatDateTime(b.publishedAt, language)} ${personText(b.publisher, b.publishedBy)}`
                : '—',
          },
          {
            key: 'sha256',
            title: t('bulletins.columns.sha256'),
            render: (_, b) =>
              b.sha256 ? (
                <Typography.Text code copyable={{ text: b.sha256 }} title={b.sha256}>
                  {b.sha256.slice(0, 12)}…
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            title: t('bulletins.columns.actions'),
            render: (_, b) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => navigate(`/bulletins/${encodeURIComponent(b.id)}`)}
                >
                  {t('bulletins.actions.view')}
                </Button>
                {b.status === 'PUBLISHED' && (
                  <Button size="small" onClick={() => void download(b)}>
                    {t('bulletins.actions.download')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    );

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('bulletins.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {supervisor ? t('bulletins.subtitle') : t('bulletins.readerSubtitle')}
          </Typography.Text>
        </div>
        <Flex align="center" gap="small" wrap>
          {cycles.length > 0 && (
            <>
              <Typography.Text>{t('common.cycle.label')}</Typography.Text>
              <CycleSelect
                cycles={cycles}
                value={cycle?.id}
                onChange={(id) =>
                  navigate(`/bulletins${id ? `?cycleId=${encodeURIComponent(id)}` : ''}`)
                }
                style={{ minWidth: 260 }}
              />
            </>
          )}
          {supervisor && cycle && (
            <Button type="primary" onClick={() => setGenerating(true)}>
              {t('bulletins.generate')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card>{body}</Card>
      {supervisor && cycle && (
        <GenerateBulletinDialog
          open={generating}
          cycleId={cycle.id}
          provincial={user.role === 'PROVINCIAL_SUPERVISOR'}
          onClose={() => setGenerating(false)}
          onGenerated={(b) => {
            setGenerating(false);
            navigate(`/bulletins/${encodeURIComponent(b.id)}`);
          }}
        />
      )}
    </Flex>
  );
}
