import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/format';
import type { ApiTokenRow } from '../hooks/useApiTokens';

const STATUS_COLOURS: Record<string, string> = {
  ACTIVE: 'green',
  EXPIRED: 'default',
  REVOKED: 'red',
};

export function ApiTokenTable({
  tokens,
  loading,
  onRevoke,
}: {
  tokens: readonly ApiTokenRow[];
  loading: boolean;
  onRevoke: (token: ApiTokenRow) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const time = (value: string) => formatDateTime(value, language);
  const columns: ColumnsType<ApiTokenRow> = [
    {
      key: 'name',
      title: t('apiTokens.columns.name'),
      render: (_, token) => (
        <Flex vertical>
          <Typography.Text strong>{token.name}</Typography.Text>
          <Typography.Text type="secondary" code>
            {token.tokenPrefix}…
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'scopes',
      title: t('apiTokens.columns.scopes'),
      render: (_, token) => (
        <Flex vertical gap={4} align="start">
          {token.scopes.map((scope) => (
            <Tag key={scope}>{t(`apiTokens.scopes.${scope}`)}</Tag>
          ))}
          <Typography.Text type="secondary">
            {t('apiTokens.rateLimit', { count: token.rateLimitPerMinute })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'unit', title: t('apiTokens.columns.unit'), render: (_, token) => token.unit.name },
    {
      key: 'status',
      title: t('apiTokens.columns.status'),
      render: (_, token) => (
        <Flex vertical align="start" gap={4}>
          <Tag color={STATUS_COLOURS[token.status]}>{t(`apiTokens.status.${token.status}`)}</Tag>
          {token.revokedAt && (
            <Typography.Text type="secondary">
              {t('apiTokens.revokedBy', {
                user: token.revokedBy ?? '',
                time: time(token.revokedAt),
              })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'created',
      title: t('apiTokens.columns.createdAt'),
      render: (_, token) => (
        <Flex vertical>
          <span>{time(token.createdAt)}</span>
          <Typography.Text type="secondary">{token.createdBy}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'expiresAt',
      title: t('apiTokens.columns.expiresAt'),
      render: (_, token) => time(token.expiresAt),
    },
    {
      key: 'lastUsedAt',
      title: t('apiTokens.columns.lastUsedAt'),
      render: (_, token) => (token.lastUsedAt ? time(token.lastUsedAt) : t('apiTokens.neverUsed')),
    },
    {
      key: 'useCount',
      title: t('apiTokens.columns.useCount'),
      align: 'right',
      render: (_, token) => token.useCount,
    },
    {
      key: 'actions',
      title: t('apiTokens.columns.actions'),
      render: (_, token) =>
        token.status === 'REVOKED' ? null : (
          <Popconfirm
            title={t('apiTokens.revoke.confirmTitle', { name: token.name })}
            description={t('apiTokens.revoke.confirmText')}
            okText={t('apiTokens.revoke.ok')}
            cancelText={t('apiTokens.revoke.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(token)}
          >
            <Button danger size="small">
              {t('apiTokens.revoke.action')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<ApiTokenRow>
      rowKey="id"
      columns={columns}
      dataSource={tokens as ApiTokenRow[]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('apiTokens.empty') }}
    />
  );
}
