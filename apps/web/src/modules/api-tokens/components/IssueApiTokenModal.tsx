import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenScope, IssueApiTokenInput } from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useTokenUnits } from '../hooks/useApiTokens';
import { expiryOfDay, isSelectableExpiryDay } from '../utils/expiry';

export const SCOPES: readonly ApiTokenScope[] = ['ANALYTICS_READ', 'EVIDENCE_METADATA_READ'];
const FIELDS = ['name', 'scopes', 'unitId', 'expiresAt', 'rateLimitPerMinute'] as const;

interface Values {
  name: string;
  scopes: ApiTokenScope[];
  unitId: string;
  expiresOn: Dayjs;
  rateLimitPerMinute?: number | null;
}

/** The form that issues a token; `onIssued` gets the answer (with the token, shown once). */
export function IssueApiTokenModal({
  open,
  onCancel,
  onSubmit,
  submitting,
}: {
  open: boolean;
  onCancel: () => void;
  onSubmit: (input: IssueApiTokenInput) => Promise<void>;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { units, loading } = useTokenUnits(!open);
  const unitOptions = useMemo(
    () =>
      units.map((unit) => ({
        value: unit.code,
        label:
          unit.level === 'PROVINCE'
            ? unit.name
            : unit.level === 'PREFECTURE'
              ? `\u3000${unit.name}`
              : `\u3000\u3000${unit.name}`,
        search: `${unit.name} ${unit.code}`,
      })),
    [units],
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    try {
      await onSubmit({
        name: values.name.trim(),
        scopes: values.scopes,
        unitId: values.unitId,
        expiresAt: expiryOfDay(values.expiresOn.format('YYYY-MM-DD')),
        ...(values.rateLimitPerMinute ? { rateLimitPerMinute: values.rateLimitPerMinute } : {}),
      });
      form.resetFields();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={open}
      title={t('apiTokens.form.title')}
      okText={t('apiTokens.form.submit')}
      cancelText={t('apiTokens.form.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        clear();
        onCancel();
      }}
      confirmLoading={submitting}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark preserve={false}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="name"
          label={t('apiTokens.form.name')}
          rules={[{ required: true, whitespace: true, message: t('apiTokens.form.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('apiTokens.form.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('apiTokens.form.scopes')}
          rules={[{ required: true, message: t('apiTokens.form.scopesRequired') }]}
        >
          <Checkbox.Group
            options={SCOPES.map((scope) => ({
              value: scope,
              label: t(`apiTokens.scopes.${scope}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('apiTokens.form.unit')}
          extra={t('apiTokens.form.unitHelp')}
          rules={[{ required: true, message: t('apiTokens.form.unitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            loading={loading}
            options={unitOptions}
          />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('apiTokens.form.expiresAt')}
          extra={t('apiTokens.form.expiresAtHelp')}
          rules={[{ required: true, message: t('apiTokens.form.expiresAtRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => !isSelectableExpiryDay(day.format('YYYY-MM-DD'), new Date())}
          />
        </Form.Item>
        <Form.Item
          name="rateLimitPerMinute"
          label={t('apiTokens.form.rateLimit')}
          extra={t('apiTokens.form.rateLimitHelp')}
        >
          <InputNumber min={1} max={600} precision={0} placeholder="60" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
