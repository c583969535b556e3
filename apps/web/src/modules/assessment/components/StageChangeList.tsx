import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStageAssessmentFieldsFragment } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';

type Change = UnitStageAssessmentFieldsFragment['changes'][number];
type Action = 'SELF_SCORE' | 'SUBMIT' | 'RETURN' | 'PREFECTURE_SCORE' | 'PROVINCIAL_SCORE';

const fmt = (v: number | null) => (v === null ? '—' : String(v));

/** The unit's record of score changes, submissions and returns, oldest first. */
export function StageChangeList({
  changes,
  names,
}: {
  changes: readonly Change[];
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (changes.length === 0) return null;
  return (
    <Card size="small" title={t('assessmentStages.history.title')}>
      <Flex vertical gap={4}>
        {changes.map((c) => (
          <Typography.Text key={c.id}>
            {t('assessmentStages.history.entry', {
              time: formatDateTime(c.occurredAt, language),
              actor: c.actor,
              action: t(`assessmentStages.history.actions.${c.action as Action}`),
            })}
            {c.indicatorId
              ? ` ${t('assessmentStages.history.score', {
                  indicator: names.get(c.indicatorId) ?? c.indicatorId,
                  before: fmt(c.beforeScore),
                  after: fmt(c.afterScore),
                })}`
              : ''}
            {c.late === true ? `（${t('assessmentStages.self.late')}）` : ''}
            {c.reason ? `（${c.reason}）` : ''}
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}
