import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';

/** The API answered NOT_FOUND: no such unit, not in the user's jurisdiction, or not assessed. */
export function UnitNotFound({ code, backPath }: { code: string; backPath: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('units.notFound.title', { code })}
      subTitle={t('units.notFound.description')}
      extra={
        <Button type="primary" onClick={() => navigate(backPath)}>
          {t('units.notFound.back')}
        </Button>
      }
    />
  );
}
