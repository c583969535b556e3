import { Alert, Card, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCommentDiscussion, type TaskCommentItem } from '../hooks/useCommentDiscussion';
import { buildCommentThreads } from '../utils/commentThreads';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';

/** 评论与批示: pinned instructions first, then the threads, and the composer. */
export function CommentPanel({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { discussion, loading, error, retry, post, posting } = useCommentDiscussion(taskId);
  const [replyTo, setReplyTo] = useState<TaskCommentItem>();
  const threads = useMemo(
    () => buildCommentThreads(discussion?.comments ?? []),
    [discussion?.comments],
  );
  const pinned = threads.filter((th) => th.root.pinned);
  const others = threads.filter((th) => !th.root.pinned);
  const reply = discussion?.canComment ? setReplyTo : undefined;

  const renderThread = (thread: (typeof threads)[number]) => (
    <Flex key={thread.root.id} vertical gap={4}>
      <CommentItem comment={thread.root} onReply={reply} />
      {thread.replies.map((r) => (
        <CommentItem key={r.comment.id} comment={r.comment} depth={r.depth} onReply={reply} />
      ))}
    </Flex>
  );

  return (
    <Card title={t('taskComments.title')} data-testid="comment-panel">
      {loading && <Skeleton active />}
      {error && <QueryErrorAlert error={error} onRetry={retry} />}
      {discussion && (
        <Flex vertical gap="middle">
          {pinned.length > 0 && (
            <Flex vertical gap="small">
              <Typography.Text strong>{t('taskComments.instructions')}</Typography.Text>
              {pinned.map(renderThread)}
            </Flex>
          )}
          {others.length > 0 ? (
            <Flex vertical gap="small">
              {others.map((thread, i) => (
                <Flex key={thread.root.id} vertical gap="small">
                  {i > 0 && <Divider style={{ margin: 0 }} />}
                  {renderThread(thread)}
                </Flex>
              ))}
            </Flex>
          ) : (
            pinned.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('taskComments.empty')} />
            )
          )}
          <Divider style={{ margin: 0 }} />
          {discussion.canComment ? (
            <CommentComposer
              taskId={taskId}
              discussion={discussion}
              replyTo={replyTo}
              onCancelReply={() => setReplyTo(undefined)}
              post={post}
              posting={posting}
            />
          ) : (
            <Alert type="info" showIcon title={t('taskComments.readOnly')} />
          )}
        </Flex>
      )}
    </Card>
  );
}
