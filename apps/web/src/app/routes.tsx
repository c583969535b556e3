import { AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { zhCN } from '../i18n/locales/zh-CN';
import type { Role } from '../modules/auth/graphql/types';

type NavLabelKey = `nav.${Exclude<keyof (typeof zhCN)['nav'], 'mainMenu'>}`;

/** A page of the app; the list drives the left menu, the content area and page access. */
export interface AppRoute {
  key: string;
  path: string;
  /** i18n key of the menu label. */
  labelKey: NavLabelKey;
  icon: ReactNode;
  /**
   * The roles that may open the page (and see it in the menu); every signed-in user when
   * absent. Only a convenience: the API checks each operation itself.
   */
  roles?: readonly Role[];
  /** Loaded on first visit, so each page is its own chunk. */
  page: LazyExoticComponent<ComponentType>;
}

export const appRoutes: readonly AppRoute[] = [
  {
    key: 'home',
    path: '/',
    labelKey: 'nav.home',
    icon: <HomeOutlined />,
    page: lazy(() =>
      import('../modules/home/pages/HomePage').then((m) => ({ default: m.HomePage })),
    ),
  },
  {
    key: 'users',
    path: '/users',
    labelKey: 'nav.users',
    icon: <TeamOutlined />,
    roles: ['SYSTEM_ADMIN', 'SECURITY_ADMIN'],
    page: lazy(() =>
      import('../modules/user-admin/pages/UserAdminPage').then((m) => ({
        default: m.UserAdminPage,
      })),
    ),
  },
  {
    key: 'securityAudit',
    path: '/security-audit',
    labelKey: 'nav.securityAudit',
    icon: <AuditOutlined />,
    roles: ['AUDIT_ADMIN'],
    page: lazy(() =>
      import('../modules/security-audit/pages/SecurityAuditLogPage').then((m) => ({
        default: m.SecurityAuditLogPage,
      })),
    ),
  },
];

export function findRoute(path: string): AppRoute | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return appRoutes.find((route) => route.path === normalized);
}

/** Whether a user with `role` (null: none assigned yet) may open `route`. */
export function canAccessRoute(route: AppRoute, role: Role | null): boolean {
  return !route.roles || (role !== null && route.roles.includes(role));
}

/** The menu of a user with `role`. */
export function routesForRole(role: Role | null): AppRoute[] {
  return appRoutes.filter((route) => canAccessRoute(route, role));
}
