/** Texts of the help module (merged into the app's zh-CN resources under `help`). */
export const helpZh = {
  button: '帮助',
  buttonHint: '帮助：术语表和各角色使用指南',
  pageTitle: '帮助',
  subtitle: '术语表和各角色的使用指南。',
  yourRole: '您的角色：{{role}}',
  toYourGuide: '查看“{{role}}”的使用指南',
  guidesTitle: '各角色使用指南',
  glossaryTitle: '术语表',
  glossarySearch: '在术语表中查找',
  glossaryEmpty: '没有找到相关术语。',
  firstSteps: '先做什么',
  whereThings: '在哪里找',
  yourGuideTag: '您的角色',
  contents: '目录',
};
