import { Empty } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { useSignedInUser } from '../../auth/hooks/signedInUser';

/**
 * 本单位考核 (the county operator's menu entry): opens the unit page of the operator's own
 * unit, replacing this address in the history so that Back leaves the unit page.
 */
export function MyUnitPage() {
  const { t } = useTranslation();
  const code = useSignedInUser().unit?.code;
  useEffect(() => {
    if (!code) return;
    window.history.replaceState(null, '', `/units/${encodeURIComponent(code)}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, [code]);
  return code ? <PageLoading /> : <Empty description={t('units.notFound.description')} />;
}
