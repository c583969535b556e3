import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { firstLine } from '../utils/queueParams';

export interface ConfirmItem {
  id: string;
  unit: { name: string };
  article: { number: number };
  duty: { subject: string; text: string };
  leadDepartment: { name: string };
}

/** Unit · 第N条 · the duty's first line (lead department): what identifies one task. */
export function ItemIdentity({ item }: { item: ConfirmItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>
        {item.unit.name} {t('review.queue.article', { number: item.article.number })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {' · '}
        {item.leadDepartment.name}
      </Typography.Text>
      <br />
      <Typography.Text>{firstLine(item.duty.text) || item.duty.subject}</Typography.Text>
    </>
  );
}

/**
 * 核验通过 is final for a prefecture supervisor (only a provincial supervisor may reopen a
 * verified task, with a reason), so it is confirmed first, showing exactly which task(s).
 */
export function VerifyConfirmModal({
  items,
  open,
  confirming,
  onConfirm,
  onCancel,
}: {
  items: readonly ConfirmItem[];
  open: boolean;
  confirming: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const many = items.length > 1;
  return (
    <Modal
      open={open}
      title={
        many ? t('review.confirm.bulkTitle', { count: items.length }) : t('review.confirm.title')
      }
      okText={t('review.confirm.ok')}
      cancelText={t('review.actions.cancel')}
      onOk={onConfirm}
      onCancel={onCancel}
      confirmLoading={confirming}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph>{t('review.confirm.final')}</Typography.Paragraph>
      {/* A scrolling list: focusable, so keyboard users can scroll it. */}
      <ol
        tabIndex={0}
        aria-label={
          many ? t('review.confirm.bulkTitle', { count: items.length }) : t('review.confirm.title')
        }
        style={{
          maxHeight: 320,
          overflowY: 'auto',
          paddingInlineStart: many ? 20 : 0,
          listStyle: many ? undefined : 'none',
        }}
      >
        {items.map((item) => (
          <li key={item.id} style={{ marginBottom: 8 }}>
            <ItemIdentity item={item} />
          </li>
        ))}
      </ol>
    </Modal>
  );
}
