import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../overview/hooks/useFormatters';
import type { UnitAssessment } from '../graphql/types';

const GRADE_COLORS: Record<string, string> = {
  优秀: 'success',
  良好: 'processing',
  合格: 'default',
  不合格: 'error',
};

const LEVEL_KEYS = {
  province: 'units.level.province',
  prefecture: 'units.level.prefecture',
  county: 'units.level.county',
} as const;

/** Score, grade and rank of a unit, and whether they are frozen. */
export function UnitScoreCard({ assessment }: { assessment: UnitAssessment }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const deducted = assessment.deductions.reduce((sum, d) => sum + d.points, 0);
  const levelKey = LEVEL_KEYS[assessment.level as keyof typeof LEVEL_KEYS];
  return (
    <Card size="small">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={12} md={6}>
          <Statistic
            title={t('units.score.score')}
            value={assessment.score}
            formatter={() => f.number(assessment.score)}
          />
        </Col>
        <Col xs={12} md={5}>
          <Typography.Text type="secondary">{t('units.score.grade')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Tag
              color={GRADE_COLORS[assessment.grade] ?? 'default'}
              style={{ fontSize: 16, padding: '2px 10px' }}
            >
              {assessment.grade}
            </Tag>
          </div>
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={
              levelKey ? t('units.score.rankAmong', { level: t(levelKey) }) : t('units.score.rank')
            }
            value={assessment.rank}
            formatter={() => t('units.score.rankValue', { rank: f.number(assessment.rank) })}
          />
        </Col>
        <Col xs={12} md={8}>
          <Typography.Text type="secondary">{t('units.score.adjustments')}</Typography.Text>
          <div>
            {t('units.score.adjustmentsValue', {
              bonus: f.number(assessment.bonusApplied),
              deducted: f.number(deducted),
            })}
          </div>
          <div style={{ marginTop: 4 }}>
            {assessment.frozen ? (
              <Tag color="purple">
                {t('units.score.frozen', { version: assessment.resultSetVersion ?? '' })}
              </Tag>
            ) : (
              <Tag>{t('units.score.live')}</Tag>
            )}
          </div>
        </Col>
      </Row>
      {assessment.notApplicableTasks > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('notApplicable.unitScoreNote', { count: assessment.notApplicableTasks })}
        </Typography.Paragraph>
      )}
      {assessment.bonusRequested > assessment.bonusApplied && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('units.score.bonusCapped', {
            requested: f.number(assessment.bonusRequested),
            applied: f.number(assessment.bonusApplied),
          })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
