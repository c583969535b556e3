import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder while a page or a block of data loads; announced to screen readers. */
export function PageLoading({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton active title={false} paragraph={{ rows }} />
    </div>
  );
}
