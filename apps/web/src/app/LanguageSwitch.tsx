import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeAppLanguage, toAppLanguage, type AppLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<AppLanguage>
      aria-label={t('language.switchLabel')}
      size="small"
      value={toAppLanguage(i18n.resolvedLanguage)}
      options={[
        { value: 'zh-CN', label: t('language.zhCN') },
        { value: 'en-US', label: t('language.enUS') },
      ]}
      onChange={(language) => void changeAppLanguage(language)}
    />
  );
}
