import { DownloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { inlineUrl, previewKind } from '../utils/previewKind';

type PreviewFile = Pick<
  EvidenceFileFieldsFragment,
  'fileName' | 'fileType' | 'previewable' | 'contentUrl'
>;

/**
 * A file shown in place: PDF in a frame, pictures as images (both same-origin, `?inline=1`),
 * anything else (OFD, Word, Excel) as a download.
 */
export function EvidencePreview({ file, height = 560 }: { file: PreviewFile; height?: number }) {
  const { t } = useTranslation();
  const kind = previewKind(file);
  if (kind === 'pdf') {
    return (
      <iframe
        src={inlineUrl(file.contentUrl)}
        title={t('evidence.preview.frameTitle', { name: file.fileName })}
        style={{ width: '100%', height, border: '1px solid #f0f0f0', borderRadius: 6 }}
      />
    );
  }
  if (kind === 'image') {
    return (
      <Flex justify="center" style={{ maxHeight: height, overflow: 'auto' }}>
        <img
          src={inlineUrl(file.contentUrl)}
          alt={t('evidence.preview.imageAlt', { name: file.fileName })}
          style={{ maxWidth: '100%', objectFit: 'contain' }}
        />
      </Flex>
    );
  }
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Typography.Text type="secondary">
          {t('evidence.preview.notPreviewable', { type: file.fileType.toUpperCase() })}
        </Typography.Text>
      }
    >
      <Button type="primary" icon={<DownloadOutlined />} href={file.contentUrl} download>
        {t('evidence.preview.download')}
      </Button>
    </Empty>
  );
}
