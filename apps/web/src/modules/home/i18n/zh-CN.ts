/** Texts of the about page (merged into the app's zh-CN resources under `about`). */
export const aboutZh = {
  title: '关于系统',
};
