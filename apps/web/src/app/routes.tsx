import {
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  InfoCircleOutlined,
  ScheduleOutlined,
  SendOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ApolloClient } from '@apollo/client';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useLocationPath } from './navigation';
import type { zhCN } from '../i18n/locales/zh-CN';
import type { Role } from '../modules/auth/graphql/types';
import { prefetchReviewQueue } from '../modules/review/hooks/useReviewQueue';
import { prefetchTaskList } from '../modules/tasks/hooks/useTaskList';

type NavLabelKey = `nav.${Exclude<keyof (typeof zhCN)['nav'], 'mainMenu'>}`;

/** A page of the app; the list drives the left menu, the content area and page access. */
export interface AppRoute {
  key: string;
  /** Exact path, or a pattern with `:name` segments (e.g. `/tasks/:id`). */
  path: string;
  /** Shown in the left menu (default true; pages reached by id are not). */
  menu?: boolean;
  /** The menu entry highlighted on this page when it is not in the menu itself (its list). */
  menuPath?: string;
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

/** Roles that work with tasks (the administrators do not see business data). */
const TASK_ROLES: readonly Role[] = [
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'COUNTY_OPERATOR',
  'AUDITOR',
  'NATIONAL_SUPERVISOR',
];

/** Roles that read the regulations and their duty registers. */
const REGISTER_ROLES: readonly Role[] = [
  'SYSTEM_ADMIN',
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'COUNTY_OPERATOR',
  'AUDITOR',
  'NATIONAL_SUPERVISOR',
];

export const appRoutes: readonly AppRoute[] = [
  {
    // Sends every role to its own main page (see landingPath): never shown itself.
    key: 'home',
    path: '/',
    menu: false,
    labelKey: 'nav.home',
    icon: <HomeOutlined />,
    page: lazy(() =>
      import('../modules/home/pages/HomePage').then((m) => ({ default: m.HomePage })),
    ),
  },
  {
    key: 'workbench',
    path: '/workbench',
    labelKey: 'nav.workbench',
    icon: <HomeOutlined />,
    roles: TASK_ROLES,
    page: lazy(() =>
      import('../modules/workbench/pages/WorkbenchPage').then((m) => ({
        default: m.WorkbenchPage,
      })),
    ),
  },
  {
    // One section of the workbench in full (sections with no other list page).
    key: 'workbenchSection',
    path: '/workbench/:section',
    labelKey: 'nav.workbench',
    icon: <HomeOutlined />,
    roles: TASK_ROLES,
    menu: false,
    menuPath: '/workbench',
    page: lazy(() =>
      import('../modules/workbench/pages/WorkbenchSectionPage').then((m) => ({
        default: m.WorkbenchSectionPage,
      })),
    ),
  },
  {
    key: 'overview',
    path: '/overview',
    labelKey: 'nav.overview',
    icon: <BarChartOutlined />,
    roles: ['PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR', 'AUDITOR', 'NATIONAL_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/overview/pages/OverviewPage').then((m) => ({ default: m.OverviewPage })),
    ),
  },
  {
    key: 'unit',
    path: '/units/:code',
    labelKey: 'nav.unit',
    icon: <BarChartOutlined />,
    roles: [
      'PROVINCIAL_SUPERVISOR',
      'PREFECTURE_SUPERVISOR',
      'AUDITOR',
      'NATIONAL_SUPERVISOR',
      'COUNTY_OPERATOR',
    ],
    menu: false,
    page: lazy(() =>
      import('../modules/units/pages/UnitPage').then((m) => ({ default: m.UnitPage })),
    ),
  },
  {
    // 本单位考核: a county operator's own unit page (the entry resolves the user's unit).
    key: 'myUnit',
    path: '/my-unit',
    labelKey: 'nav.myUnit',
    icon: <TrophyOutlined />,
    roles: ['COUNTY_OPERATOR'],
    page: lazy(() =>
      import('../modules/my-unit/pages/MyUnitPage').then((m) => ({ default: m.MyUnitPage })),
    ),
  },
  {
    key: 'tasks',
    path: '/tasks',
    labelKey: 'nav.tasks',
    icon: <ScheduleOutlined />,
    roles: TASK_ROLES,
    page: lazy(() =>
      import('../modules/tasks/pages/TaskListPage').then((m) => ({ default: m.TaskListPage })),
    ),
  },
  {
    key: 'task',
    path: '/tasks/:id',
    labelKey: 'nav.task',
    icon: <ScheduleOutlined />,
    roles: TASK_ROLES,
    menu: false,
    page: lazy(() =>
      import('../modules/tasks/pages/TaskDetailPage').then((m) => ({ default: m.TaskDetailPage })),
    ),
  },
  {
    key: 'review',
    path: '/review',
    labelKey: 'nav.review',
    icon: <CheckSquareOutlined />,
    roles: ['PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/review/pages/ReviewQueuePage').then((m) => ({
        default: m.ReviewQueuePage,
      })),
    ),
  },
  {
    // 全局搜索, opened from the top bar's search box (administrators of accounts see none).
    key: 'search',
    path: '/search',
    menu: false,
    labelKey: 'nav.search',
    icon: <FileSearchOutlined />,
    roles: REGISTER_ROLES,
    page: lazy(() =>
      import('../modules/search/pages/SearchPage').then((m) => ({ default: m.SearchPage })),
    ),
  },
  {
    key: 'evidence',
    path: '/evidence',
    labelKey: 'nav.evidence',
    icon: <FileSearchOutlined />,
    roles: ['AUDITOR', 'NATIONAL_SUPERVISOR', 'PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/evidence/pages/EvidenceExplorerPage').then((m) => ({
        default: m.EvidenceExplorerPage,
      })),
    ),
  },
  {
    key: 'taskLog',
    path: '/task-log',
    labelKey: 'nav.taskLog',
    icon: <HistoryOutlined />,
    roles: ['AUDITOR', 'NATIONAL_SUPERVISOR', 'PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/task-log/pages/TaskLogPage').then((m) => ({
        default: m.TaskLogPage,
      })),
    ),
  },
  {
    key: 'assessment',
    path: '/assessment',
    labelKey: 'nav.assessment',
    icon: <TrophyOutlined />,
    roles: ['PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR', 'AUDITOR', 'NATIONAL_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/assessment/pages/AssessmentPage').then((m) => ({
        default: m.AssessmentPage,
      })),
    ),
  },
  {
    key: 'selfAssessment',
    path: '/self-assessment',
    labelKey: 'nav.selfAssessment',
    icon: <FormOutlined />,
    roles: ['COUNTY_OPERATOR'],
    page: lazy(() =>
      import('../modules/assessment/pages/SelfAssessmentPage').then((m) => ({
        default: m.SelfAssessmentPage,
      })),
    ),
  },
  {
    key: 'preliminaryReview',
    path: '/preliminary-review',
    labelKey: 'nav.preliminaryReview',
    icon: <AuditOutlined />,
    roles: ['PREFECTURE_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/assessment/pages/PreliminaryReviewPage').then((m) => ({
        default: m.PreliminaryReviewPage,
      })),
    ),
  },
  {
    key: 'provincialReview',
    path: '/provincial-review',
    labelKey: 'nav.provincialReview',
    icon: <SafetyCertificateOutlined />,
    roles: ['PROVINCIAL_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/assessment/pages/ProvincialReviewPage').then((m) => ({
        default: m.ProvincialReviewPage,
      })),
    ),
  },
  {
    key: 'onsiteVerification',
    path: '/onsite-verification',
    labelKey: 'nav.onsiteVerification',
    icon: <EnvironmentOutlined />,
    roles: ['PROVINCIAL_SUPERVISOR', 'PREFECTURE_SUPERVISOR', 'AUDITOR', 'NATIONAL_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/assessment/pages/OnsiteVerificationPage').then((m) => ({
        default: m.OnsiteVerificationPage,
      })),
    ),
  },
  {
    key: 'bulletins',
    path: '/bulletins',
    labelKey: 'nav.bulletins',
    icon: <FileTextOutlined />,
    roles: TASK_ROLES,
    page: lazy(() =>
      import('../modules/bulletins/pages/BulletinsPage').then((m) => ({
        default: m.BulletinsPage,
      })),
    ),
  },
  {
    key: 'bulletin',
    path: '/bulletins/:id',
    labelKey: 'nav.bulletin',
    icon: <FileTextOutlined />,
    roles: TASK_ROLES,
    menu: false,
    menuPath: '/bulletins',
    page: lazy(() =>
      import('../modules/bulletins/pages/BulletinDetailPage').then((m) => ({
        default: m.BulletinDetailPage,
      })),
    ),
  },
  {
    key: 'regulations',
    path: '/regulations',
    labelKey: 'nav.regulations',
    icon: <BookOutlined />,
    roles: REGISTER_ROLES,
    page: lazy(() =>
      import('../modules/register/pages/RegulationLibraryPage').then((m) => ({
        default: m.RegulationLibraryPage,
      })),
    ),
  },
  {
    key: 'register',
    path: '/regulations/:code',
    labelKey: 'nav.register',
    icon: <BookOutlined />,
    roles: REGISTER_ROLES,
    menu: false,
    menuPath: '/regulations',
    page: lazy(() =>
      import('../modules/register/pages/DutyRegisterPage').then((m) => ({
        default: m.DutyRegisterPage,
      })),
    ),
  },
  {
    // The register's address before there were several regulations (bookmarks): the library.
    key: 'registerLegacy',
    path: '/register',
    labelKey: 'nav.regulations',
    icon: <BookOutlined />,
    roles: REGISTER_ROLES,
    menu: false,
    menuPath: '/regulations',
    page: lazy(() =>
      import('../modules/register/pages/RegulationLibraryPage').then((m) => ({
        default: m.RegulationLibraryPage,
      })),
    ),
  },
  {
    // CYCLE_MANAGERS of the API: open, regenerate, close and reopen assessment cycles.
    key: 'cycles',
    path: '/cycles',
    labelKey: 'nav.cycles',
    icon: <CalendarOutlined />,
    roles: ['PROVINCIAL_SUPERVISOR'],
    page: lazy(() =>
      import('../modules/cycles/pages/CyclesPage').then((m) => ({
        default: m.CyclesPage,
      })),
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
    key: 'notifications',
    path: '/notifications',
    labelKey: 'nav.notifications',
    icon: <BellOutlined />,
    menu: false,
    page: lazy(() =>
      import('../modules/notifications/pages/NotificationCenterPage').then((m) => ({
        default: m.NotificationCenterPage,
      })),
    ),
  },
  {
    key: 'notificationSettings',
    path: '/notifications/settings',
    labelKey: 'nav.notificationSettings',
    icon: <BellOutlined />,
    menu: false,
    menuPath: '/notifications',
    page: lazy(() =>
      import('../modules/notifications/pages/NotificationSettingsPage').then((m) => ({
        default: m.NotificationSettingsPage,
      })),
    ),
  },
  {
    key: 'notificationDeliveries',
    path: '/notifications/deliveries',
    labelKey: 'nav.notificationDeliveries',
    icon: <SendOutlined />,
    roles: ['SYSTEM_ADMIN'],
    page: lazy(() =>
      import('../modules/notifications/pages/NotificationDeliveryLogPage').then((m) => ({
        default: m.NotificationDeliveryLogPage,
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
  {
    // 机器访问令牌: machine API tokens, issued and revoked by the security administrator.
    key: 'apiTokens',
    path: '/api-tokens',
    labelKey: 'nav.apiTokens',
    icon: <ApiOutlined />,
    roles: ['SECURITY_ADMIN'],
    page: lazy(() =>
      import('../modules/api-tokens/pages/ApiTokensPage').then((m) => ({
        default: m.ApiTokensPage,
      })),
    ),
  },
  {
    // 帮助: glossary and role guides, opened from the header's ? on every page.
    key: 'help',
    path: '/help',
    menu: false,
    labelKey: 'nav.help',
    icon: <QuestionCircleOutlined />,
    page: lazy(() =>
      import('../modules/help/pages/HelpPage').then((m) => ({ default: m.HelpPage })),
    ),
  },
  {
    // System information (formerly the home page): everyone, last in the menu.
    key: 'about',
    path: '/about',
    labelKey: 'nav.about',
    icon: <InfoCircleOutlined />,
    page: lazy(() =>
      import('../modules/home/pages/AboutPage').then((m) => ({ default: m.AboutPage })),
    ),
  },
];

export function findRoute(path: string): AppRoute | undefined {
  return matchRoute(path)?.route;
}

/** The route of a path and the values of its `:name` segments. */
export function matchRoute(
  path: string,
): { route: AppRoute; params: Record<string, string> } | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const segments = normalized.split('/');
  for (const route of appRoutes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        if (!segments[i]) return false;
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      }
      return part === segments[i];
    });
    if (matches) return { route, params };
  }
  return undefined;
}

/** Whether a user with `role` (null: none assigned yet) may open `route`. */
export function canAccessRoute(route: AppRoute, role: Role | null): boolean {
  return !route.roles || (role !== null && route.roles.includes(role));
}

/** The menu of a user with `role`. */
export function routesForRole(role: Role | null): AppRoute[] {
  return appRoutes.filter((route) => route.menu !== false && canAccessRoute(route, role));
}

/** The `:name` values of the current page's path (e.g. `{ id }` on `/tasks/:id`). */
export function useRouteParams(): Record<string, string> {
  return matchRoute(useLocationPath())?.params ?? {};
}

/**
 * Pages whose first content is measured (issue 17: task list and review queue within 1 s).
 * Opened from their address (bookmark, reload), their script is fetched and their first query
 * sent while the session is checked, instead of after it; the page reads the answer when it
 * renders (graphql/prefetch.ts). `script` loads the same module as the route's `page` entry
 * (one chunk).
 */
const EARLY_PAGES: Record<
  string,
  {
    script: () => Promise<unknown>;
    data: (client: ApolloClient, search: URLSearchParams) => void;
  }
> = {
  '/tasks': {
    script: () => import('../modules/tasks/pages/TaskListPage'),
    data: prefetchTaskList,
  },
  '/review': {
    script: () => import('../modules/review/pages/ReviewQueuePage'),
    data: prefetchReviewQueue,
  },
};

/** Starts the page at `path` early when it is one of {@link EARLY_PAGES}. */
export function startEarlyPage(path: string, search: string, client: ApolloClient): void {
  const early = EARLY_PAGES[path];
  if (!early) return;
  early.script().catch(() => undefined); // a failure shows when the page itself loads
  early.data(client, new URLSearchParams(search));
}
