import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from './navigation';

/** A page the signed-in user's role may not open (e.g. a bookmarked admin page). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.description')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('forbidden.backHome')}
        </Button>
      }
    />
  );
}
