import { DownloadOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStageAssessmentFieldsFragment } from '../../../graphql/generated/graphql';
import { evidenceLabel } from './UnitEvidenceSelect';

type StageEvidence = UnitStageAssessmentFieldsFragment['evidenceFiles'][number];

/** The evidence attached to one indicator, each with a download link. */
export function StageEvidenceLinks({
  ids,
  files,
}: {
  ids: readonly string[];
  files: ReadonlyMap<string, StageEvidence>;
}) {
  const { t } = useTranslation();
  if (ids.length === 0) return <>—</>;
  return (
    <Flex vertical gap={2}>
      {ids.map((id) => {
        const file = files.get(id);
        if (!file) {
          return (
            <Typography.Text key={id} type="secondary">
              {t('assessmentStages.evidence.unavailable')}
            </Typography.Text>
          );
        }
        return (
          <Flex key={id} gap={4} align="center" wrap>
            <Typography.Link href={file.contentUrl} download>
              <DownloadOutlined aria-hidden /> {evidenceLabel(file)}
            </Typography.Link>
            {file.withdrawn && <Tag color="orange">{t('assessmentStages.evidence.withdrawn')}</Tag>}
          </Flex>
        );
      })}
    </Flex>
  );
}
