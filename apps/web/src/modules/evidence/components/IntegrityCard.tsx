import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { IntegrityState } from '../hooks/useEvidenceIntegrity';

const STATUS_COLORS = { ok: 'success', problems: 'error', not_run: 'default' } as const;

/** The last run of the evidence storage check (`/ready` → details.evidenceIntegrity). */
export function IntegrityCard({
  state,
  onRefresh,
}: {
  state: IntegrityState;
  onRefresh: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const title = (
    <Flex align="center" gap={8}>
      <SafetyCertificateOutlined />
      <span>{t('evidence.integrity.title')}</span>
      {state.kind === 'loaded' && (
        <Tag color={STATUS_COLORS[state.integrity.status]}>
          {t(`evidence.integrity.status.${state.integrity.status}`)}
        </Tag>
      )}
    </Flex>
  );
  const extra = (
    <Button
      size="small"
      icon={<ReloadOutlined />}
      onClick={onRefresh}
      loading={state.kind === 'loading'}
    >
      {t('evidence.integrity.refresh')}
    </Button>
  );

  let body: React.ReactNode;
  if (state.kind === 'loading') {
    body = (
      <div role="status" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton active title={false} paragraph={{ rows: 1 }} />
      </div>
    );
  } else if (state.kind === 'unavailable') {
    body = <Alert type="warning" showIcon title={t('evidence.integrity.unavailable')} />;
  } else if (state.integrity.status === 'not_run') {
    body = <Typography.Text type="secondary">{t('evidence.integrity.notRunHint')}</Typography.Text>;
  } else {
    const run = state.integrity;
    const problem = (n: number) => (
      <Typography.Text type={n > 0 ? 'danger' : undefined} strong={n > 0}>
        {number(n)}
      </Typography.Text>
    );
    const source =
      run.source === 'cli' || run.source === 'schedule'
        ? t(`evidence.integrity.sources.${run.source}`)
        : run.source;
    body = (
      <Flex vertical gap="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3, xl: 6 }}
          items={[
            {
              key: 'finishedAt',
              label: t('evidence.integrity.finishedAt'),
              children: run.finishedAt ? formatDateTime(run.finishedAt, i18n.language) : '—',
            },
            ...(source
              ? [{ key: 'source', label: t('evidence.integrity.source'), children: source }]
              : []),
            {
              key: 'checked',
              label: t('evidence.integrity.checked'),
              children: number(run.checked),
            },
            {
              key: 'missing',
              label: t('evidence.integrity.missing'),
              children: problem(run.missing),
            },
            {
              key: 'corrupt',
              label: t('evidence.integrity.corrupt'),
              children: problem(run.corrupt),
            },
            {
              key: 'unreferenced',
              label: t('evidence.integrity.unreferenced'),
              children: number(run.unreferenced),
            },
          ]}
        />
        {run.status === 'problems' && (
          <Alert type="error" showIcon title={t('evidence.integrity.problemsHint')} />
        )}
      </Flex>
    );
  }
  return (
    <Card size="small" title={title} extra={extra}>
      {body}
    </Card>
  );
}
