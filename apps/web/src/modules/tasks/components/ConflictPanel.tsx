import { Alert, Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { ConflictCurrent } from '../utils/conflict';

export interface NotesVersion {
  progressNote: string;
  measures: string;
}

export interface ConflictPanelProps {
  mine: NotesVersion;
  current: ConflictCurrent;
  reapplying: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}

function VersionCard({
  title,
  version,
  highlight,
}: {
  title: string;
  version: NotesVersion;
  highlight?: boolean;
}) {
  const { t } = useTranslation();
  const text = (value: string) =>
    value.trim() ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
        {value}
      </Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary">{t('tasks.progress.empty')}</Typography.Text>
    );
  return (
    <Card size="small" title={title} style={highlight ? { borderColor: '#faad14' } : undefined}>
      <Descriptions column={1} size="small" layout="vertical">
        <Descriptions.Item label={t('tasks.progress.progressNote')}>
          {text(version.progressNote)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.progress.measures')}>
          {text(version.measures)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A stale save: the user's text beside the current one, to reapply or drop theirs. */
export function ConflictPanel({
  mine,
  current,
  reapplying,
  onReapply,
  onDiscard,
}: ConflictPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Flex vertical gap="middle" data-testid="task-conflict">
      <Alert
        type="warning"
        showIcon
        title={t('tasks.conflict.title')}
        description={t('tasks.conflict.description', {
          user: current.updatedByLabel ?? current.updatedBy ?? t('common.unknown'),
          time: current.updatedAt
            ? formatDateTime(current.updatedAt, language)
            : t('common.unknown'),
        })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <VersionCard title={t('tasks.conflict.mine')} version={mine} highlight />
        </Col>
        <Col xs={24} lg={12}>
          <VersionCard title={t('tasks.conflict.theirs')} version={current} />
        </Col>
      </Row>
      <Flex gap="small" wrap>
        <Button type="primary" loading={reapplying} onClick={onReapply}>
          {t('tasks.conflict.reapply')}
        </Button>
        <Button onClick={onDiscard} disabled={reapplying}>
          {t('tasks.conflict.discard')}
        </Button>
      </Flex>
    </Flex>
  );
}
