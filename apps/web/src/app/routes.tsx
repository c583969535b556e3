import { HomeOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { zhCN } from '../i18n/locales/zh-CN';

type NavLabelKey = `nav.${Exclude<keyof (typeof zhCN)['nav'], 'mainMenu'>}`;

/** A page of the app; the list drives both the left menu and the content area. */
export interface AppRoute {
  key: string;
  path: string;
  /** i18n key of the menu label. */
  labelKey: NavLabelKey;
  icon: ReactNode;
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
];

export function findRoute(path: string): AppRoute | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return appRoutes.find((route) => route.path === normalized);
}
