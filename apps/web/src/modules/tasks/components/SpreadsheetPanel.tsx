import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { isErrorCode } from '@duty/shared/errors';
import { isDisplayableServerText } from '../../../graphql/errors';
import { useSpreadsheetUpload } from '../hooks/useSpreadsheetUpload';
import { spreadsheetDownloadUrl } from '../utils/spreadsheet';

export interface SpreadsheetPanelProps {
  cycleId: string | undefined;
  /** Called after a successful import (to reload the list). */
  onApplied: () => void;
}

/** The county operator's offline round trip: download the task workbook, upload it filled. */
export function SpreadsheetPanel({ cycleId, onApplied }: SpreadsheetPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const { upload, uploading, progress, result, clear } = useSpreadsheetUpload(onApplied);

  const failureText = (code: string, message?: string) =>
    isDisplayableServerText(message, language)
      ? message
      : isErrorCode(code)
        ? t(`errors.${code}`)
        : code;

  return (
    <Card size="small" title={t('tasks.spreadsheet.title')}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('tasks.spreadsheet.description')}</Typography.Text>
        <Flex gap="small" wrap>
          <Button
            icon={<DownloadOutlined />}
            href={cycleId ? spreadsheetDownloadUrl(cycleId) : undefined}
            disabled={!cycleId}
          >
            {t('tasks.spreadsheet.download')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            disabled={uploading}
            beforeUpload={(file) => {
              if (!/\.xlsx$/i.test(file.name)) {
                clear();
                message.warning(t('tasks.spreadsheet.wrongType'));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              upload(file as Blob).then(
                (answer) => (answer.ok ? onSuccess?.(answer) : onError?.(new Error(answer.code))),
                (error: Error) => onError?.(error),
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {t('tasks.spreadsheet.upload')}
            </Button>
          </Upload>
        </Flex>
        {uploading && <Progress percent={progress} size="small" />}
        {result?.ok && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: clear }}
            title={t('tasks.spreadsheet.applied', {
              applied: result.applied,
              unchanged: result.unchanged,
            })}
          />
        )}
        {result && !result.ok && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: clear }}
            title={t('tasks.spreadsheet.rejected')}
            description={
              result.problems.length > 0 ? (
                <Table
                  size="small"
                  rowKey={(p) => `${p.row}-${p.column ?? ''}-${p.message}`}
                  pagination={false}
                  dataSource={result.problems}
                  scroll={{ y: 240 }}
                  columns={[
                    {
                      key: 'row',
                      title: t('tasks.spreadsheet.row'),
                      width: 110,
                      render: (_, p) =>
                        p.row > 0
                          ? t('tasks.spreadsheet.rowValue', { row: p.row })
                          : t('tasks.spreadsheet.wholeFile'),
                    },
                    {
                      key: 'column',
                      title: t('tasks.spreadsheet.column'),
                      width: 130,
                      render: (_, p) => p.column ?? '—',
                    },
                    {
                      key: 'message',
                      title: t('tasks.spreadsheet.problem'),
                      dataIndex: 'message',
                    },
                  ]}
                />
              ) : (
                failureText(result.code, result.message)
              )
            }
          />
        )}
      </Flex>
    </Card>
  );
}
