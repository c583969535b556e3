import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { navigate } from '../../../app/navigation';
import { brandColors } from '../../../theme/theme';
import { HelpPage } from '../../help/pages/HelpPage';

/**
 * The help page for someone not signed in (the sign-in page links to /help): the same glossary
 * and role guides, under the product name with a way back to the sign-in form. Loaded only when
 * opened, so the sign-in page does not carry the help texts.
 */
export function SignedOutHelpPage() {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      gap="middle"
      style={{ minHeight: '100vh', padding: '16px 24px', background: brandColors.layoutBg }}
    >
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="middle">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <Typography.Text strong style={{ fontSize: 18, color: brandColors.primary }}>
            {t('app.productName')}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap="middle">
          <Typography.Link
            href="/"
            onClick={(event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey) return;
              event.preventDefault();
              navigate('/');
            }}
          >
            <ArrowLeftOutlined aria-hidden /> {t('auth.signIn.backToSignIn')}
          </Typography.Link>
          <LanguageSwitch />
        </Flex>
      </Flex>
      <main style={{ width: '100%', maxWidth: 1200, margin: '0 auto' }}>
        <HelpPage />
      </main>
    </Flex>
  );
}
