import { Alert, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { EvidencePreview } from '../../evidence/components/EvidencePreview';
import { formatBytes } from '../../evidence/utils/formatBytes';
import { formatDay } from '../../evidence/utils/formatDay';

/** The task's current evidence: pick a file, see it in place. */
export function ReviewEvidencePanel({ files }: { files: EvidenceFileFieldsFragment[] }) {
  const { t, i18n } = useTranslation();
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const chosen = files.find((f) => f.id === chosenId) ?? files[0];

  return (
    <Card size="small" title={t('review.evidence.title', { count: files.length })}>
      {files.length === 0 || !chosen ? (
        <Alert type="warning" showIcon title={t('review.evidence.noneWarning')} />
      ) : (
        <Flex vertical gap="small">
          {files.length > 1 && (
            <Segmented<string>
              aria-label={t('review.evidence.select')}
              value={chosen.id}
              onChange={setChosenId}
              options={files.map((f) => ({ value: f.id, label: f.fileName, title: f.fileName }))}
              style={{ maxWidth: '100%', overflowX: 'auto' }}
            />
          )}
          <Flex gap="small" wrap align="center">
            <Typography.Text strong>{chosen.fileName}</Typography.Text>
            <Tag>{chosen.fileType.toUpperCase()}</Tag>
            <Typography.Text type="secondary">
              {formatBytes(chosen.size, i18n.language)}
            </Typography.Text>
            {chosen.documentNumber && <Tag color="blue">{chosen.documentNumber}</Tag>}
            {chosen.issuingAuthority && (
              <Typography.Text type="secondary">{chosen.issuingAuthority}</Typography.Text>
            )}
            {chosen.documentDate && (
              <Typography.Text type="secondary">
                {formatDay(chosen.documentDate, i18n.language)}
              </Typography.Text>
            )}
          </Flex>
          {chosen.description && (
            <Typography.Text type="secondary">{chosen.description}</Typography.Text>
          )}
          <EvidencePreview
            key={chosen.id}
            file={chosen}
            height={Math.max(360, window.innerHeight - 330)}
          />
        </Flex>
      )}
    </Card>
  );
}
