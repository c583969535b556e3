import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindColour, type NotificationKindName } from '../utils/notifications';

export function NotificationKindTag({ kind }: { kind: NotificationKindName }) {
  const { t } = useTranslation();
  return (
    <Tag color={kindColour(kind)} style={{ marginInlineEnd: 0 }}>
      {t(`notifications.kinds.${kind}`)}
    </Tag>
  );
}
