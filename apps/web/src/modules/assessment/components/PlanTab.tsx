import { EditOutlined } from '@ant-design/icons';
import { ErrorCode } from '@duty/shared/errors';
import { Alert, App, Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { AssessmentPlan } from '../graphql/types';
import { useAssessmentPlan, useSaveAssessmentPlan } from '../hooks/useAssessmentPlan';
import {
  draftFromPlan,
  toSaveInput,
  validatePlanDraft,
  type DraftProblem,
  type PlanDraft,
} from '../utils/planDraft';
import { serverPlanProblems } from '../utils/serverProblems';
import { PlanIndicatorsTable } from './PlanIndicatorsTable';
import { PlanProblemsAlert } from './PlanProblemsAlert';
import { PlanSettings } from './PlanSettings';

export interface PlanTabProps {
  cycleId: string;
  /** Provincial supervisor and the cycle is open. */
  editable: boolean;
  cycleOpen: boolean;
}

export function PlanTab({ cycleId, editable, cycleOpen }: PlanTabProps) {
  const { plan, loading, error, retry, reload } = useAssessmentPlan(cycleId);
  if (error && !loading) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!plan) return <PageLoading rows={8} />;
  // A new plan version (saved here or reloaded) starts a fresh editor.
  return (
    <PlanEditor
      key={`${plan.cycleId}:${plan.version}`}
      plan={plan}
      editable={editable}
      cycleOpen={cycleOpen}
      reload={reload}
    />
  );
}

interface PlanEditorProps {
  plan: AssessmentPlan;
  editable: boolean;
  cycleOpen: boolean;
  reload: () => Promise<unknown>;
}

function PlanEditor({ plan, editable, cycleOpen, reload }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { save, saving } = useSaveAssessmentPlan();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(plan));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  const problemText = (p: DraftProblem) => {
    const values = { ...p.values };
    if (p.key === 'rule')
      values.rule = t(`assessment.plan.ruleNames.${String(values.rule) as 'verified'}`);
    if (p.key === 'deduction') {
      values.deduction = t(
        `assessment.plan.deductionNames.${String(values.deduction) as 'perReturn'}`,
      );
    }
    return t(`assessment.plan.problems.${p.key}`, values);
  };

  const change = (next: PlanDraft) => {
    setDraft(next);
    // Problems shown after a failed save follow the edits, so fixed ones disappear.
    if (problems.length > 0) setProblems(validatePlanDraft(next));
  };

  const cancel = () => {
    setDraft(draftFromPlan(plan));
    setEditing(false);
    setProblems([]);
    setServerProblems([]);
    setSaveError(undefined);
  };

  const submit = async () => {
    const found = validatePlanDraft(draft);
    setProblems(found);
    setServerProblems([]);
    setSaveError(undefined);
    if (found.length > 0) return;
    try {
      const saved = await save(toSaveInput(draft, plan.cycleId, plan.version));
      if (saved) void message.success(t('assessment.plan.saved', { version: saved.version }));
    } catch (thrown) {
      const appError = toAppError(thrown);
      if (appError.code === ErrorCode.CONFLICT) {
        setConflict(true);
        return;
      }
      const listed = serverPlanProblems(thrown).map((p) => p.message);
      if (appError.code === ErrorCode.VALIDATION_FAILED && listed.length > 0) {
        setServerProblems(listed);
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
                user: plan.createdBy,
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
        messages={problems.map(problemText)}
      />
      <PlanProblemsAlert
        title={t('assessment.plan.serverProblemsTitle')}
        messages={serverProblems}
      />
      {saveError && <Alert type="error" showIcon title={saveError} />}
      <PlanSettings draft={draft} editing={editing} onChange={change} />
      <PlanIndicatorsTable
        indicators={draft.indicators}
        editing={editing}
        onChange={(indicators) => change({ ...draft, indicators })}
      />
    </Flex>
  );
}
