import { EditOutlined } from '@ant-design/icons';
import { ErrorCode } from '@duty/shared/errors';
import { Alert, App, Button, Flex, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { AssessmentPlan } from '../graphql/types';
import { useAssessmentPlan, useSaveAssessmentPlan } from '../hooks/useAssessmentPlan';
import { usePlanProblemText } from '../hooks/usePlanProblemText';
import {
  draftFromPlan,
  toSaveInput,
  validatePlanDraft,
  type DraftProblem,
  type PlanDraft,
} from '../utils/planDraft';
import {
  serverPlanProblems,
  serverProblemField,
  type SentIndicator,
  type ServerPlanProblem,
} from '../utils/serverProblems';
import { PlanIndicatorsTable } from './PlanIndicatorsTable';
import { PlanProblemsAlert } from './PlanProblemsAlert';
import { PlanSettings } from './PlanSettings';
import { personText } from '../../../components/PersonName';

export interface PlanTabProps {
  cycleId: string;
  /** The cycle's regulation version, whose tracked duties indicators cover. */
  regulationVersionId: string;
  /** Provincial supervisor and the cycle is open. */
  editable: boolean;
  cycleOpen: boolean;
}

export function PlanTab({ cycleId, regulationVersionId, editable, cycleOpen }: PlanTabProps) {
  const { plan, loading, error, retry, reload } = useAssessmentPlan(cycleId);
  if (error && !loading) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!plan) return <PageLoading rows={8} />;
  // A new plan version (saved here or reloaded) starts a fresh editor.
  return (
    <PlanEditor
      key={`${plan.cycleId}:${plan.version}`}
      plan={plan}
      regulationVersionId={regulationVersionId}
      editable={editable}
      cycleOpen={cycleOpen}
      reload={reload}
    />
  );
}

interface PlanEditorProps {
  plan: AssessmentPlan;
  regulationVersionId: string;
  editable: boolean;
  cycleOpen: boolean;
  reload: () => Promise<unknown>;
}

/** A save the API refused: its problems, and the indicators sent (it names them by position). */
interface RejectedSave {
  problems: ServerPlanProblem[];
  sent: SentIndicator[];
}

const NO_PROBLEMS: readonly string[] = [];

function PlanEditor({ plan, regulationVersionId, editable, cycleOpen, reload }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { save, saving } = useSaveAssessmentPlan();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(plan));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [rejected, setRejected] = useState<RejectedSave>();
  const [conflict, setConflict] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const { draftProblemText, serverProblemMessage } = usePlanProblemText();

  // Problems of a field, next to it: the server's of the last save (those of indicators removed
  // since are gone), then those found in the draft.
  const shownServerProblems = useMemo(() => {
    if (!rejected) return [];
    const ids = new Set(draft.indicators.map((i) => i.id));
    return rejected.problems
      .map((p) => ({
        message: serverProblemMessage(p, rejected.sent),
        path: serverProblemField(p.path, rejected.sent),
      }))
      .filter((p) => !p.path?.startsWith('indicators.') || ids.has(p.path.split('.')[1]));
  }, [rejected, draft.indicators, serverProblemMessage]);
  const problemsByField = useMemo(() => {
    const byField = new Map<string, string[]>();
    const add = (path: string | undefined, message: string) => {
      if (path) byField.set(path, [...(byField.get(path) ?? []), message]);
    };
    for (const p of shownServerProblems) add(p.path, p.message);
    for (const p of problems) add(p.path, draftProblemText(p));
    return byField;
  }, [shownServerProblems, problems, draftProblemText]);
  const problemsAt = (path: string) => problemsByField.get(path) ?? NO_PROBLEMS;

  const change = (next: PlanDraft) => {
    setDraft(next);
    // Problems shown after a failed save follow the edits, so fixed ones disappear.
    if (problems.length > 0) setProblems(validatePlanDraft(next));
  };

  const cancel = () => {
    setDraft(draftFromPlan(plan));
    setEditing(false);
    setProblems([]);
    setRejected(undefined);
    setSaveError(undefined);
  };

  const submit = async () => {
    const found = validatePlanDraft(draft);
    setProblems(found);
    setRejected(undefined);
    setSaveError(undefined);
    if (found.length > 0) return;
    const sent = draft.indicators.map(({ id, name, chapter }) => ({
      id,
      name: name.trim(),
      chapter,
    }));
    try {
      const saved = await save(toSaveInput(draft, plan.cycleId, plan.version));
      if (saved) void message.success(t('assessment.plan.saved', { version: saved.version }));
    } catch (thrown) {
      const appError = toAppError(thrown);
      if (appError.code === ErrorCode.CONFLICT) {
        setConflict(true);
        return;
      }
      const listed = serverPlanProblems(thrown);
      if (appError.code === ErrorCode.VALIDATION_FAILED && listed.length > 0) {
        setRejected({ problems: listed, sent });
      } else {
        setSaveError(errorText(appError));
      }
    }
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="small" wrap>
          <Typography.Text strong>
            {t('assessment.plan.version', { version: plan.version })}
          </Typography.Text>
          {plan.isDefault && <Tag color="default">{t('assessment.plan.default')}</Tag>}
          {plan.createdBy && plan.createdAt && (
            <Typography.Text type="secondary">
              {t('assessment.plan.savedBy', {
                user: personText(plan.creator, plan.createdBy),
                time: formatDateTime(plan.createdAt, language),
              })}
            </Typography.Text>
          )}
        </Flex>
        {editable &&
          (editing ? (
            <Flex gap="small">
              <Button onClick={cancel} disabled={saving}>
                {t('assessment.plan.cancel')}
              </Button>
              <Button type="primary" loading={saving} onClick={() => void submit()}>
                {t('assessment.plan.save')}
              </Button>
            </Flex>
          ) : (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('assessment.plan.edit')}
            </Button>
          ))}
      </Flex>
      {!cycleOpen && <Alert type="info" showIcon title={t('assessment.plan.readOnlyClosed')} />}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('assessment.plan.conflict')}
          action={
            <Button size="small" onClick={() => void reload().catch(() => undefined)}>
              {t('assessment.plan.reload')}
            </Button>
          }
        />
      )}
      <PlanProblemsAlert
        title={t('assessment.plan.problemsTitle')}
        messages={problems.map(draftProblemText)}
      />
      <PlanProblemsAlert
        title={t('assessment.plan.serverProblemsTitle')}
        messages={shownServerProblems.map((p) => p.message)}
      />
      {saveError && <Alert type="error" showIcon title={saveError} />}
      <PlanSettings draft={draft} editing={editing} onChange={change} problemsAt={problemsAt} />
      <PlanIndicatorsTable
        indicators={draft.indicators}
        editing={editing}
        onChange={(indicators) => change({ ...draft, indicators })}
        regulationVersionId={regulationVersionId}
        problemsAt={problemsAt}
        chapters={draft.chapterWeights.map((c) => c.chapter)}
      />
    </Flex>
  );
}
