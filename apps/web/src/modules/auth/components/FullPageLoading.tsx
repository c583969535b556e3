import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** While the app finds out whether someone is signed in. */
export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <Flex
      role="status"
      aria-busy="true"
      aria-label={t('auth.checking')}
      align="center"
      justify="center"
      style={{ minHeight: '100vh' }}
    >
      <Spin size="large" />
    </Flex>
  );
}
