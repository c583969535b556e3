import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCloseReason, noticeStage, type UrgingNotice } from '../utils/notice';

const STAGE_COLOURS = {
  unacknowledged: 'gold',
  acknowledged: 'processing',
  answered: 'green',
  closed: 'default',
} as const;

/** Where a notice stands: 待签收, 已签收待反馈, 已反馈 or 已办结 (why), and 反馈已逾期. */
export function NoticeStageTag({ notice }: { notice: UrgingNotice }) {
  const { t } = useTranslation();
  const stage = noticeStage(notice);
  const reason = isCloseReason(notice.closeReason)
    ? t(`urging.closeReasons.${notice.closeReason}`)
    : (notice.closeReason ?? '');
  return (
    <Space size={4} wrap>
      <Tag color={STAGE_COLOURS[stage]}>
        {stage === 'closed' ? t('urging.status.closed', { reason }) : t(`urging.status.${stage}`)}
      </Tag>
      {notice.answerOverdue && <Tag color="volcano">{t('urging.status.answerOverdue')}</Tag>}
    </Space>
  );
}
