import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import type { TaskDetail } from '../graphql/types';
import { conflictCurrentOf, type ConflictCurrent } from '../utils/conflict';
import { ConflictPanel, type NotesVersion } from './ConflictPanel';

export interface ProgressEditorProps {
  task: TaskDetail;
  /** The signed-in user is a county operator (shown why a submitted task cannot be edited). */
  isOperator: boolean;
  saving: boolean;
  saveNotes: (expectedRowVersion: number, notes: NotesVersion) => Promise<unknown>;
  /** Reload the task (after dropping one's own changes in a conflict). */
  onReload: () => Promise<void>;
}

interface Draft extends NotesVersion {
  /** The row version the draft was started from; a save sends it back. */
  baseVersion: number;
}

/** 进展情况 and 工作举措: read for everyone, edited by the task's operator with its row version. */
export function ProgressEditor({
  task,
  isOperator,
  saving,
  saveNotes,
  onReload,
}: ProgressEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>();
  const [conflict, setConflict] = useState<ConflictCurrent>();
  const [error, setError] = useState<string>();

  const save = async (notes: NotesVersion, expectedRowVersion: number) => {
    setError(undefined);
    try {
      await saveNotes(expectedRowVersion, notes);
      setDraft(undefined);
      setConflict(undefined);
      void message.success(t('tasks.progress.saved'));
    } catch (thrown) {
      const current = conflictCurrentOf(thrown);
      if (current) {
        setConflict(current);
        return;
      }
      setError(errorText(toAppError(thrown)));
    }
  };

  const show = (value: string) =>
    value.trim() ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
        {value}
      </Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary">{t('tasks.progress.empty')}</Typography.Text>
    );

  const canEdit = task.capabilities.edit && !task.retiredAt;
  const frozen = task.status === 'SUBMITTED' || task.status === 'VERIFIED';

  return (
    <Card
      title={t('tasks.progress.title')}
      extra={
        canEdit && !draft ? (
          <Button
            onClick={() =>
              setDraft({
                progressNote: task.progressNote,
                measures: task.measures,
                baseVersion: task.rowVersion,
              })
            }
          >
            {t('tasks.progress.edit')}
          </Button>
        ) : undefined
      }
    >
      {conflict && draft ? (
        <ConflictPanel
          mine={draft}
          current={conflict}
          reapplying={saving}
          onReapply={() => {
            const mine = { progressNote: draft.progressNote, measures: draft.measures };
            setDraft({ ...draft, baseVersion: conflict.rowVersion });
            void save(mine, conflict.rowVersion);
          }}
          onDiscard={() => {
            setConflict(undefined);
            setDraft(undefined);
            void onReload();
          }}
        />
      ) : draft ? (
        <Form
          layout="vertical"
          onFinish={() =>
            void save(
              { progressNote: draft.progressNote, measures: draft.measures },
              draft.baseVersion,
            )
          }
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item label={t('tasks.progress.progressNote')} htmlFor="task-progress-note">
            <Input.TextArea
              id="task-progress-note"
              rows={6}
              maxLength={10000}
              placeholder={t('tasks.progress.progressPlaceholder')}
              value={draft.progressNote}
              onChange={(e) => setDraft({ ...draft, progressNote: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('tasks.progress.measures')} htmlFor="task-measures">
            <Input.TextArea
              id="task-measures"
              rows={4}
              maxLength={10000}
              placeholder={t('tasks.progress.measuresPlaceholder')}
              value={draft.measures}
              onChange={(e) => setDraft({ ...draft, measures: e.target.value })}
            />
          </Form.Item>
          <Flex gap="small">
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('tasks.progress.save')}
            </Button>
            <Button
              disabled={saving}
              onClick={() => {
                setDraft(undefined);
                setError(undefined);
              }}
            >
              {t('common.cancel')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Flex vertical gap="middle">
          {frozen && isOperator && (
            <Typography.Text type="secondary">{t('tasks.progress.frozen')}</Typography.Text>
          )}
          <Descriptions column={1} layout="vertical" size="small">
            <Descriptions.Item label={t('tasks.progress.progressNote')}>
              {show(task.progressNote)}
            </Descriptions.Item>
            <Descriptions.Item label={t('tasks.progress.measures')}>
              {show(task.measures)}
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      )}
    </Card>
  );
}
