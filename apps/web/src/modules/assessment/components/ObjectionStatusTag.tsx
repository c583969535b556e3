import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Status = 'PENDING' | 'UPHELD' | 'REJECTED';
const COLOUR: Record<Status, string> = { PENDING: 'gold', UPHELD: 'green', REJECTED: 'default' };
const asStatus = (decision: string | null): Status =>
  decision === 'UPHELD' || decision === 'REJECTED' ? decision : 'PENDING';

/** 待处理 / 成立 (with the score change) / 不成立. */
export function ObjectionStatusTag({
  decision,
  scoreChange,
}: {
  decision: string | null;
  scoreChange: number | null;
}) {
  const { t } = useTranslation();
  const key = asStatus(decision);
  return (
    <Tag color={COLOUR[key]}>
      {t(`assessmentObjections.decision.${key}`)}
      {scoreChange !== null &&
        `（${t('assessmentObjections.scoreChange', {
          sign: scoreChange > 0 ? '+' : '−',
          points: Math.abs(scoreChange),
        })}）`}
    </Tag>
  );
}
