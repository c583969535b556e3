import { PaperClipOutlined, PushpinFilled } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonName } from '../../../components/PersonName';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskCommentItem } from '../hooks/useCommentDiscussion';

export interface CommentItemProps {
  comment: TaskCommentItem;
  /** Indentation level (0 for a thread's root). */
  depth?: number;
  onReply?: (comment: TaskCommentItem) => void;
}

const INSTRUCTION_STYLE = {
  borderLeft: '4px solid #d4380d',
  background: '#fff7e6',
  padding: '8px 12px',
  borderRadius: 4,
} as const;

/** One comment or instruction (批示: highlighted, pinned), with its mentions and attachments. */
export function CommentItem({ comment, depth = 0, onReply }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const instruction = comment.kind === 'INSTRUCTION';
  return (
    <Flex
      vertical
      gap={4}
      data-testid={`comment-${comment.id}`}
      style={{
        marginLeft: depth * 24,
        ...(instruction ? INSTRUCTION_STYLE : { padding: '6px 0' }),
      }}
    >
      <Flex gap="small" align="center" wrap>
        {instruction && (
          <Tag color="volcano" icon={comment.pinned ? <PushpinFilled /> : undefined}>
            {t('taskComments.instructionTag')}
          </Tag>
        )}
        <Typography.Text strong>
          {/* Name and office; the display name stored with the comment if it was not loaded. */}
          <PersonName person={comment.author} fallback={comment.authorDisplayName} />
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(comment.createdAt, language)}
        </Typography.Text>
        {comment.mentions.map((m) => (
          <Tag key={`${m.type}:${m.unitCode ?? m.role}`} color="blue">
            @{m.label}
          </Tag>
        ))}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {comment.body}
      </Typography.Paragraph>
      {comment.attachments.length > 0 && (
        <Flex gap="small" wrap>
          {comment.attachments.map((a) => (
            <Flex key={a.id} gap={4} align="center">
              <PaperClipOutlined />
              <a href={a.downloadUrl} target="_blank" rel="noreferrer">
                {a.fileName}
              </a>
              {a.evidenceId && <Tag color="green">{t('taskComments.countedAsEvidence')}</Tag>}
            </Flex>
          ))}
        </Flex>
      )}
      {onReply && (
        <div>
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onReply(comment)}>
            {t('taskComments.reply')}
          </Button>
        </div>
      )}
    </Flex>
  );
}
