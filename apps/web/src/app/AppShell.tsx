import { Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PageLoading } from '../components/PageLoading';
import { UserMenu } from '../modules/auth/components/UserMenu';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { useSignedInUser } from '../modules/auth/hooks/signedInUser';
import { brandColors } from '../theme/theme';
import { ForbiddenPage } from './ForbiddenPage';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate, useLocationPath } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { canAccessRoute, findRoute, routesForRole } from './routes';

/** The signed-in app: header with the account menu, the role's menu, the current page. */
export function AppShell() {
  const { t } = useTranslation();
  const { role } = useSignedInUser();
  const path = useLocationPath();
  const route = findRoute(path);
  const [collapsed, setCollapsed] = useState(false);

  const menuItems: MenuProps['items'] = routesForRole(role).map((r) => ({
    key: r.path,
    icon: r.icon,
    label: t(r.labelKey),
  }));
  const Page = !route ? NotFoundPage : canAccessRoute(route, role) ? route.page : ForbiddenPage;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span
          style={{
            color: brandColors.headerText,
            fontSize: 18,
            fontWeight: 600,
            letterSpacing: 1,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {t('app.productName')}
        </span>
        <div style={{ marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: 12 }}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={208}
          theme="light"
        >
          <nav aria-label={t('nav.mainMenu')}>
            <Menu
              mode="inline"
              selectedKeys={route ? [route.menuPath ?? route.path] : []}
              items={menuItems}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary resetKey={path}>
            <Suspense fallback={<PageLoading />}>
              <Page />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
