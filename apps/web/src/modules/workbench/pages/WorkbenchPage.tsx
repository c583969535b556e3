import { Col, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocationSearch } from '../../../app/navigation';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { formatDay } from '../../../utils/format';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { SectionCard } from '../components/SectionCard';
import { useWorkbench } from '../hooks/useWorkbench';

const SUBTITLE_ROLES = [
  'COUNTY_OPERATOR',
  'PREFECTURE_SUPERVISOR',
  'PROVINCIAL_SUPERVISOR',
  'AUDITOR',
  'NATIONAL_SUPERVISOR',
] as const;
type SubtitleRole = (typeof SUBTITLE_ROLES)[number];
const hasSubtitle = (role: string | null): role is SubtitleRole =>
  SUBTITLE_ROLES.includes(role as SubtitleRole);

/** 工作台: the business roles' home page, what to do today, each section linking to its list. */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const { workbench, loading, error, retry } = useWorkbench(search.get('cycleId') ?? undefined);

  let content: React.ReactNode;
  if (error && !loading) content = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!workbench) content = <PageLoading rows={8} />;
  else
    content = (
      <Flex vertical gap="middle">
        {!workbench.cycleId && <Empty description={t('workbench.noCycle')} />}
        <Row gutter={[16, 16]}>
          {workbench.sections.map((section) => (
            <Col key={section.key} xs={24} xl={12}>
              <SectionCard section={section} today={workbench.today} />
            </Col>
          ))}
        </Row>
      </Flex>
    );

  return (
    <Flex vertical gap="middle">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('workbench.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {hasSubtitle(user.role) ? t(`workbench.subtitle.${user.role}`) : null}
        </Typography.Paragraph>
        {workbench && (
          <Typography.Text>
            {[
              workbench.cycleTitle ? t('workbench.cycle', { title: workbench.cycleTitle }) : null,
              t('workbench.today', { date: formatDay(workbench.today, i18n.language) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        )}
      </div>
      {content}
    </Flex>
  );
}
