import { Button, Col, Flex, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { useRouteParams } from '../../../app/routes';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { ArticlePanel } from '../components/ArticlePanel';
import { AssistsPanel } from '../components/AssistsPanel';
import { EvidenceSection } from '../components/EvidenceSection';
import { ExtensionPanel } from '../components/ExtensionPanel';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { ProgressEditor } from '../components/ProgressEditor';
import { StatusActions } from '../components/StatusActions';
import { TaskHeader } from '../components/TaskHeader';
import { useTaskDetail } from '../hooks/useTaskDetail';
import { useTaskMutations } from '../hooks/useTaskMutations';
import { AcknowledgeBanner } from '../components/AcknowledgeBanner';
import { ReassignPanel } from '../components/ReassignPanel';
import { TaskUrgingPanel } from '../../urging/components/TaskUrgingPanel';
import { NotApplicablePanel } from '../components/NotApplicablePanel';
import { CommentPanel } from '../components/CommentPanel';

/** /tasks/:id: one task, its duty, progress, evidence, extensions and history. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useRouteParams();
  const user = useSignedInUser();
  const { task, loading, error, retry, refresh } = useTaskDetail(id);
  const mutations = useTaskMutations(id);

  if (loading) return <PageLoading rows={8} />;
  if (error?.code === 'NOT_FOUND' || (!task && !error)) {
    return (
      <Result
        status="404"
        title={t('tasks.detail.notFoundTitle')}
        subTitle={t('tasks.detail.notFoundDescription')}
        extra={
          <Button type="primary" onClick={() => navigate('/tasks')}>
            {t('tasks.detail.back')}
          </Button>
        }
      />
    );
  }
  if (!task) return error ? <QueryErrorAlert error={error} onRetry={retry} /> : null;

  return (
    <Flex vertical gap="large">
      <TaskHeader
        task={task}
        actions={
          <StatusActions
            task={task}
            changing={mutations.saving}
            changeStatus={mutations.changeStatus}
            onReload={refresh}
          />
        }
      />
      <AcknowledgeBanner taskId={task.id} onChanged={() => void refresh()} />
      {error && <QueryErrorAlert error={error} onRetry={retry} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap="middle">
            <TaskUrgingPanel taskId={task.id} />
            <ProgressEditor
              task={task}
              isOperator={user.role === 'COUNTY_OPERATOR'}
              saving={mutations.saving}
              saveNotes={mutations.saveNotes}
              onReload={refresh}
            />
            <EvidenceSection
              task={task}
              username={user.username}
              withdrawing={mutations.withdrawing}
              onWithdraw={mutations.withdrawFile}
              onChanged={() => void refresh()}
            />
            <AssistsPanel
              task={task}
              departmentId={user.department?.id}
              saving={mutations.contributing}
              saveContribution={mutations.saveContribution}
            />
            <ExtensionPanel
              task={task}
              requesting={mutations.requesting}
              deciding={mutations.deciding}
              askExtension={mutations.askExtension}
              decideOnExtension={mutations.decideOnExtension}
            />
            <ReassignPanel taskId={task.id} onChanged={() => void refresh()} />
            <NotApplicablePanel task={task} onChanged={() => void refresh()} />
            <CommentPanel taskId={task.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap="middle">
            <ArticlePanel task={task} />
            <HistoryTimeline history={task.history} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
