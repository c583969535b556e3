import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  StageIndicatorFieldsFragment,
  UnitStageAssessmentFieldsFragment,
} from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useStageActions } from '../hooks/useStageAssessment';
import { StageEvidenceLinks } from './StageEvidenceLinks';

const FIELDS = ['score', 'comment'] as const;

/** The review stages a reviewer scores in. */
export type ReviewStage = 'PREFECTURE_REVIEW' | 'PROVINCIAL_REVIEW';

type StageEvidence = UnitStageAssessmentFieldsFragment['evidenceFiles'][number];

interface Values {
  score: number | null;
  comment: string;
}

// The texts of each review stage's form (under `assessmentStages`).
const TEXTS = {
  PREFECTURE_REVIEW: {
    score: 'columns.prefectureScore',
    comment: 'review.comment',
    scoreRequired: 'review.scoreRequired',
    commentRequired: 'review.commentRequired',
    submit: 'review.score',
    saved: 'review.saved',
  },
  PROVINCIAL_REVIEW: {
    score: 'columns.provincialScore',
    comment: 'provincial.comment',
    scoreRequired: 'provincial.scoreRequired',
    commentRequired: 'provincial.commentRequired',
    submit: 'provincial.score',
    saved: 'provincial.saved',
  },
} as const;

/**
 * One indicator under review: the unit's self-score, narrative and evidence, the earlier stage's
 * score and comment, and this stage's score and comment (市州初审 or 省级复核).
 */
export function ReviewScoreCard({
  cycleId,
  unitCode,
  indicator,
  editable,
  stage,
  evidence,
}: {
  cycleId: string;
  unitCode: string;
  indicator: StageIndicatorFieldsFragment;
  editable: boolean;
  stage: ReviewStage;
  evidence: ReadonlyMap<string, StageEvidence>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { reviewScore, provincialScore, busy } = useStageActions();
  const texts = TEXTS[stage];
  const text = (key: (typeof texts)[keyof typeof texts]) => t(`assessmentStages.${key}`);
  const provincial = stage === 'PROVINCIAL_REVIEW';

  const finish = async (values: Values) => {
    clear();
    const input = {
      cycleId,
      unitCode,
      indicatorId: indicator.indicatorId,
      score: values.score ?? 0,
      comment: values.comment.trim(),
    };
    try {
      await (provincial ? provincialScore(input) : reviewScore(input));
      void message.success(text(texts.saved));
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
        <Descriptions.Item label={t('assessmentStages.columns.evidence')}>
          <StageEvidenceLinks ids={indicator.evidenceIds} files={evidence} />
        </Descriptions.Item>
        {provincial ? (
          <>
            <Descriptions.Item label={t('assessmentStages.columns.prefectureScore')}>
              {dash(indicator.prefectureScore)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessmentStages.columns.prefectureComment')}>
              {dash(indicator.prefectureComment)}
            </Descriptions.Item>
          </>
        ) : (
          indicator.provincialScore !== null && (
            <Descriptions.Item label={t('assessmentStages.columns.provincialScore')}>
              {indicator.provincialScore}
            </Descriptions.Item>
          )
        )}
      </Descriptions>
      <Form<Values>
        form={form}
        // Unique field ids (labels point at them) with several indicators on the page.
        name={`review-${indicator.indicatorId}`}
        layout="vertical"
        disabled={!editable}
        initialValues={
          provincial
            ? { score: indicator.provincialScore, comment: indicator.provincialComment ?? '' }
            : { score: indicator.prefectureScore, comment: indicator.prefectureComment ?? '' }
        }
        onFinish={(v) => void finish(v)}
      >
        <Form.Item
          name="score"
          label={text(texts.score)}
          rules={[
            {
              required: true,
              type: 'number',
              min: 0,
              max: indicator.planMarks,
              message: text(texts.scoreRequired),
            },
          ]}
        >
          <InputNumber min={0} max={indicator.planMarks} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={text(texts.comment)}
          rules={[{ required: true, whitespace: true, message: text(texts.commentRequired) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {editable && (
          <Button htmlType="submit" loading={busy}>
            {text(texts.submit)}
          </Button>
        )}
      </Form>
    </Card>
  );
}
