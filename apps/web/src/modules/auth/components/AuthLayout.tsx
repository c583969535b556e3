import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { brandColors } from '../../../theme/theme';

/** A full page with one centred card under the product name (sign-in, forced password change). */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap="large"
      style={{ minHeight: '100vh', padding: 24, background: brandColors.layoutBg }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Flex align="center" gap="middle">
        <img src="/favicon.svg" alt="" width={40} height={40} />
        <Typography.Title level={3} style={{ margin: 0, color: brandColors.primary }}>
          {t('app.productName')}
        </Typography.Title>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
