/** Texts of the system search (merged into the app's zh-CN resources under `search`). */
export const searchZh = {
  title: '搜索',
  box: '全局搜索',
  pageBox: '搜索内容',
  placeholder: '搜索任务、职责、单位',
  submit: '搜索',
  hint: '在当前考核年度的任务、各法规的职责清单和管辖范围内的单位中查找；多个词用空格分开，须全部出现。',
  hintDutiesOnly: '在各法规的职责清单中查找；多个词用空格分开，须全部出现。',
  empty: '请输入要查找的职责、条款、单位或部门',
  none: '没有匹配的结果',
  count: '共 {{count}} 项',
  article: '第{{number}}条',
  tasks: {
    title: '任务',
    titleInCycle: '任务（{{year}}年度）',
    all: '在任务清单中查看全部 {{count}} 项',
  },
  duties: {
    title: '职责清单',
    untracked: '不跟踪',
  },
  units: {
    title: '单位',
    level: {
      PROVINCE: '省级',
      PREFECTURE: '市州',
      COUNTY: '县市区',
    },
  },
};
