import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  InputNumber,
  Modal,
  Select,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../overview/hooks/useFormatters';
import {
  MAPPING_FIELDS,
  REQUIRED_FIELDS,
  requestImport,
  requestPreview,
  type ColumnMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportRequest,
  type PreviewRow,
} from '../utils/historyImport';

export interface HistoryImportDialogProps {
  onClose: () => void;
  onImported: () => void;
}

/**
 * 导入往年考核结果: upload an office's workbook, say which column is the unit, the indicator,
 * the score…, check and preview every row (each problem named, near-miss unit names with
 * suggestions to accept), then import all or nothing.
 */
export function HistoryImportDialog({ onClose, onImported }: HistoryImportDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = useFormatters();
  const [step, setStep] = useState(0);
  const [year, setYear] = useState<number | null>(new Date().getFullYear() - 1);
  const [file, setFile] = useState<File>();
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [unitMatches, setUnitMatches] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview>();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const request = (extra: Partial<ImportRequest> = {}): ImportRequest => ({
    year: year ?? 0,
    fileName: file?.name ?? '',
    ...extra,
  });

  const readHeaders = async () => {
    setTouched(true);
    if (!file || !year) return;
    setBusy(true);
    setFailure(undefined);
    const answer = await requestPreview(file, request());
    setBusy(false);
    if (!answer.ok) {
      setFailure(answer.message ?? answer.code);
      setProblems(answer.problems);
      return;
    }
    setHeaders(answer.preview.headers);
    setMapping(answer.preview.mapping);
    // Problems of the file as a whole (year taken, unreadable sheet) are shown right here.
    const fileProblems = answer.preview.problems.filter(
      (p) => p.row === 0 && !p.code.startsWith('MAPPING_'),
    );
    setProblems(fileProblems);
    if (answer.preview.headers.length && fileProblems.length === 0) setStep(1);
  };

  const check = async (matches = unitMatches) => {
    if (!file) return;
    setBusy(true);
    setFailure(undefined);
    const answer = await requestPreview(file, request({ mapping, unitMatches: matches }));
    setBusy(false);
    if (!answer.ok) {
      setFailure(answer.message ?? answer.code);
      setProblems(answer.problems);
      return;
    }
    setPreview(answer.preview);
    setProblems(answer.preview.problems);
    setStep(2);
  };

  const accept = (text: string, code: string) => {
    const next = { ...unitMatches, [text]: code };
    setUnitMatches(next);
    void check(next);
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    setFailure(undefined);
    const answer = await requestImport(file, request({ mapping, unitMatches }));
    setBusy(false);
    if (!answer.ok) {
      setFailure(answer.message ?? answer.code);
      setProblems(answer.problems);
      return;
    }
    message.success(
      t('assessmentHistory.import.done', {
        year: answer.year,
        rows: answer.rowCount,
        units: answer.unitCount,
      }),
    );
    onImported();
    onClose();
  };

  const mappingComplete = REQUIRED_FIELDS.every((field) => !!mapping[field]);
  const columns: TableProps<PreviewRow>['columns'] = [
    { key: 'row', title: '#', dataIndex: 'row', width: 56 },
    {
      key: 'unit',
      title: t('assessmentHistory.import.fields.unit'),
      render: (_, r) => `${r.unitName}（${r.unitCode}）`,
    },
    {
      key: 'indicator',
      title: t('assessmentHistory.import.fields.indicator'),
      render: (_, r) =>
        r.indicator ||
        (r.derived ? (
          <Tag>{t('assessmentHistory.import.derived')}</Tag>
        ) : (
          <Tag color="blue">{t('assessmentHistory.import.total')}</Tag>
        )),
    },
    {
      key: 'score',
      title: t('assessmentHistory.import.fields.score'),
      align: 'right',
      render: (_, r) => f.number(r.score),
    },
    {
      key: 'rank',
      title: t('assessmentHistory.import.fields.rank'),
      render: (_, r) => r.rank ?? '',
    },
    {
      key: 'grade',
      title: t('assessmentHistory.import.fields.grade'),
      render: (_, r) => r.grade ?? '',
    },
    {
      key: 'completion',
      title: t('assessmentHistory.import.fields.completion'),
      render: (_, r) => (r.completion === null ? '' : f.percent(r.completion)),
    },
  ];

  const footer = [
    <Button key="cancel" onClick={onClose}>
      {t('assessmentHistory.import.cancel')}
    </Button>,
    step > 0 && (
      <Button key="back" onClick={() => setStep(step - 1)} disabled={busy}>
        {t('assessmentHistory.import.back')}
      </Button>
    ),
    step === 0 && (
      <Button key="next" type="primary" loading={busy} onClick={() => void readHeaders()}>
        {t('assessmentHistory.import.next')}
      </Button>
    ),
    step === 1 && (
      <Button
        key="check"
        type="primary"
        loading={busy}
        disabled={!mappingComplete}
        onClick={() => void check()}
      >
        {t('assessmentHistory.import.check')}
      </Button>
    ),
    step === 2 && (
      <Button
        key="confirm"
        type="primary"
        loading={busy}
        disabled={!preview || problems.length > 0 || preview.rowCount === 0}
        onClick={() => void confirm()}
      >
        {t('assessmentHistory.import.confirm')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Modal
      open
      title={t('assessmentHistory.import.title')}
      onCancel={onClose}
      footer={footer}
      width={880}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('assessmentHistory.import.steps.upload') },
            { title: t('assessmentHistory.import.steps.mapping') },
            { title: t('assessmentHistory.import.steps.preview') },
          ]}
        />
        {step === 0 && (
          <Form layout="vertical">
            <Typography.Paragraph type="secondary">
              {t('assessmentHistory.import.hint')}
            </Typography.Paragraph>
            <Form.Item
              label={t('assessmentHistory.import.year')}
              htmlFor="history-import-year"
              validateStatus={touched && !year ? 'error' : undefined}
              help={touched && !year ? t('assessmentHistory.import.yearRequired') : undefined}
            >
              <InputNumber
                id="history-import-year"
                min={2000}
                max={2100}
                precision={0}
                value={year}
                onChange={(v) => setYear(v)}
              />
            </Form.Item>
            <Form.Item
              label={t('assessmentHistory.import.file')}
              validateStatus={touched && !file ? 'error' : undefined}
              help={touched && !file ? t('assessmentHistory.import.fileRequired') : undefined}
            >
              <Upload
                accept=".xlsx"
                maxCount={1}
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  return false;
                }}
                onRemove={() => setFile(undefined)}
                fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              >
                <Button icon={<UploadOutlined />}>{t('assessmentHistory.import.choose')}</Button>
              </Upload>
            </Form.Item>
          </Form>
        )}
        {step === 1 && (
          <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 14 }}>
            <Typography.Paragraph type="secondary">
              {t('assessmentHistory.import.mappingHint')}
            </Typography.Paragraph>
            {MAPPING_FIELDS.map((field) => (
              <Form.Item
                key={field}
                label={t(`assessmentHistory.import.fields.${field}`)}
                htmlFor={`history-import-${field}`}
                required={REQUIRED_FIELDS.includes(field)}
              >
                <Select
                  id={`history-import-${field}`}
                  allowClear={!REQUIRED_FIELDS.includes(field)}
                  value={mapping[field] ?? null}
                  placeholder={t('assessmentHistory.import.notMapped')}
                  onChange={(value: string | null) =>
                    setMapping((m) => ({ ...m, [field]: value ?? undefined }))
                  }
                  options={headers.map((h) => ({ value: h, label: h }))}
                />
              </Form.Item>
            ))}
          </Form>
        )}
        {step === 2 && preview && (
          <Typography.Text>
            {t('assessmentHistory.import.summary', {
              rows: preview.rowCount,
              units: preview.unitCount,
              indicators: preview.indicatorCount,
            })}
          </Typography.Text>
        )}
        {failure && problems.length === 0 && <Alert type="error" showIcon title={failure} />}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('assessmentHistory.import.problems', { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 16, maxHeight: 240, overflow: 'auto' }}>
                {problems.map((p, i) => (
                  <li key={i} data-code={p.code}>
                    <Typography.Text strong>
                      {p.row
                        ? t('assessmentHistory.import.problemRow', { row: p.row })
                        : t('assessmentHistory.import.problemFile')}
                      {p.column ? ` · ${p.column}` : ''}
                    </Typography.Text>
                    ：{p.message}
                    {p.value && unitMatches[p.value] ? null : (
                      <Flex gap={4} wrap style={{ display: 'inline-flex', marginInlineStart: 8 }}>
                        {(p.suggestions ?? []).map((s) => (
                          <Button
                            key={s.code}
                            size="small"
                            type="link"
                            disabled={busy}
                            onClick={() => accept(p.value ?? '', s.code)}
                          >
                            {t('assessmentHistory.import.useSuggestion', { name: s.name })}
                          </Button>
                        ))}
                      </Flex>
                    )}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {step === 2 && preview && preview.rows.length > 0 && (
          <>
            <Typography.Text type="secondary">
              {t('assessmentHistory.import.previewRows', { count: preview.rows.length })}
            </Typography.Text>
            <Table<PreviewRow>
              size="small"
              rowKey={(r) => `${r.row}-${r.unitCode}-${r.indicator}-${r.derived}`}
              columns={columns}
              dataSource={preview.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
