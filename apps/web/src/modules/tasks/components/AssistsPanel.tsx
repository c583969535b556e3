import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskDetail } from '../graphql/types';
import { personText } from '../../../components/PersonName';

export interface AssistsPanelProps {
  task: TaskDetail;
  /** The signed-in user's department (an assisting department edits its own note). */
  departmentId: string | undefined;
  saving: boolean;
  saveContribution: (note: string) => Promise<unknown>;
}

/** 配合部门: each assisting department's account of its part; its own editable by it. */
export function AssistsPanel({ task, departmentId, saving, saveContribution }: AssistsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const own = task.assists.find((a) => a.departmentId === departmentId);
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<string>();
  if (task.assists.length === 0) return null;
  const canEdit = task.capabilities.contribute && !!own && !task.retiredAt;

  const save = async () => {
    setError(undefined);
    try {
      await saveContribution(note ?? own?.contributionNote ?? '');
      setNote(undefined);
      void message.success(t('tasks.contribution.saved'));
    } catch (thrown) {
      setError(errorText(toAppError(thrown)));
    }
  };

  return (
    <Card title={t('tasks.contribution.title')}>
      <Flex vertical gap="middle">
        {task.assists.map((a) => (
          <div key={a.departmentId}>
            <Typography.Text strong>{a.department.name}</Typography.Text>
            <div>
              {a.contributionNote.trim() ? (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                  {a.contributionNote}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('tasks.contribution.empty')}</Typography.Text>
              )}
            </div>
            {a.updatedBy && a.updatedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tasks.detail.updated', {
                  user: personText(a.updater, a.updatedBy),
                  time: formatDateTime(a.updatedAt, language),
                })}
              </Typography.Text>
            )}
          </div>
        ))}
      </Flex>
      {canEdit && (
        <Flex vertical gap="small" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('tasks.contribution.mine')}</Typography.Text>
          {error && <Alert type="error" showIcon title={error} />}
          <Input.TextArea
            aria-label={t('tasks.contribution.mine')}
            rows={3}
            maxLength={10000}
            value={note ?? own?.contributionNote ?? ''}
            onChange={(e) => setNote(e.target.value)}
          />
          <div>
            <Button
              type="primary"
              loading={saving}
              disabled={note === undefined}
              onClick={() => void save()}
            >
              {t('tasks.contribution.save')}
            </Button>
          </div>
        </Flex>
      )}
    </Card>
  );
}
