import { Button, Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { OpenCycleModal } from '../components/OpenCycleModal';
import type { LibraryRegulation } from '../graphql/types';
import { useRegulationLibrary } from '../hooks/useRegisterData';
import { registerPath } from '../utils/exports';

/**
 * 法规库: every regulation in the system with its kind of text, versions, the status of its
 * latest version, its duties and the assessment cycles open over it; each title opens its
 * register.
 */
export function RegulationLibraryPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { regulations, loaded, loading, error, retry } = useRegulationLibrary();
  const number = new Intl.NumberFormat(language);
  const opensCycles = useSignedInUser().role === 'PROVINCIAL_SUPERVISOR';
  const [openingCycleFor, setOpeningCycleFor] = useState<LibraryRegulation>();

  const columns: TableProps<LibraryRegulation>['columns'] = [
    {
      key: 'title',
      title: t('register.library.columns.title'),
      render: (_, r) => (
        <Typography.Link
          href={registerPath(r.code)}
          onClick={(event) => {
            event.preventDefault();
            navigate(registerPath(r.code));
          }}
        >
          {r.title}
        </Typography.Link>
      ),
    },
    {
      key: 'kind',
      title: t('register.library.columns.kind'),
      render: (_, r) => (r.textKind ? t(`register.textKinds.${r.textKind}`) : '—'),
    },
    {
      key: 'versions',
      title: t('register.library.columns.versions'),
      align: 'right',
      render: (_, r) => number.format(r.versionCount),
    },
    {
      key: 'status',
      title: t('register.library.columns.status'),
      render: (_, r) =>
        r.latestStatus ? (
          <Tag color={r.latestStatus === 'ENACTED' ? 'success' : 'default'}>
            {t(`register.version.status.${r.latestStatus}`)}
          </Tag>
        ) : (
          t('register.library.noVersion')
        ),
    },
    {
      key: 'duties',
      title: t('register.library.columns.duties'),
      align: 'right',
      render: (_, r) => number.format(r.dutyCount),
    },
    {
      key: 'tracked',
      title: t('register.library.columns.tracked'),
      align: 'right',
      render: (_, r) => number.format(r.trackedDutyCount),
    },
    {
      key: 'needsReview',
      title: t('register.library.columns.needsReview'),
      align: 'right',
      render: (_, r) => number.format(r.needsReviewCount),
    },
    {
      key: 'openCycles',
      title: t('register.library.columns.openCycles'),
      align: 'right',
      render: (_, r) => number.format(r.openCycleCount),
    },
    {
      key: 'pendingMappings',
      title: t('register.mappings.libraryColumn'),
      align: 'right',
      render: (_, r) =>
        r.pendingMappings > 0 ? (
          <Tag color="gold">{number.format(r.pendingMappings)}</Tag>
        ) : (
          number.format(0)
        ),
    },
  ];
  if (opensCycles) {
    columns.push({
      key: 'actions',
      title: t('register.library.columns.actions'),
      render: (_, r) =>
        r.latestStatus && (
          <Button
            size="small"
            onClick={() => setOpeningCycleFor(r)}
            aria-label={`${t('register.cycles.open')} · ${r.title}`}
          >
            {t('register.cycles.open')}
          </Button>
        ),
    });
  }

  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('register.library.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('register.library.subtitle')}</Typography.Text>
      </div>
      <Card>
        {error && !loading ? (
          <QueryErrorAlert error={error} onRetry={retry} />
        ) : (
          <Table<LibraryRegulation>
            rowKey="id"
            size="middle"
            loading={!loaded}
            columns={columns}
            dataSource={regulations}
            pagination={false}
            locale={{ emptyText: t('register.library.empty') }}
          />
        )}
      </Card>
      {openingCycleFor && (
        <OpenCycleModal
          code={openingCycleFor.code}
          regulationTitle={openingCycleFor.title}
          onClose={() => setOpeningCycleFor(undefined)}
        />
      )}
    </Flex>
  );
}
