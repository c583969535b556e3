import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { useRouteParams } from '../../../app/routes';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { BulletinDraftEditor } from '../components/BulletinDraftEditor';
import { BulletinPreview } from '../components/BulletinPreview';
import { useBulletin, useBulletinActions } from '../hooks/useBulletins';
import { downloadBulletin } from '../utils/downloadBulletin';
import { formatRate } from '../utils/periods';
import { canManage } from '../utils/permissions';
import { personText } from '../../../components/PersonName';

/** /bulletins/:id — the preview, and for a draft the editor, regenerate, publish and delete. */
export function BulletinDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSignedInUser();
  const { id = '' } = useRouteParams();
  const { bulletin, loading, error, retry } = useBulletin(id);
  const { generate, publish, remove, busy } = useBulletinActions();
  const language = i18n.resolvedLanguage ?? i18n.language;

  if (error) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!bulletin) return loading ? <PageLoading rows={10} /> : null;

  const draft = bulletin.status === 'DRAFT';
  const manages = draft && canManage(user, bulletin.scopeUnitCode);
  const fail = (e: Parameters<typeof errorText>[0]) => void message.error(errorText(e));

  const regenerate = async () => {
    const outcome = await generate({
      cycleId: bulletin.cycleId,
      periodKind: bulletin.periodKind,
      period: bulletin.period,
      scopeUnitCode: bulletin.scopeUnitCode,
    });
    if (outcome.ok) void message.success(t('bulletins.detail.regenerated'));
    else fail(outcome.error);
  };
  const doPublish = async () => {
    const outcome = await publish(bulletin);
    if (outcome.ok)
      void message.success(t('bulletins.detail.publishedOk', { number: outcome.value.number }));
    else fail(outcome.error);
  };
  const doDelete = async () => {
    const outcome = await remove(bulletin);
    if (outcome.ok) {
      void message.success(t('bulletins.detail.deleted'));
      navigate('/bulletins');
    } else fail(outcome.error);
  };
  const download = async () => {
    const failure = await downloadBulletin(bulletin.downloadPath, `${bulletin.title}.docx`);
    if (failure) fail(failure);
  };
  const s = bulletin.summary;

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          <Button type="link" style={{ paddingLeft: 0 }} onClick={() => navigate('/bulletins')}>
            {t('bulletins.actions.back')}
          </Button>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {bulletin.title}
          </Typography.Title>
          <Space wrap>
            <Tag color={draft ? 'default' : 'green'}>
              {t(`bulletins.status.${bulletin.status}`)}
            </Tag>
            {bulletin.number && <Tag>{bulletin.number}</Tag>}
            <Typography.Text type="secondary">
              {t('bulletins.detail.asOf', { date: bulletin.asOf })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {bulletin.publishedAt
                ? t('bulletins.detail.published', {
                    user: personText(bulletin.publisher, bulletin.publishedBy),
                    time: formatDateTime(bulletin.publishedAt, language),
                  })
                : t('bulletins.detail.generated', {
                    user: personText(bulletin.generator, bulletin.generatedBy),
                    time: formatDateTime(bulletin.generatedAt, language),
                  })}
            </Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <Button onClick={() => void download()}>
            {draft ? t('bulletins.actions.downloadDraft') : t('bulletins.actions.download')}
          </Button>
          {manages && (
            <>
              <Button onClick={() => void regenerate()} loading={busy}>
                {t('bulletins.actions.regenerate')}
              </Button>
              <Popconfirm
                title={t('bulletins.detail.deleteConfirm')}
                okText={t('bulletins.detail.confirmDelete')}
                cancelText={t('common.cancel')}
                onConfirm={() => doDelete()}
              >
                <Button danger loading={busy}>
                  {t('bulletins.actions.delete')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('bulletins.detail.publishConfirm')}
                okText={t('bulletins.detail.confirmPublish')}
                cancelText={t('common.cancel')}
                onConfirm={() => doPublish()}
              >
                <Button type="primary" loading={busy}>
                  {t('bulletins.actions.publish')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </Flex>
      {draft ? (
        <Alert type="warning" showIcon title={t('bulletins.detail.draftNotice')} />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('bulletins.detail.publishedNotice')}
          description={
            <Typography.Text code copyable>
              {bulletin.sha256}
            </Typography.Text>
          }
        />
      )}
      <Card>
        <Row gutter={16}>
          {(
            [
              ['tasks', s.tasks],
              ['verified', s.verified],
              ['completion', formatRate(s.completionRate)],
              ['elapsed', formatRate(s.elapsedFraction)],
              ['overdue', s.overdue],
              ['behind', s.unitsBehind],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} sm={8} md={4}>
              <Statistic title={t(`bulletins.detail.figures.${key}`)} value={value} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        {manages && (
          <Col xs={24} xl={9}>
            <Card title={t('bulletins.editor.title')}>
              <BulletinDraftEditor bulletin={bulletin} />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={manages ? 15 : 24}>
          <Card title={t('bulletins.detail.preview')} styles={{ body: { background: '#f0f0f0' } }}>
            <BulletinPreview document={bulletin.document} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
