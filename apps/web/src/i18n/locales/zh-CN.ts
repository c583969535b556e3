import { defaultErrorMessagesZh } from '@duty/shared/errors';

/**
 * Chinese (default) texts. This file defines the key structure: every other locale must
 * have exactly these keys (checked by the type `LocaleMessages` and by resources.spec.ts).
 */
export const zhCN = {
  app: {
    productName: '湖北省质量促进条例履职督办系统',
    shortName: '履职督办',
  },
  language: {
    switchLabel: '界面语言',
    zhCN: '中文',
    enUS: 'English',
  },
  nav: {
    mainMenu: '主菜单',
    home: '首页',
  },
  common: {
    loading: '正在加载…',
    retry: '重试',
    notSet: '未设置',
  },
  errors: { ...defaultErrorMessagesZh },
  errorAlert: {
    code: '错误代码：{{code}}',
  },
  crash: {
    title: '页面出错了',
    description: '页面加载或运行时发生错误。系统可能刚刚更新，请刷新页面后重试。',
    reload: '刷新页面',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在或已被移除。',
    backHome: '返回首页',
  },
  home: {
    title: '首页',
    subtitle: '依据《湖北省质量促进条例》，对法定职责的履行情况进行跟踪督办。',
    systemInfo: {
      title: '系统信息',
      productName: '产品名称',
      version: '系统版本',
      databaseServerVersion: '数据库服务器版本',
      databaseMode: '数据库模式',
      appliedMigrations: '已执行的数据库迁移',
      demoDataLoadedAt: '演示数据加载时间',
      demoDataNotLoaded: '未加载演示数据',
      databaseModes: {
        EMBEDDED: '内置数据库',
        EXTERNAL: '外部数据库',
      },
    },
  },
};

/** The key structure of the texts with a string at every leaf. */
export type LocaleMessages<T = typeof zhCN> = {
  [K in keyof T]: T[K] extends string ? string : LocaleMessages<T[K]>;
};
