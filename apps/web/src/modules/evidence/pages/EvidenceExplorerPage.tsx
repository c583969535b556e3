import { Card, Empty, Flex, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationSearch } from '../../../app/navigation';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles, type Cycle } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { EvidenceFilters } from '../components/EvidenceFilters';
import { EvidencePreviewModal } from '../components/EvidencePreviewModal';
import { EvidenceTable } from '../components/EvidenceTable';
import { IntegrityCard } from '../components/IntegrityCard';
import { PackDownloadCard } from '../components/PackDownloadCard';
import { useEvidenceFiles } from '../hooks/useEvidenceFiles';
import { useEvidenceIntegrity } from '../hooks/useEvidenceIntegrity';
import { useUnitOptions } from '../hooks/useUnitOptions';
import { toEvidenceFilter, type EvidenceFilterValues } from '../utils/evidenceFilter';
import { isTaskStatus } from '../utils/taskStatuses';

const DEFAULT_PAGE_SIZE = 20;

/** Filters a link may preset: `/evidence?cycleId=…&unitCode=…&articleNumber=…&taskStatus=…`. */
function linkedValues(search: URLSearchParams): EvidenceFilterValues {
  const values: EvidenceFilterValues = {};
  const unitCode = search.get('unitCode');
  if (unitCode && /^\d{6}$/.test(unitCode)) values.unitCode = unitCode;
  const article = Number(search.get('articleNumber'));
  if (Number.isInteger(article) && article > 0) values.articleNumber = article;
  const status = search.get('taskStatus');
  if (isTaskStatus(status)) values.taskStatus = status;
  return values;
}

/** Evidence explorer for auditors and supervisors: browse, preview, export packs. */
export function EvidenceExplorerPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const linkedCycle = search.get('cycleId');
  const searchText = search.toString();
  const cyclesQuery = useCycles(linkedCycle);
  const units = useUnitOptions();
  const integrity = useEvidenceIntegrity();
  const cycleId = cyclesQuery.cycle?.id;
  const initialValues = useMemo<EvidenceFilterValues>(
    () => ({ cycleId, ...linkedValues(new URLSearchParams(searchText)) }),
    [cycleId, searchText],
  );

  let content: React.ReactNode;
  if (cyclesQuery.loading && cyclesQuery.cycles.length === 0) {
    content = <PageLoading rows={8} />;
  } else if (cyclesQuery.error) {
    content = <QueryErrorAlert error={cyclesQuery.error} onRetry={cyclesQuery.retry} />;
  } else if (cyclesQuery.cycles.length === 0) {
    content = <Empty description={t('evidence.noCycles')} />;
  } else {
    content = (
      <Tabs
        items={[
          {
            key: 'explorer',
            label: t('evidence.tabs.explorer'),
            children: (
              <EvidenceExplorer
                key={searchText}
                cycles={cyclesQuery.cycles}
                initialValues={initialValues}
                units={units}
              />
            ),
          },
          {
            key: 'pack',
            label: t('evidence.tabs.pack'),
            children: (
              <PackDownloadCard
                cycles={cyclesQuery.cycles}
                defaultCycleId={cycleId}
                unitGroups={units.groups}
                unitsLoading={units.loading}
              />
            ),
          },
        ]}
      />
    );
  }

  return (
    <Flex vertical gap="middle">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('evidence.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('evidence.subtitle')}
        </Typography.Paragraph>
        <Typography.Text strong>
          {t('evidence.scope', { unit: user.unit?.name ?? t('evidence.wholeProvince') })}
        </Typography.Text>
      </div>
      <IntegrityCard state={integrity.state} onRefresh={integrity.refresh} />
      {content}
    </Flex>
  );
}

function EvidenceExplorer({
  cycles,
  initialValues,
  units,
}: {
  cycles: Cycle[];
  initialValues: EvidenceFilterValues;
  units: ReturnType<typeof useUnitOptions>;
}) {
  const [values, setValues] = useState(initialValues);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [previewed, setPreviewed] = useState<EvidenceFileFieldsFragment | null>(null);
  const filter = useMemo(() => toEvidenceFilter(values), [values]);
  const { files, totalCount, loading, error, retry } = useEvidenceFiles(filter, {
    first: pageSize,
    offset: (page - 1) * pageSize,
  });
  return (
    <Card>
      <Flex vertical gap="middle">
        <EvidenceFilters
          cycles={cycles}
          unitGroups={units.groups}
          unitsLoading={units.loading}
          initialValues={initialValues}
          onChange={(next) => {
            setValues(next);
            setPage(1);
          }}
        />
        {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
        <EvidenceTable
          files={files}
          totalCount={totalCount}
          loading={loading}
          page={page}
          pageSize={pageSize}
          onPageChange={(nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          }}
          onPreview={setPreviewed}
        />
      </Flex>
      <EvidencePreviewModal file={previewed} onClose={() => setPreviewed(null)} />
    </Card>
  );
}
