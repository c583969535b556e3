import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  StageIndicatorFieldsFragment,
  UnitStageAssessmentFieldsFragment,
} from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useStageActions } from '../hooks/useStageAssessment';
import { UnitEvidenceSelect } from './UnitEvidenceSelect';

const FIELDS = ['selfScore', 'narrative', 'evidenceIds'] as const;

interface Values {
  selfScore: number | null;
  narrative: string;
  evidenceIds: string[];
}

/**
 * One indicator of the unit's self-assessment: self-score, narrative and the unit's evidence
 * files that support it, saved on its own.
 */
export function SelfScoreCard({
  cycleId,
  unitCode,
  indicator,
  editable,
  evidenceFiles,
}: {
  cycleId: string;
  unitCode: string;
  indicator: StageIndicatorFieldsFragment;
  editable: boolean;
  /** The unit's evidence files of the cycle (with its staged assessment). */
  evidenceFiles: UnitStageAssessmentFieldsFragment['evidenceFiles'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { saveSelf, busy } = useStageActions();

  const finish = async (values: Values) => {
    clear();
    try {
      await saveSelf({
        cycleId,
        unitCode,
        indicatorId: indicator.indicatorId,
        selfScore: values.selfScore ?? 0,
        narrative: values.narrative?.trim() || null,
        evidenceIds: values.evidenceIds ?? [],
      });
      void message.success(t('assessmentStages.self.saved'));
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Card
      size="small"
      title={indicator.name}
      data-testid={`self-${indicator.indicatorId}`}
      extra={
        <Flex gap={4}>
          <Tag>{`${t('assessmentStages.columns.planMarks')} ${indicator.planMarks}`}</Tag>
          {indicator.evidenceIds.length > 0 && (
            <Tag>
              {t('assessmentStages.self.evidenceCount', { count: indicator.evidenceIds.length })}
            </Tag>
          )}
        </Flex>
      }
    >
      {indicator.prefectureComment && (
        <Typography.Paragraph type="secondary">
          {`${t('assessmentStages.columns.prefectureComment')}：${indicator.prefectureComment}`}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        // Unique field ids (labels point at them) with several indicators on the page.
        name={`self-${indicator.indicatorId}`}
        layout="vertical"
        disabled={!editable}
        initialValues={{
          selfScore: indicator.selfScore,
          narrative: indicator.narrative ?? '',
          evidenceIds: indicator.evidenceIds,
        }}
        onFinish={(v) => void finish(v)}
      >
        <Form.Item
          name="selfScore"
          label={t('assessmentStages.columns.selfScore')}
          rules={[
            {
              required: true,
              type: 'number',
              min: 0,
              max: indicator.planMarks,
              message: t('assessmentStages.self.scoreRequired'),
            },
          ]}
        >
          <InputNumber min={0} max={indicator.planMarks} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="narrative" label={t('assessmentStages.columns.narrative')}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            placeholder={t('assessmentStages.self.narrativePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="evidenceIds"
          label={t('assessmentStages.columns.evidence')}
          extra={t('assessmentStages.self.evidenceHelp')}
        >
          <UnitEvidenceSelect
            cycleId={cycleId}
            unitCode={unitCode}
            files={evidenceFiles}
            placeholder={t('assessmentStages.self.evidencePlaceholder')}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {editable && (
          <Button htmlType="submit" loading={busy}>
            {t('assessmentStages.self.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
