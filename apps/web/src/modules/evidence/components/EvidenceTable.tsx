import { DownloadOutlined, EyeOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { PersonName, type PersonLike } from '../../../components/PersonName';
import { formatDateTime } from '../../../utils/formatDateTime';
import { formatBytes } from '../utils/formatBytes';
import { formatDay } from '../utils/formatDay';
import { EvidenceCorruptTag } from './EvidenceCorruptTag';
import { EvidenceStateTag } from './EvidenceStateTag';

/** The explorer's query adds the uploader by name and office (other lists may not). */
type File = EvidenceFileFieldsFragment & { uploader?: PersonLike | null };

/**
 * One page of evidence files with preview, download and a link to the task. A file whose
 * stored content was found corrupt is tagged 已损坏 and cannot be previewed or downloaded (the
 * server refuses it).
 */
export function EvidenceTable({
  files,
  totalCount,
  loading,
  page,
  pageSize,
  onPageChange,
  onPreview,
}: {
  files: File[];
  totalCount: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onPreview: (file: File) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: ColumnsType<File> = [
    {
      key: 'fileName',
      title: t('evidence.table.fileName'),
      width: 240,
      render: (_, file) => (
        <Space size={4} wrap>
          {isCorrupt(file) ? (
            <Typography.Text style={{ wordBreak: 'break-all' }}>{file.fileName}</Typography.Text>
          ) : (
            <Typography.Link onClick={() => onPreview(file)} style={{ wordBreak: 'break-all' }}>
              {file.fileName}
            </Typography.Link>
          )}
          {file.version > 1 && (
            <Typography.Text type="secondary">
              {t('evidence.table.version', { version: file.version })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'fileType',
      title: t('evidence.table.fileType'),
      width: 70,
      render: (_, file) => <Tag>{file.fileType.toUpperCase()}</Tag>,
    },
    {
      key: 'size',
      title: t('evidence.table.size'),
      width: 90,
      align: 'right',
      render: (_, file) => formatBytes(file.size, language),
    },
    {
      key: 'documentNumber',
      title: t('evidence.table.documentNumber'),
      width: 150,
      render: (_, file) => file.documentNumber || dash,
    },
    {
      key: 'issuingAuthority',
      title: t('evidence.table.issuingAuthority'),
      width: 150,
      render: (_, file) => file.issuingAuthority || dash,
    },
    {
      key: 'documentDate',
      title: t('evidence.table.documentDate'),
      width: 130,
      render: (_, file) => (file.documentDate ? formatDay(file.documentDate, language) : dash),
    },
    {
      key: 'uploadedBy',
      title: t('evidence.table.uploadedBy'),
      width: 180,
      render: (_, file) => <PersonName person={file.uploader} fallback={file.uploadedBy} />,
    },
    {
      key: 'uploadedAt',
      title: t('evidence.table.uploadedAt'),
      width: 170,
      render: (_, file) => formatDateTime(file.uploadedAt, language),
    },
    {
      key: 'state',
      title: t('evidence.table.state'),
      width: 110,
      render: (_, file) => (
        <Space size={4} wrap>
          <EvidenceStateTag file={file} />
          <EvidenceCorruptTag file={file} />
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('evidence.table.actions'),
      width: 120,
      fixed: 'right',
      render: (_, file) => {
        const corrupt = isCorrupt(file);
        const unavailable = t('evidence.state.corruptUnavailable');
        return (
          <Space size={0}>
            <Tooltip title={corrupt ? unavailable : t('evidence.table.preview')}>
              <Button
                type="text"
                icon={<EyeOutlined />}
                aria-label={`${t('evidence.table.preview')} ${file.fileName}`}
                disabled={corrupt}
                onClick={() => onPreview(file)}
              />
            </Tooltip>
            <Tooltip title={corrupt ? unavailable : t('evidence.table.download')}>
              <Button
                type="text"
                icon={<DownloadOutlined />}
                aria-label={`${t('evidence.table.download')} ${file.fileName}`}
                disabled={corrupt}
                href={corrupt ? undefined : file.contentUrl}
                download
              />
            </Tooltip>
            <Tooltip title={t('evidence.table.openTask')}>
              <Button
                type="text"
                icon={<FileSearchOutlined />}
                aria-label={t('evidence.table.openTask')}
                onClick={() => navigate(`/tasks/${encodeURIComponent(file.taskId)}`)}
              />
            </Tooltip>
          </Space>
        );
      },
    },
  ];
  return (
    <Table<File>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={files}
      loading={loading}
      scroll={{ x: 1340 }}
      locale={{ emptyText: t('evidence.table.empty') }}
      pagination={{
        current: page,
        pageSize,
        total: totalCount,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (count) => t('evidence.table.total', { count }),
        onChange: onPageChange,
      }}
    />
  );
}

function isCorrupt(file: Pick<File, 'integrityStatus'>): boolean {
  return file.integrityStatus === 'CORRUPT';
}
