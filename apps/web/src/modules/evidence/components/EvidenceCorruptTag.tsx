import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';

/** 已损坏: the stored content failed its hash check (when, and what to do, on hover). */
export function EvidenceCorruptTag({
  file,
}: {
  file: Pick<EvidenceFileFieldsFragment, 'integrityStatus' | 'corruptAt'>;
}) {
  const { t, i18n } = useTranslation();
  if (file.integrityStatus !== 'CORRUPT') return null;
  return (
    <Tooltip
      title={t('evidence.state.corruptDetail', {
        at: file.corruptAt ? formatDateTime(file.corruptAt, i18n.language) : '',
      })}
    >
      <Tag color="error" icon={<WarningOutlined />}>
        {t('evidence.state.corrupt')}
      </Tag>
    </Tooltip>
  );
}
