import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { OpenCycleModal } from '../components/OpenCycleModal';
import {
  RegulationImportModal,
  type RegulationImportTarget,
} from '../components/RegulationImportModal';
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
  const role = useSignedInUser().role;
  const opensCycles = role === 'PROVINCIAL_SUPERVISOR';
  // REGISTER_EDITORS of the API: who imports regulation texts.
  const imports = role === 'PROVINCIAL_SUPERVISOR' || role === 'SYSTEM_ADMIN';
  const [openingCycleFor, setOpeningCycleFor] = useState<LibraryRegulation>();
  const [importing, setImporting] = useState<RegulationImportTarget>();

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
      // National regulations (全国通用) or one province's (地方性法规): only its cycles assess it.
      key: 'owner',
      title: t('register.library.columns.owner'),
      render: (_, r) => r.ownerProvince?.name ?? t('register.library.national'),
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
  if (opensCycles || imports) {
    columns.push({
      key: 'actions',
      title: t('register.library.columns.actions'),
      render: (_, r) => (
        <Space size="small" wrap>
          {opensCycles && r.latestStatus && (
            <Button
              size="small"
              onClick={() => setOpeningCycleFor(r)}
              aria-label={`${t('register.cycles.open')} · ${r.title}`}
            >
              {t('register.cycles.open')}
            </Button>
          )}
          {imports && (
            <Button
              size="small"
              onClick={() => setImporting({ kind: 'version', code: r.code, title: r.title })}
              aria-label={`${t('register.imports.importVersion')} · ${r.title}`}
            >
              {t('register.imports.importVersion')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('register.library.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('register.library.subtitle')}</Typography.Text>
        </div>
        {imports && (
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => setImporting({ kind: 'new' })}
          >
            {t('register.imports.importRegulation')}
          </Button>
        )}
      </Flex>
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
      {importing && (
        <RegulationImportModal target={importing} onClose={() => setImporting(undefined)} />
      )}
    </Flex>
  );
}
