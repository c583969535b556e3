import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type {
  CommentDiscussion,
  NewCommentInput,
  TaskCommentItem,
} from '../hooks/useCommentDiscussion';
import { useUploadFailureText } from '../hooks/useUploadFailureText';
import {
  attachmentIdsFromResponse,
  commentAttachmentUploadUrl,
  MAX_COMMENT_LENGTH,
  MENTION_ROLES,
  mentionsFromKeys,
} from '../utils/commentThreads';
import { parseEvidenceUploadError, sendWithProgress } from '../utils/evidenceUpload';

const FIELDS = ['body', 'mentions', 'attachmentIds'] as const;

interface Values {
  kind: 'COMMENT' | 'INSTRUCTION';
  body: string;
  mentions?: string[];
  asEvidence?: boolean;
}

export interface CommentComposerProps {
  taskId: string;
  discussion: CommentDiscussion;
  replyTo?: TaskCommentItem;
  onCancelReply: () => void;
  post: (input: NewCommentInput) => Promise<void>;
  posting: boolean;
}

/**
 * Writes a comment, a reply or (supervisors over the unit) an instruction, with mentions and
 * attachments. Files go to the comment-attachment endpoint first (checked like evidence), then
 * the comment is posted with their ids; a refused file stops the comment with the server's reason.
 */
export function CommentComposer({
  taskId,
  discussion,
  replyTo,
  onCancelReply,
  post,
  posting,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submitError = useFormSubmitError(form, FIELDS);
  const failureText = useUploadFailureText();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const kind = Form.useWatch('kind', form) ?? 'COMMENT';

  const mentionOptions = useMemo(
    () => [
      {
        label: t('taskComments.mentionUnit'),
        options: discussion.mentionableUnits.map((u) => ({
          value: `unit:${u.code}`,
          label: u.name,
        })),
      },
      {
        label: t('taskComments.mentionRole'),
        options: MENTION_ROLES.map((r) => ({
          value: `role:${r}`,
          label: t(`taskComments.roles.${r}`),
        })),
      },
    ],
    [discussion.mentionableUnits, t],
  );

  const uploadAll = async (asEvidence: boolean): Promise<string[] | null> => {
    const ids: string[] = [];
    for (const file of files) {
      const blob = file.originFileObj;
      if (!blob) continue;
      const data = new FormData();
      data.append('files', blob, blob.name);
      try {
        const { status, bodyText } = await sendWithProgress({
          url: commentAttachmentUploadUrl(taskId, asEvidence),
          body: data,
        }).promise;
        if (status < 200 || status >= 300) {
          setUploadError(failureText(parseEvidenceUploadError(status, bodyText), blob.name));
          return null;
        }
        ids.push(...attachmentIdsFromResponse(bodyText));
      } catch {
        setUploadError(failureText(parseEvidenceUploadError(0, ''), blob.name));
        return null;
      }
    }
    return ids;
  };

  const submit = async () => {
    const values = await form.validateFields();
    submitError.clear();
    setUploadError(undefined);
    setUploading(true);
    const attachmentIds = await uploadAll(!!values.asEvidence).finally(() => setUploading(false));
    if (!attachmentIds) return;
    try {
      await post({
        body: values.body.trim(),
        kind: values.kind ?? 'COMMENT',
        parentId: replyTo?.id,
        mentions: mentionsFromKeys(values.mentions ?? []),
        attachmentIds,
      });
      void message.success(t('taskComments.posted'));
      form.resetFields();
      setFiles([]);
      onCancelReply();
    } catch (error) {
      submitError.report(error);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'COMMENT' }}>
      {replyTo && (
        <Flex gap="small" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {t('taskComments.replyingTo', { name: replyTo.authorDisplayName })}
          </Typography.Text>
          <Typography.Text ellipsis style={{ maxWidth: 320 }}>
            {replyTo.body}
          </Typography.Text>
          <Button size="small" type="link" onClick={onCancelReply}>
            {t('taskComments.cancelReply')}
          </Button>
        </Flex>
      )}
      {(submitError.error || uploadError) && (
        <Alert
          type="error"
          showIcon
          title={uploadError ?? submitError.error}
          style={{ marginBottom: 12 }}
        />
      )}
      {discussion.canInstruct && !replyTo && (
        <Form.Item name="kind" style={{ marginBottom: 8 }}>
          <Radio.Group>
            <Radio.Button value="COMMENT">{t('taskComments.kindComment')}</Radio.Button>
            <Radio.Button value="INSTRUCTION">{t('taskComments.kindInstruction')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item
        name="body"
        rules={[
          { required: true, whitespace: true, message: t('taskComments.bodyRequired') },
          {
            max: MAX_COMMENT_LENGTH,
            message: t('taskComments.tooLong', { max: MAX_COMMENT_LENGTH }),
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={MAX_COMMENT_LENGTH}
          showCount
          placeholder={t(
            kind === 'INSTRUCTION'
              ? 'taskComments.placeholderInstruction'
              : 'taskComments.placeholder',
          )}
        />
      </Form.Item>
      <Form.Item name="mentions" label={t('taskComments.mentions')}>
        <Select
          mode="multiple"
          allowClear
          options={mentionOptions}
          placeholder={t('taskComments.mentionsPlaceholder')}
        />
      </Form.Item>
      <Form.Item extra={t('taskComments.attachHint')}>
        <Upload
          multiple
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
        >
          <Button icon={<UploadOutlined />}>{t('taskComments.attach')}</Button>
        </Upload>
      </Form.Item>
      {discussion.canAttachEvidence && files.length > 0 && (
        <Form.Item name="asEvidence" valuePropName="checked">
          <Checkbox>{t('taskComments.asEvidence')}</Checkbox>
        </Form.Item>
      )}
      <Button
        type="primary"
        loading={posting || uploading}
        onClick={() => void submit().catch(() => undefined)}
      >
        {t(kind === 'INSTRUCTION' ? 'taskComments.submitInstruction' : 'taskComments.submit')}
      </Button>
      {uploading && (
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {t('taskComments.uploading')}
        </Typography.Text>
      )}
    </Form>
  );
}
