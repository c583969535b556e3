import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageIndicatorFieldsFragment } from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useStageActions } from '../hooks/useStageAssessment';

const FIELDS = ['score', 'comment'] as const;

interface Values {
  score: number | null;
  comment: string;
}

/** One indicator in the preliminary review: the unit's self-score and narrative, and the review. */
export function ReviewScoreCard({
  cycleId,
  unitCode,
  indicator,
  editable,
}: {
  cycleId: string;
  unitCode: string;
  indicator: StageIndicatorFieldsFragment;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { reviewScore, busy } = useStageActions();

  const finish = async (values: Values) => {
    clear();
    try {
      await reviewScore({
        cycleId,
        unitCode,
        indicatorId: indicator.indicatorId,
        score: values.score ?? 0,
        comment: values.comment.trim(),
      });
      void message.success(t('assessmentStages.review.saved'));
    } catch (thrown) {
      report(thrown);
    }
  };

  const dash = (v: number | string | null) => (v === null || v === '' ? '—' : String(v));
  return (
    <Card
      size="small"
      title={indicator.name}
      data-testid={`review-${indicator.indicatorId}`}
      extra={<Tag>{`${t('assessmentStages.columns.planMarks')} ${indicator.planMarks}`}</Tag>}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('assessmentStages.columns.selfScore')}>
          {dash(indicator.selfScore)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessmentStages.columns.narrative')}>
          {dash(indicator.narrative)}
        </Descriptions.Item>
        {indicator.provincialScore !== null && (
          <Descriptions.Item label={t('assessmentStages.columns.provincialScore')}>
            {indicator.provincialScore}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Form<Values>
        form={form}
        // Unique field ids (labels point at them) with several indicators on the page.
        name={`review-${indicator.indicatorId}`}
        layout="vertical"
        disabled={!editable}
        initialValues={{
          score: indicator.prefectureScore,
          comment: indicator.prefectureComment ?? '',
        }}
        onFinish={(v) => void finish(v)}
      >
        <Form.Item
          name="score"
          label={t('assessmentStages.columns.prefectureScore')}
          rules={[
            {
              required: true,
              type: 'number',
              min: 0,
              max: indicator.planMarks,
              message: t('assessmentStages.review.scoreRequired'),
            },
          ]}
        >
          <InputNumber min={0} max={indicator.planMarks} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('assessmentStages.review.comment')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('assessmentStages.review.commentRequired'),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {editable && (
          <Button htmlType="submit" loading={busy}>
            {t('assessmentStages.review.score')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
