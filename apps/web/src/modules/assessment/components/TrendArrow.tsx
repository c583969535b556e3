import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { trendOf } from '../utils/historyImport';

/**
 * A change with its arrow: green up, red down, grey unchanged; nothing when there is no earlier
 * figure. `text` is the change as shown (already formatted); the arrow's meaning is spoken.
 */
export function TrendArrow({ change, text }: { change: number | null | undefined; text: string }) {
  const { t } = useTranslation();
  const trend = trendOf(change);
  if (!trend)
    return (
      <Typography.Text type="secondary">{t('assessmentHistory.unitCard.noValue')}</Typography.Text>
    );
  const Icon =
    trend === 'up' ? ArrowUpOutlined : trend === 'down' ? ArrowDownOutlined : MinusOutlined;
  const type = trend === 'up' ? 'success' : trend === 'down' ? 'danger' : 'secondary';
  return (
    <Typography.Text type={type} data-trend={trend}>
      <Icon aria-label={t(`assessmentHistory.unitCard.${trend}`)} /> {text}
    </Typography.Text>
  );
}
