import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PageLoading } from '../components/PageLoading';
import { UserMenu } from '../modules/auth/components/UserMenu';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { HelpButton } from '../modules/help/components/HelpButton';
import { HeaderSearch } from '../modules/search/components/HeaderSearch';
import { useSignedInUser } from '../modules/auth/hooks/signedInUser';
import { brandColors } from '../theme/theme';
import '../theme/layout.css';
import { ForbiddenPage } from './ForbiddenPage';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate, useLocationPath } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { useFocusableScrollRegions } from './useFocusableScrollRegions';
import { canAccessRoute, findRoute, routesForRole } from './routes';

/**
 * The signed-in app: header with the account menu, the role's menu, the current page.
 *
 * Below 992 px (theme/layout.css) the side menu gives way to a ☰ button in the header that
 * opens the same menu in a drawer, and the header keeps only what fits (short product name,
 * account menu without the unit), so a phone of 360 px never scrolls sideways and 退出登录
 * stays one tap away. The switch is CSS, not JavaScript: no flash of the wrong layout.
 */
export function AppShell() {
  const { t } = useTranslation();
  const { role } = useSignedInUser();
  const path = useLocationPath();
  const route = findRoute(path);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const content = useRef<HTMLElement>(null);
  useFocusableScrollRegions(content);

  const menuItems: MenuProps['items'] = routesForRole(role).map((r) => ({
    key: r.path,
    icon: r.icon,
    label: t(r.labelKey),
  }));
  const Page = !route ? NotFoundPage : canAccessRoute(route, role) ? route.page : ForbiddenPage;
  const menu = (onPicked?: () => void) => (
    <nav aria-label={t('nav.mainMenu')}>
      <Menu
        mode="inline"
        selectedKeys={route ? [route.menuPath ?? route.path] : []}
        items={menuItems}
        onClick={({ key }) => {
          onPicked?.();
          navigate(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="app-header"
        style={{ display: 'flex', alignItems: 'center', gap: 12 }}
      >
        <Button
          className="app-menu-button"
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('nav.openMenu')}
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen(true)}
          style={{ color: brandColors.headerText }}
        />
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span
          className="app-title"
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
          <span className="app-title-full">{t('app.productName')}</span>
          <span className="app-title-short">{t('app.shortName')}</span>
        </span>
        <div
          className="app-header-actions"
          style={{ marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: 12 }}
        >
          <HeaderSearch />
          <HelpButton />
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          className="app-sider"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          theme="light"
        >
          {menu()}
        </Layout.Sider>
        <Drawer
          className="app-menu-drawer"
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.shortName')}
          styles={{ body: { padding: 0 } }}
        >
          {menu(() => setDrawerOpen(false))}
          <div className="app-drawer-language">
            <LanguageSwitch />
          </div>
        </Drawer>
        <Layout.Content className="app-content" ref={content}>
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
