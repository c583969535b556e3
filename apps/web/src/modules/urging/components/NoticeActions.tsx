import { App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../hooks/useErrorText';
import { toAppError } from '../../../graphql/errors';
import type { UrgingNotice } from '../utils/notice';

export interface NoticeActionsProps {
  notice: UrgingNotice;
  acknowledging: boolean;
  acknowledge: (id: string) => Promise<unknown>;
  onAnswer: (notice: UrgingNotice) => void;
}

/** 签收 / 反馈 buttons for the task's operator (the server says which applies). */
export function NoticeActions({
  notice,
  acknowledging,
  acknowledge,
  onAnswer,
}: NoticeActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  if (!notice.canAcknowledge && !notice.canAnswer) return null;
  const doAcknowledge = async () => {
    try {
      await acknowledge(notice.id);
      void message.success(t('urging.acknowledged', { number: notice.number }));
    } catch (error) {
      void message.error(errorText(toAppError(error)));
    }
  };
  return (
    <Flex gap="small">
      {notice.canAcknowledge && (
        <Button
          type="primary"
          size="small"
          loading={acknowledging}
          onClick={() => void doAcknowledge()}
        >
          {t('urging.panel.acknowledge')}
        </Button>
      )}
      {notice.canAnswer && (
        <Button type="primary" size="small" onClick={() => onAnswer(notice)}>
          {t('urging.panel.answer')}
        </Button>
      )}
    </Flex>
  );
}
