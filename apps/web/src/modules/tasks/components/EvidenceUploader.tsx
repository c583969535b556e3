import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Typography,
  Upload,
  type UploadFile,
  type UploadProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadFailureText } from '../hooks/useUploadFailureText';
import { uploadEvidenceFile, type EvidenceUploadFields } from '../utils/evidenceUpload';

/** The form's values (the date as the picker's date object). */
interface MetaValues {
  documentNumber?: string;
  issuingAuthority?: string;
  documentDate?: { format: (pattern: string) => string } | null;
  description?: string;
}

export function metaToFields(values: MetaValues, supersedes?: string): EvidenceUploadFields {
  return {
    documentNumber: values.documentNumber,
    issuingAuthority: values.issuingAuthority,
    documentDate: values.documentDate?.format('YYYY-MM-DD'),
    description: values.description,
    supersedes,
  };
}

export interface EvidenceUploaderProps {
  taskId: string;
  /** Replace this version (one file) instead of adding new evidence. */
  supersedes?: string;
  /** After each successful upload (to reload the task). */
  onUploaded: () => void;
}

/**
 * Drag-and-drop upload: one request per file, so each file shows its own progress and its own
 * refusal (the server's reason in Chinese). Optional document fields go with every file.
 */
export function EvidenceUploader({ taskId, supersedes, onUploaded }: EvidenceUploaderProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MetaValues>();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [failures, setFailures] = useState<Array<{ uid: string; name: string; text: string }>>([]);
  const failureText = useUploadFailureText();

  const customRequest: UploadProps['customRequest'] = ({
    file,
    onProgress,
    onSuccess,
    onError,
  }) => {
    const blob = file as File & { uid: string };
    const fields = metaToFields(form.getFieldsValue(), supersedes);
    void uploadEvidenceFile(taskId, blob, fields, (percent) => onProgress?.({ percent })).then(
      (outcome) => {
        if (outcome.ok) {
          onSuccess?.({});
          void message.success(t('tasks.upload.uploaded', { name: blob.name }));
          onUploaded();
          return;
        }
        const text = failureText(outcome.failure, blob.name);
        setFailures((prev) => [
          ...prev.filter((f) => f.uid !== blob.uid),
          { uid: blob.uid, name: blob.name, text },
        ]);
        onError?.(new Error(outcome.failure.code), text);
      },
    );
  };

  return (
    <Flex vertical gap="small">
      <Form form={form} layout="vertical" size="small">
        <Typography.Text type="secondary">{t('tasks.upload.metaHint')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="documentNumber" label={t('tasks.evidence.documentNumber')}>
              <Input maxLength={100} placeholder={t('tasks.upload.documentNumberPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="issuingAuthority" label={t('tasks.evidence.issuingAuthority')}>
              <Input maxLength={200} placeholder={t('tasks.upload.issuingAuthorityPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="documentDate" label={t('tasks.evidence.documentDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="description" label={t('tasks.evidence.description')}>
              <Input maxLength={500} placeholder={t('tasks.upload.descriptionPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Upload.Dragger
        multiple={!supersedes}
        maxCount={supersedes ? 1 : undefined}
        fileList={fileList}
        customRequest={customRequest}
        onChange={({ fileList: next }) =>
          // Uploaded files show up in the evidence list; keep only those in flight or refused.
          setFileList(next.filter((f) => f.status !== 'done'))
        }
        onRemove={(file) => setFailures((prev) => prev.filter((f) => f.uid !== file.uid))}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('tasks.upload.dragTitle')}</p>
        <p className="ant-upload-hint">{t('tasks.upload.dragHint')}</p>
      </Upload.Dragger>
      {failures.map((f) => (
        <Alert
          key={f.uid}
          type="error"
          showIcon
          title={t('tasks.upload.failed', { name: f.name })}
          description={f.text}
          closable={{
            onClose: () => setFailures((prev) => prev.filter((x) => x.uid !== f.uid)),
          }}
        />
      ))}
    </Flex>
  );
}
