import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { personText } from '../../../components/PersonName';
import { formatDateTime } from '../../../utils/formatDateTime';
import { formatDay } from '../../tasks/utils/format';
import { isReason, type UrgingNotice } from '../utils/notice';

/** The body of one notice: reason, text, issuer, deadline, 签收 and 反馈. */
export function NoticeDetails({ notice }: { notice: UrgingNotice }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // People by name and office (the API resolves them); the daily rules keep their own wording.
  const issuer =
    notice.issuedBy === 'system'
      ? t('urging.issuedBySystem')
      : personText(notice.issuer, notice.issuedBy);
  return (
    <Descriptions size="small" column={1} colon>
      <Descriptions.Item label={t('urging.fields.reason')}>
        {isReason(notice.reasonCode) ? t(`urging.reasons.${notice.reasonCode}`) : notice.reasonCode}
      </Descriptions.Item>
      <Descriptions.Item label={t('urging.fields.text')}>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {notice.text}
        </Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('urging.fields.issued')}>
        {t('urging.issuedBy', { user: issuer, time: formatDateTime(notice.issuedAt, language) })}
      </Descriptions.Item>
      <Descriptions.Item label={t('urging.fields.answerDue')}>
        <Typography.Text type={notice.answerOverdue ? 'danger' : undefined}>
          {formatDay(notice.answerDue, language)}
        </Typography.Text>
      </Descriptions.Item>
      {(notice.acknowledgedAt || notice.answeredAt) && (
        <Descriptions.Item label={t('urging.fields.state')}>
          <Flex vertical>
            {notice.acknowledgedAt && (
              <span>
                {t('urging.acknowledgedBy', {
                  user: personText(notice.acknowledger, notice.acknowledgedBy),
                  time: formatDateTime(notice.acknowledgedAt, language),
                })}
              </span>
            )}
            {notice.answeredAt && (
              <span>
                {t('urging.answeredBy', {
                  user: personText(notice.answerer, notice.answeredBy),
                  time: formatDateTime(notice.answeredAt, language),
                })}
              </span>
            )}
          </Flex>
        </Descriptions.Item>
      )}
      {notice.answer && (
        <Descriptions.Item label={t('urging.fields.answer')}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {notice.answer}
          </Typography.Paragraph>
        </Descriptions.Item>
      )}
      {notice.deduction > 0 && (
        <Descriptions.Item label={t('urging.fields.deduction')}>
          {t('urging.panel.deductionNote', { points: notice.deduction })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
