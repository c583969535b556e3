import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { IssueUrgingNoticeInput } from '../../../graphql/generated/graphql';
import { issuableColours, TAG_COLOURS, type UrgingColour } from '../utils/notice';

const FIELDS = ['colour', 'text', 'answerDue'] as const;

interface PickedDate {
  format: (pattern: string) => string;
}

/** Today in China (the server's calendar day), YYYY-MM-DD. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface IssueNoticeModalProps {
  open: boolean;
  taskId: string;
  /** Colour of the task's open notice: only higher ones may be issued. */
  openColour: UrgingColour | null;
  issuing: boolean;
  issue: (input: IssueUrgingNoticeInput) => Promise<{ number: string } | undefined>;
  onClose: () => void;
}

/** 签发督办单: level (above the open notice), text and answer deadline. */
export function IssueNoticeModal({
  open,
  taskId,
  openColour,
  issuing,
  issue,
  onClose,
}: IssueNoticeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ colour: UrgingColour; text: string; answerDue: PickedDate }>();
  const submitError = useFormSubmitError(form, FIELDS);
  const colours = issuableColours(openColour);

  const submit = async () => {
    const values = await form.validateFields();
    submitError.clear();
    try {
      const notice = await issue({
        taskId,
        colour: values.colour,
        text: values.text.trim(),
        answerDue: values.answerDue.format('YYYY-MM-DD'),
      });
      void message.success(t('urging.issueForm.issued', { number: notice?.number ?? '' }));
      onClose();
    } catch (error) {
      submitError.report(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('urging.issueForm.title')}
      okText={t('urging.issueForm.submit')}
      okButtonProps={{ loading: issuing, danger: true }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        submitError.clear();
        onClose();
      }}
      destroyOnHidden
    >
      {submitError.error && (
        <Alert type="error" showIcon title={submitError.error} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ colour: colours[0] }}>
        <Form.Item
          name="colour"
          label={t('urging.issueForm.colour')}
          extra={t('urging.issueForm.colourHelp')}
        >
          <Radio.Group>
            {colours.map((c) => (
              <Radio.Button key={c} value={c} style={{ color: TAG_COLOURS[c] }}>
                {t('urging.colourNotice', { colour: t(`urging.colours.${c}`) })}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="text"
          label={t('urging.issueForm.text')}
          rules={[
            { required: true, whitespace: true, message: t('urging.issueForm.textRequired') },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('urging.issueForm.textPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="answerDue"
          label={t('urging.issueForm.answerDue')}
          rules={[{ required: true, message: t('urging.issueForm.answerDueRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(date) => date.format('YYYY-MM-DD') < shanghaiToday()}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
