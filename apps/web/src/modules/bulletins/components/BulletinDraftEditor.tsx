import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { useBulletinActions, useGoodPracticeCandidates } from '../hooks/useBulletins';
import type { BulletinDetail, GoodPracticePick } from '../graphql/types';
import { GoodPracticePicker } from './GoodPracticePicker';

interface FormValues {
  title: string;
  issuingBody: string;
  addressee: string;
  intro: string;
  requirements: string;
  goodPractices: GoodPracticePick[];
}

/** Edits a draft's texts and good practice picks; the figures stay as generated. */
export function BulletinDraftEditor({ bulletin }: { bulletin: BulletinDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<AppError>();
  const { update, busy } = useBulletinActions();
  const { candidates, loading } = useGoodPracticeCandidates(
    bulletin.cycleId,
    bulletin.scopeUnitCode,
  );
  const known = new Map(
    bulletin.goodPractices.map((g) => [
      g.taskId,
      t('bulletins.detail.goodPractice', {
        unit: g.unitName,
        article: g.article,
        subject: g.subject,
      }),
    ]),
  );
  const required = [{ required: true, whitespace: true, message: t('bulletins.editor.required') }];

  const save = async (values: FormValues) => {
    setError(undefined);
    const outcome = await update({
      id: bulletin.id,
      expectedRowVersion: bulletin.rowVersion,
      ...values,
      goodPractices: values.goodPractices.map((g) => ({
        taskId: g.taskId,
        comment: g.comment.trim(),
      })),
    });
    if (outcome.ok) void message.success(t('bulletins.editor.saved'));
    else setError(outcome.error);
  };

  return (
    <Form<FormValues>
      key={bulletin.rowVersion}
      layout="vertical"
      initialValues={{
        title: bulletin.title,
        issuingBody: bulletin.issuingBody,
        addressee: bulletin.addressee,
        intro: bulletin.intro,
        requirements: bulletin.requirements,
        goodPractices: bulletin.goodPractices.map((g) => ({
          taskId: g.taskId,
          comment: g.comment,
        })),
      }}
      onFinish={save}
    >
      <Form.Item name="title" label={t('bulletins.editor.docTitle')} rules={required}>
        <Input.TextArea autoSize maxLength={300} />
      </Form.Item>
      <Form.Item name="issuingBody" label={t('bulletins.editor.issuingBody')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="addressee" label={t('bulletins.editor.addressee')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="intro" label={t('bulletins.editor.intro')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="requirements" label={t('bulletins.editor.requirements')}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="goodPractices"
        label={t('bulletins.form.goodPractices')}
        rules={[
          {
            validator: (_, value: GoodPracticePick[] = []) =>
              value.every((v) => v.comment.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('bulletins.form.commentRequired'))),
          },
        ]}
      >
        <GoodPracticePicker candidates={candidates} loading={loading} known={known} />
      </Form.Item>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('bulletins.actions.save')}
      </Button>
    </Form>
  );
}
