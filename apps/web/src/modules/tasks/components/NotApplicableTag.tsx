import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { notApplicableTagColor } from '../utils/notApplicable';

const STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED'] as const;

/** The 不适用 mark of a task (nothing for a task that applies). */
export function NotApplicableTag({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  const color = notApplicableTagColor(status);
  if (!color || !(STATUSES as readonly string[]).includes(status ?? '')) return null;
  return (
    <Tag color={color} data-testid="not-applicable-tag">
      {t(`notApplicable.statusTags.${status as (typeof STATUSES)[number]}`)}
    </Tag>
  );
}
