import { UploadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { useDepartmentKinds } from '../hooks/useRegisterData';
import { useOpenCycleProvinces } from '../hooks/useRegulationCycles';
import { registerPath } from '../utils/exports';
import {
  importRegulationFile,
  type RegulationImportAnswer,
  type RegulationImportFailure,
} from '../utils/regulationUpload';

/** A new regulation (code chosen here) or a new version of an existing one. */
export type RegulationImportTarget =
  { kind: 'new' } | { kind: 'version'; code: string; title: string };

interface ImportValues {
  code?: string;
  status: 'draft' | 'enacted';
  effectiveDate?: Dayjs | null;
  coordinatingDepartment?: string;
  /** '' (national) or a province code; asked of a system administrator for a new regulation. */
  ownerProvinceCode?: string;
}

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/;
const CHANGE_ORDER = [
  'changed',
  'added',
  'removed',
  'merged',
  'split',
  'renumbered',
  'unchanged',
] as const;
const CHANGE_COLORS: Record<(typeof CHANGE_ORDER)[number], string> = {
  changed: 'orange',
  added: 'green',
  removed: 'red',
  merged: 'purple',
  split: 'magenta',
  renumbered: 'blue',
  unchanged: 'default',
};

/**
 * 导入法规 / 导入新版本 (register editors): the file (DOCX or text in any supported encoding),
 * code, status, effective date and coordinating department go to `POST /api/regulations/import`.
 * A refusal shows the server's Chinese message (naming the line); a changed title can be
 * confirmed and retried. Afterwards: what was imported, how the file was read, the change
 * summary and a way straight to the diff and the duty-mapping review.
 */
export function RegulationImportModal({
  target,
  onClose,
}: {
  target: RegulationImportTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const departmentKinds = useDepartmentKinds();
  // A provincial supervisor's imports are their province's; a system administrator chooses
  // whether a new regulation is national (全国) or one province's.
  const role = useSignedInUser().role;
  const choosesOwner = target.kind === 'new' && role === 'SYSTEM_ADMIN';
  const provinces = useOpenCycleProvinces(!choosesOwner);
  const [form] = Form.useForm<ImportValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<RegulationImportFailure>();
  const [answer, setAnswer] = useState<RegulationImportAnswer>();
  const title =
    target.kind === 'new'
      ? t('register.imports.newTitle')
      : t('register.imports.versionTitle', { title: target.title });

  const submit = async (values: ImportValues, confirmTitleChange = false) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(t('register.imports.fields.fileRequired'));
      return;
    }
    setSubmitting(true);
    setFailure(undefined);
    try {
      const outcome = await importRegulationFile(file, {
        code: target.kind === 'new' ? (values.code ?? '') : target.code,
        status: values.status,
        effectiveDate: values.effectiveDate?.format('YYYY-MM-DD'),
        coordinatingDepartment: values.coordinatingDepartment,
        ownerProvinceCode: choosesOwner ? values.ownerProvinceCode || undefined : undefined,
        confirmTitleChange,
      });
      if (!outcome.ok) {
        setFailure(outcome.failure);
        return;
      }
      setAnswer(outcome.answer);
      // The library, the register and its versions change: read them again when shown.
      client.cache.evict({ fieldName: 'regulations' });
      client.cache.evict({ fieldName: 'regulation' });
      client.cache.gc();
    } finally {
      setSubmitting(false);
    }
  };

  if (answer) {
    return (
      <Modal open title={title} onCancel={onClose} footer={null} width={680}>
        <ImportResult answer={answer} onClose={onClose} />
      </Modal>
    );
  }

  const titleChange = failure?.details.field === 'title';
  const failureText =
    failure?.message ??
    (failure?.status === 0 ? t('register.imports.networkError') : failure?.code);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={submitting ? t('register.imports.importing') : t('register.imports.submit')}
      okButtonProps={{ loading: submitting, htmlType: 'submit', form: 'regulation-import' }}
      cancelText={t('register.imports.result.close')}
      width={620}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('register.imports.hint')}</Typography.Text>
        {failure &&
          (titleChange ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              message={t('register.imports.titleChange.title')}
              description={failure.message}
              action={
                <Button
                  size="small"
                  type="primary"
                  loading={submitting}
                  onClick={() => void submit(form.getFieldsValue(true), true)}
                >
                  {t('register.imports.titleChange.confirm')}
                </Button>
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={t('register.imports.failed')}
              description={failureText}
            />
          ))}
        <Form<ImportValues>
          id="regulation-import"
          form={form}
          layout="vertical"
          initialValues={{ status: 'draft' }}
          onFinish={(values) => void submit(values)}
          onFinishFailed={() => {
            if (!files[0]) setFileError(t('register.imports.fields.fileRequired'));
          }}
          disabled={submitting}
        >
          {target.kind === 'new' && (
            <Form.Item
              name="code"
              label={t('register.imports.fields.code')}
              extra={t('register.imports.fields.codeHelp')}
              rules={[
                { required: true, message: t('register.imports.fields.codeRequired') },
                { pattern: CODE_PATTERN, message: t('register.imports.fields.codeInvalid') },
              ]}
            >
              <Input autoComplete="off" placeholder="hubei-quality-promotion" />
            </Form.Item>
          )}
          <Form.Item
            label={t('register.imports.fields.file')}
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError}
          >
            <Upload
              accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFiles(fileList.slice(-1));
                setFileError(undefined);
                setFailure(undefined);
              }}
            >
              <Button icon={<UploadOutlined />}>{t('register.imports.fields.choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="status" label={t('register.imports.fields.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'draft', label: t('register.version.status.DRAFT') },
                { value: 'enacted', label: t('register.version.status.ENACTED') },
              ]}
            />
          </Form.Item>
          <Form.Item name="effectiveDate" label={t('register.imports.fields.effectiveDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {choosesOwner && (
            <Form.Item
              name="ownerProvinceCode"
              label={t('register.imports.fields.owner')}
              extra={t('register.imports.fields.ownerHelp')}
              initialValue=""
            >
              <Select
                options={[
                  { value: '', label: t('register.library.national') },
                  ...provinces.map((p) => ({ value: p.code, label: p.name })),
                ]}
              />
            </Form.Item>
          )}
          {target.kind === 'new' && (
            <Form.Item
              name="coordinatingDepartment"
              label={t('register.imports.fields.coordinatingDepartment')}
              extra={t('register.imports.fields.coordinatingDepartmentHelp')}
            >
              <Select
                allowClear
                placeholder={t('register.imports.fields.none')}
                options={departmentKinds.map((kind) => ({ value: kind.code, label: kind.name }))}
              />
            </Form.Item>
          )}
        </Form>
      </Flex>
    </Modal>
  );
}

