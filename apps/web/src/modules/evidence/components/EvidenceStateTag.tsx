import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';
import { personText, type PersonLike } from '../../../components/PersonName';

/** 现行 / 已替换 / 已撤回 (with who, when and why on hover). */
export function EvidenceStateTag({
  file,
}: {
  file: Pick<
    EvidenceFileFieldsFragment,
    'current' | 'supersededById' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawReason'
  > & { withdrawer?: PersonLike | null };
}) {
  const { t, i18n } = useTranslation();
  if (file.withdrawnAt) {
    return (
      <Tooltip
        title={t('evidence.state.withdrawnDetail', {
          by: personText(file.withdrawer, file.withdrawnBy),
          at: formatDateTime(file.withdrawnAt, i18n.language),
          reason: file.withdrawReason ?? '',
        })}
      >
        <Tag color="red">{t('evidence.state.withdrawn')}</Tag>
      </Tooltip>
    );
  }
  if (file.supersededById || !file.current) {
    return <Tag color="orange">{t('evidence.state.superseded')}</Tag>;
  }
  return <Tag color="green">{t('evidence.state.current')}</Tag>;
}
