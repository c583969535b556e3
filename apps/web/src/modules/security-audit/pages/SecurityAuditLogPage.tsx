import { Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { SecurityAuditFilters } from '../components/SecurityAuditFilters';
import { SecurityAuditTable } from '../components/SecurityAuditTable';
import type { SecurityAuditFilterInput } from '../graphql/types';
import { useSecurityAuditLog } from '../hooks/useSecurityAuditLog';

const DEFAULT_PAGE_SIZE = 50;

export function SecurityAuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SecurityAuditFilterInput>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const { entries, totalCount, loading, error, retry } = useSecurityAuditLog(filter, {
    first: pageSize,
    offset: (page - 1) * pageSize,
  });
  const seenActions = useMemo(() => entries.map((e) => e.action), [entries]);
  const seenResults = useMemo(() => entries.map((e) => e.result), [entries]);

  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('securityAudit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('securityAudit.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Flex vertical gap="middle">
          <SecurityAuditFilters
            seenActions={seenActions}
            seenResults={seenResults}
            onChange={(next) => {
              setFilter(next);
              setPage(1);
            }}
          />
          {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
          <SecurityAuditTable
            entries={entries}
            totalCount={totalCount}
            loading={loading}
            page={page}
            pageSize={pageSize}
            onPageChange={(nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            }}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
