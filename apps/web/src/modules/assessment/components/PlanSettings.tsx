import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { regulationNumber } from '../../../utils/chineseNumerals';
import {
  DEDUCTION_KEYS,
  RULE_KEYS,
  chapterSumIsValid,
  chapterWeightSum,
  type PlanDraft,
} from '../utils/planDraft';
import { FieldProblems } from './FieldProblems';
import { GradeTag } from './GradeTag';
import { NumberField } from './NumberField';

export interface PlanSettingsProps {
  draft: PlanDraft;
  editing: boolean;
  onChange: (draft: PlanDraft) => void;
  /** The problems of a field (see PlanFieldPath), shown next to it. */
  problemsAt: (path: string) => readonly string[];
}

/** Chapter weights, scoring rules, deductions, bonus cap, grade bands and note of a plan. */
export function PlanSettings({ draft, editing, onChange, problemsAt }: PlanSettingsProps) {
  const { t, i18n } = useTranslation();
  const problemsId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const chapterLabel = (n: number) => t('assessment.chapter', { n: regulationNumber(n, language) });
  const sumOk = chapterSumIsValid(draft);
  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K]) =>
    onChange({ ...draft, [key]: value });

  return (
    <Flex vertical gap="middle">
      <Card
        size="small"
        title={t('assessment.plan.chapterWeights')}
        extra={
          <Tag color={sumOk ? 'success' : 'error'} role="status">
            {sumOk
              ? t('assessment.plan.chapterSumOk')
              : t('assessment.plan.chapterSum', { sum: chapterWeightSum(draft) })}
          </Tag>
        }
      >
        <Flex wrap gap="middle">
          {draft.chapterWeights.map((c, i) => (
            <Flex key={c.chapter} align="center" gap="small">
              <Typography.Text>{chapterLabel(c.chapter)}</Typography.Text>
              <NumberField
                label={chapterLabel(c.chapter)}
                value={c.weight}
                editing={editing}
                min={0}
                max={100}
                width={90}
                invalid={!sumOk}
                problems={problemsAt(`chapterWeights.${c.chapter}`)}
                onChange={(weight) =>
                  set(
                    'chapterWeights',
                    draft.chapterWeights.map((x, j) => (j === i ? { ...x, weight } : x)),
                  )
                }
              />
            </Flex>
          ))}
        </Flex>
        <FieldProblems id={`${problemsId}-chapters`} messages={problemsAt('chapterWeights')} />
      </Card>

      <Card size="small" title={t('assessment.plan.rules')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          {RULE_KEYS.map((key) => (
            <Descriptions.Item key={key} label={t(`assessment.plan.ruleNames.${key}`)}>
              <NumberField
                label={t(`assessment.plan.ruleNames.${key}`)}
                value={draft.rules[key]}
                editing={editing}
                min={0}
                max={1}
                step={0.05}
                problems={problemsAt(`rules.${key}`)}
                onChange={(v) => set('rules', { ...draft.rules, [key]: v })}
              />
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>

      <Card size="small" title={t('assessment.plan.deductions')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          {DEDUCTION_KEYS.map((key) => (
            <Descriptions.Item key={key} label={t(`assessment.plan.deductionNames.${key}`)}>
              <NumberField
                label={t(`assessment.plan.deductionNames.${key}`)}
                value={draft.deductions[key]}
                editing={editing}
                min={0}
                step={0.5}
                problems={problemsAt(`deductions.${key}`)}
                onChange={(v) => set('deductions', { ...draft.deductions, [key]: v })}
              />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('assessment.plan.bonusCap')}>
            <NumberField
              label={t('assessment.plan.bonusCap')}
              value={draft.bonusCap}
              editing={editing}
              min={0}
              max={100}
              problems={problemsAt('bonusCap')}
              onChange={(v) => set('bonusCap', v)}
            />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('assessment.plan.bands')}>
        <Flex vertical gap="small">
          {draft.bands.map((band, i) => (
            <Flex key={i} align="center" gap="small" wrap>
              {editing ? (
                <div>
                  <Input
                    aria-label={`${t('assessment.plan.bandGrade')} ${i + 1}`}
                    aria-describedby={
                      problemsAt(`bands.${i}.grade`).length > 0
                        ? `${problemsId}-band-${i}`
                        : undefined
                    }
                    status={problemsAt(`bands.${i}.grade`).length > 0 ? 'error' : undefined}
                    style={{ width: 140 }}
                    value={band.grade}
                    maxLength={20}
                    onChange={(e) =>
                      set(
                        'bands',
                        draft.bands.map((b, j) => (j === i ? { ...b, grade: e.target.value } : b)),
                      )
                    }
                  />
                  <FieldProblems
                    id={`${problemsId}-band-${i}`}
                    messages={problemsAt(`bands.${i}.grade`)}
                  />
                </div>
              ) : (
                <GradeTag grade={band.grade} bands={draft.bands} />
              )}
              <Typography.Text type="secondary">{t('assessment.plan.bandMin')}</Typography.Text>
              <NumberField
                label={`${t('assessment.plan.bandMin')} ${i + 1}`}
                value={band.min}
                editing={editing}
                min={0}
                max={100}
                problems={problemsAt(`bands.${i}.min`)}
                onChange={(min) =>
                  set(
                    'bands',
                    draft.bands.map((b, j) => (j === i ? { ...b, min } : b)),
                  )
                }
              />
              {editing && draft.bands.length > 1 && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('assessment.plan.removeBand')} ${band.grade}`}
                  onClick={() =>
                    set(
                      'bands',
                      draft.bands.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </Flex>
          ))}
          <FieldProblems id={`${problemsId}-bands`} messages={problemsAt('bands')} />
          {editing && (
            <div>
              <Button
                icon={<PlusOutlined />}
                onClick={() => set('bands', [...draft.bands, { grade: '', min: 0 }])}
              >
                {t('assessment.plan.addBand')}
              </Button>
            </div>
          )}
        </Flex>
      </Card>

      <Card size="small" title={t('assessment.plan.note')}>
        {editing ? (
          <Input.TextArea
            aria-label={t('assessment.plan.note')}
            value={draft.note}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('assessment.plan.notePlaceholder')}
            onChange={(e) => set('note', e.target.value)}
          />
        ) : (
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {draft.note || (
              <Typography.Text type="secondary">{t('assessment.plan.noNote')}</Typography.Text>
            )}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
