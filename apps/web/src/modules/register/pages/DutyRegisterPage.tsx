import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Select, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { useRouteParams } from '../../../app/routes';
import { PageLoading } from '../../../components/PageLoading';
import { personText } from '../../../components/PersonName';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { DutyReviewDrawer } from '../components/DutyReviewDrawer';
import { OpenCycleModal } from '../components/OpenCycleModal';
import { RegulationCyclesCard } from '../components/RegulationCyclesCard';
import { RegulationTextPanel } from '../components/RegulationTextPanel';
import { VersionDiffPanel } from '../components/VersionDiffPanel';
import type { Duty } from '../graphql/types';
import { useDepartmentKinds, useRegulation, useRegulationText } from '../hooks/useRegisterData';
import { dutiesExportUrl, registerPath } from '../utils/exports';

type TabKey = 'text' | 'diff';

/** The duty register of one regulation (`/regulations/:code`): its text, duties and versions. */
export function DutyRegisterPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const search = useLocationSearch();
  const code = useRouteParams().code ?? '';
  const regulation = useRegulation(code);
  const departmentKinds = useDepartmentKinds();
  const versions = useMemo(
    () =>
      [...(regulation.regulation?.versions ?? [])].sort(
        (a, b) => b.versionNumber - a.versionNumber,
      ),
    [regulation.regulation],
  );
  const latestId = regulation.regulation?.latestVersion?.id ?? versions[0]?.id;
  const requested = search.get('versionId');
  const versionId = versions.some((v) => v.id === requested) ? (requested ?? undefined) : latestId;
  const isLatest = versionId === latestId;
  const shownVersion = versions.find((v) => v.id === versionId);
  const text = useRegulationText(versionId);
  const tab: TabKey = search.get('tab') === 'diff' ? 'diff' : 'text';
  const chapterParam = Number(search.get('chapter'));
  const chapter = Number.isInteger(chapterParam) && chapterParam > 0 ? chapterParam : undefined;
  const [reviewing, setReviewing] = useState<Duty>();
  const canReview = user.role === 'PROVINCIAL_SUPERVISOR' && isLatest;
  // Cycles are business data: the system administrator reads the register but not them.
  const readsCycles = user.role !== 'SYSTEM_ADMIN';
  const [openingCycle, setOpeningCycle] = useState(false);

  const go = (next: { versionId?: string; tab?: TabKey; chapter?: number }) => {
    const params = new URLSearchParams();
    const v = next.versionId ?? versionId;
    if (v && v !== latestId) params.set('versionId', v);
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'text') params.set('tab', nextTab);
    const c = 'chapter' in next ? next.chapter : chapter;
    if (c) params.set('chapter', String(c));
    const query = params.toString();
    navigate(`${registerPath(code)}${query ? `?${query}` : ''}`);
  };

  let body;
  if (regulation.error && !regulation.loading) {
    body = <QueryErrorAlert error={regulation.error} onRetry={regulation.retry} />;
  } else if (!regulation.loaded) {
    body = <PageLoading rows={10} />;
  } else if (!regulation.regulation || !versionId) {
    body = <Empty description={t('register.notFound')} />;
  } else {
    body = (
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key === 'diff' ? 'diff' : 'text' })}
        destroyOnHidden
        items={[
          {
            key: 'text',
            label: t('register.tabs.text'),
            children:
              text.error && !text.loading ? (
                <QueryErrorAlert error={text.error} onRetry={text.retry} />
              ) : !text.text ? (
                <PageLoading rows={10} />
              ) : (
                <RegulationTextPanel
                  key={text.text.id}
                  text={text.text}
                  departmentKinds={departmentKinds}
                  chapter={chapter}
                  onChapter={(c) => go({ chapter: c })}
                  onReview={canReview ? setReviewing : undefined}
                />
              ),
          },
          {
            key: 'diff',
            label: t('register.tabs.diff'),
            children: <VersionDiffPanel versions={versions} defaultVersionId={versionId} />,
          },
        ]}
      />
    );
  }

  const latest = regulation.regulation?.latestVersion;
  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <Flex vertical gap={4}>
          <Typography.Link
            href="/regulations"
            onClick={(event) => {
              event.preventDefault();
              navigate('/regulations');
            }}
          >
            <ArrowLeftOutlined /> {t('register.backToLibrary')}
          </Typography.Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {regulation.regulation
              ? `${t('register.title')} · ${regulation.regulation.title}`
              : t('register.title')}
          </Typography.Title>
          {latest && (
            <Typography.Text>
              {t('register.textKind', {
                kind: t(`register.textKinds.${latest.textKind}`),
                explanation: latest.textContextExplanation,
              })}
            </Typography.Text>
          )}
          {shownVersion && (
            <Typography.Text
              type="secondary"
              title={shownVersion.importer.human ? shownVersion.importedBy : undefined}
            >
              {t('register.version.imported', {
                number: shownVersion.versionNumber,
                user: personText(shownVersion.importer, shownVersion.importedBy),
                time: formatDateTime(shownVersion.importedAt, language),
              })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('register.subtitle')}</Typography.Text>
        </Flex>
        <Flex align="center" gap="small" wrap>
          {versions.length > 0 && (
            <>
              <Typography.Text>{t('register.version.label')}</Typography.Text>
              <Select
                aria-label={t('register.version.label')}
                style={{ minWidth: 200 }}
                value={versionId}
                onChange={(v) => go({ versionId: v, chapter: undefined })}
                options={versions.map((v) => ({
                  value: v.id,
                  label:
                    t('register.version.option', {
                      number: v.versionNumber,
                      status: t(`register.version.status.${v.status}`),
                    }) + (v.id === latestId ? t('register.version.latest') : ''),
                }))}
              />
            </>
          )}
          <Button icon={<DownloadOutlined />} href={dutiesExportUrl('csv', code)}>
            {t('register.export.csv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={dutiesExportUrl('xlsx', code)}>
            {t('register.export.xlsx')}
          </Button>
        </Flex>
      </Flex>
      {!isLatest && versionId && (
        <Alert type="info" showIcon title={t('register.version.olderNotice')} />
      )}
      {readsCycles && regulation.regulation && (
        <RegulationCyclesCard
          code={code}
          versions={versions}
          onOpenCycle={
            user.role === 'PROVINCIAL_SUPERVISOR' ? () => setOpeningCycle(true) : undefined
          }
          manage={user.role === 'PROVINCIAL_SUPERVISOR'}
        />
      )}
      <Card>{body}</Card>
      {openingCycle && regulation.regulation && (
        <OpenCycleModal
          code={code}
          regulationTitle={regulation.regulation.title}
          onClose={() => setOpeningCycle(false)}
        />
      )}
      <DutyReviewDrawer
        duty={reviewing}
        departmentKinds={departmentKinds}
        onClose={() => setReviewing(undefined)}
        onReload={() => {
          setReviewing(undefined);
          text.reload().catch(() => undefined);
        }}
      />
    </Flex>
  );
}
