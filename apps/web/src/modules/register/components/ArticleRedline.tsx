import { Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { RedlineSegment } from '../graphql/types';
import { useArticleRedline } from '../hooks/useRegisterData';

// Not by colour alone: insertions are underlined, deletions struck through, and both are named
// for screen readers. Dark text on light tints keeps a contrast ratio above 7:1.
const INSERTED: CSSProperties = {
  background: '#d9f7be',
  color: '#092b00',
  textDecoration: 'underline',
  textDecorationThickness: 2,
};
const DELETED: CSSProperties = {
  background: '#ffccc7',
  color: '#5c0011',
  textDecoration: 'line-through',
  textDecorationThickness: 2,
};
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** The segments of a redline as marked-up text: `<ins>` and `<del>` runs between equal ones. */
export function RedlineText({ segments }: { segments: readonly RedlineSegment[] }) {
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>
      {segments.map((s, i) =>
        s.op === 'EQUAL' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <Change key={i} op={s.op} text={s.text} />
        ),
      )}
    </div>
  );
}

/** One inserted or deleted run: marked visually, and read out with its kind by screen readers. */
function Change({ op, text }: { op: 'INSERT' | 'DELETE'; text: string }) {
  const { t } = useTranslation();
  const Element = op === 'INSERT' ? 'ins' : 'del';
  return (
    <Element style={op === 'INSERT' ? INSERTED : DELETED}>
      <span aria-hidden>{text}</span>
      <span style={VISUALLY_HIDDEN}>
        {t(
          op === 'INSERT' ? 'register.diff.redline.insertedSr' : 'register.diff.redline.deletedSr',
          {
            text,
          },
        )}
      </span>
    </Element>
  );
}

export interface ArticleRedlineProps {
  /** The newer version. */
  versionId: string;
  /** The old article(s) (a merge has several) and the new one. */
  from: number[];
  to: number;
}

/** Word-level changes of one article, loaded when shown. */
export function ArticleRedline({ versionId, from, to }: ArticleRedlineProps) {
  const { t } = useTranslation();
  const { redline, loading, error, retry } = useArticleRedline(versionId, { from, to });
  if (error && !loading) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!redline) return <PageLoading rows={3} />;
  const changed = redline.segments.some((s) => s.op !== 'EQUAL');
  return (
    <Flex vertical gap="small" role="group" aria-label={t('register.diff.redline.label', { to })}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('register.diff.redline.legend')}
        <ins style={INSERTED}>{t('register.diff.redline.inserted')}</ins>
        {'　'}
        <del style={DELETED}>{t('register.diff.redline.deleted')}</del>
      </Typography.Text>
      {changed ? (
        <RedlineText segments={redline.segments} />
      ) : (
        <Typography.Text>{t('register.diff.redline.noChange')}</Typography.Text>
      )}
    </Flex>
  );
}
