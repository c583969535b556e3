import type { aboutZh } from './zh-CN';

/** Texts of the about page in English. */
export const aboutEn: typeof aboutZh = {
  title: 'About',
};