function ImportResult({
  answer,
  onClose,
}: {
  answer: RegulationImportAnswer;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const versioned = answer.versionNumber > 1 && !answer.alreadyImported;
  const changes = CHANGE_ORDER.filter((kind) => (answer.changeSummary[kind] ?? 0) > 0);
  const open = (path: string) => {
    onClose();
    navigate(path);
  };
  return (
    <Result
      status={answer.alreadyImported ? 'info' : 'success'}
      title={
        answer.alreadyImported
          ? t('register.imports.result.alreadyImported', {
              title: answer.title,
              number: answer.versionNumber,
            })
          : t('register.imports.result.title', {
              title: answer.title,
              number: answer.versionNumber,
            })
      }
      extra={[
        versioned ? (
          <Button
            key="diff"
            type="primary"
            onClick={() => open(`${registerPath(answer.code)}?tab=diff`)}
          >
            {t('register.imports.result.openDiff')}
          </Button>
        ) : (
          <Button key="register" type="primary" onClick={() => open(registerPath(answer.code))}>
            {t('register.imports.result.openRegister')}
          </Button>
        ),
        <Button key="close" onClick={onClose}>
          {t('register.imports.result.close')}
        </Button>,
      ]}
    >
      <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('register.imports.result.source')}>
          {answer.source.fileName} · {answer.source.description}
        </Descriptions.Item>
        <Descriptions.Item label={t('register.imports.result.structure')}>
          {t('register.imports.result.structureValue', {
            chapters: answer.chapters,
            articles: answer.articles,
            paragraphs: answer.paragraphs,
            items: answer.items,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('register.imports.result.duties')}>
          {t('register.imports.result.dutiesValue', {
            duties: answer.duties,
            tracked: answer.trackedDuties,
            needsReview: answer.needsReview,
          })}
        </Descriptions.Item>
        {versioned && (
          <Descriptions.Item label={t('register.imports.result.changes')}>
            {changes.some((kind) => kind !== 'unchanged') ? (
              <Flex wrap gap={4}>
                {changes.map((kind) => (
                  <Tag key={kind} color={CHANGE_COLORS[kind]}>
                    {t(`register.imports.changeKinds.${kind}`)} {answer.changeSummary[kind]}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('register.imports.result.noChanges')
            )}
          </Descriptions.Item>
        )}
        {versioned && (
          <Descriptions.Item label={t('register.imports.result.carriedOver')}>
            {answer.carriedOver}
          </Descriptions.Item>
        )}
        {versioned && (
          <Descriptions.Item label={t('register.imports.result.mappingSuggestions')}>
            {answer.mappingSuggestions > 0 ? (
              <Tag color="gold">{answer.mappingSuggestions}</Tag>
            ) : (
              answer.mappingSuggestions
            )}
          </Descriptions.Item>
        )}
        {answer.warnings.length > 0 && (
          <Descriptions.Item label={t('register.imports.result.warnings')}>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {answer.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Result>
  );
}
