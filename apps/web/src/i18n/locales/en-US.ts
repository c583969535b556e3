import type { LocaleMessages } from './zh-CN';

export const enUS: LocaleMessages = {
  app: {
    productName: 'Hubei Quality Promotion Regulation Duty Supervision System',
    shortName: 'Duty Supervision',
  },
  language: {
    switchLabel: 'Interface language',
    zhCN: '中文',
    enUS: 'English',
  },
  nav: {
    mainMenu: 'Main menu',
    home: 'Home',
  },
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    notSet: 'Not set',
  },
  errors: {
    BAD_REQUEST: 'The request was malformed.',
    VALIDATION_FAILED: 'The submitted data did not pass validation. Please check it and try again.',
    UNAUTHENTICATED: 'Please sign in first.',
    FORBIDDEN: 'You do not have permission to do this.',
    NOT_FOUND: 'The requested data was not found.',
    CONFLICT: 'Someone else has changed this data. Please refresh and try again.',
    QUERY_TOO_COMPLEX: 'The query is too complex. Please narrow it down.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Please try again later.',
    INTERNAL_ERROR:
      'An internal error occurred. Please try again later or contact the administrator.',
  },
  errorAlert: {
    code: 'Error code: {{code}}',
  },
  crash: {
    title: 'Something went wrong',
    description:
      'An error occurred while loading or running this page. The system may just have been updated; please reload the page.',
    reload: 'Reload page',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you requested does not exist or has been removed.',
    backHome: 'Back to home',
  },
  home: {
    title: 'Home',
    subtitle:
      'Tracking and supervising the performance of statutory duties under the Hubei Province Quality Promotion Regulation.',
    systemInfo: {
      title: 'System information',
      productName: 'Product name',
      version: 'Version',
      databaseServerVersion: 'Database server version',
      databaseMode: 'Database mode',
      appliedMigrations: 'Database migrations applied',
      demoDataLoadedAt: 'Demo data loaded at',
      demoDataNotLoaded: 'No demo data loaded',
      databaseModes: {
        EMBEDDED: 'Embedded database',
        EXTERNAL: 'External database',
      },
    },
  },
};
