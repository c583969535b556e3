import { AuditOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personText } from '../../../components/PersonName';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { Duty } from '../graphql/types';
import { DutyCues } from './DutyCues';
import { DutyLabels } from './DutyLabels';

export interface DutyCardProps {
  duty: Duty;
  number: number;
  onReview?: (duty: Duty) => void;
}

export function DutyCard({ duty, number, onReview }: DutyCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <section
      aria-label={t('register.duty.label', { n: number })}
      style={{
        borderInlineStart: '3px solid #faad14',
        background: '#fafafa',
        padding: '8px 12px',
        borderRadius: 4,
      }}
    >
      <Flex justify="space-between" align="flex-start" gap="small">
        <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text>
            <Typography.Text strong>{t('register.duty.label', { n: number })}</Typography.Text>
            {'　'}
            {duty.subject}
          </Typography.Text>
          <DutyLabels duty={duty} />
          {duty.reviewedBy && duty.reviewedAt && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              title={duty.reviewer?.human === false ? undefined : duty.reviewedBy}
            >
              {t('register.duty.reviewedBy', {
                user: personText(duty.reviewer, duty.reviewedBy),
                time: formatDateTime(duty.reviewedAt, language),
              })}
            </Typography.Text>
          )}
          <DutyCues duty={duty} />
        </Flex>
        {onReview && (
          <Button size="small" icon={<AuditOutlined />} onClick={() => onReview(duty)}>
            {t('register.duty.review')}
          </Button>
        )}
      </Flex>
    </section>
  );
}
