import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { UrgingNotice } from '../utils/notice';

const FIELDS = ['answer'] as const;

export interface AnswerNoticeModalProps {
  notice: UrgingNotice | undefined;
  answering: boolean;
  answer: (id: string, text: string) => Promise<unknown>;
  onClose: () => void;
}

/** 反馈: the operator's answer to an acknowledged notice. */
export function AnswerNoticeModal({ notice, answering, answer, onClose }: AnswerNoticeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const submitError = useFormSubmitError(form, FIELDS);

  const submit = async () => {
    if (!notice) return;
    const values = await form.validateFields();
    submitError.clear();
    try {
      await answer(notice.id, values.answer.trim());
      void message.success(t('urging.answerForm.answered'));
      onClose();
    } catch (error) {
      submitError.report(error);
    }
  };

  return (
    <Modal
      open={!!notice}
      title={t('urging.answerForm.title', { number: notice?.number ?? '' })}
      okText={t('urging.answerForm.submit')}
      okButtonProps={{ loading: answering }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        submitError.clear();
        onClose();
      }}
      destroyOnHidden
    >
      {notice && (
        <Alert
          type="info"
          title={notice.text}
          style={{ marginBottom: 12, whiteSpace: 'pre-wrap' }}
        />
      )}
      {submitError.error && (
        <Alert type="error" showIcon title={submitError.error} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="answer"
          label={t('urging.answerForm.answer')}
          rules={[{ required: true, whitespace: true, message: t('urging.answerForm.required') }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={5000}
            showCount
            placeholder={t('urging.answerForm.placeholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
