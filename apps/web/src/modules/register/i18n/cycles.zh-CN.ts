/** Texts of the regulation's assessment cycles and the form that opens one (`register.cycles`). */
export const registerCyclesZh = {
  title: '考核年度',
  hint: '基于本法规某一版本开启的考核年度；任务数为您辖区内的任务。',
  empty: '本法规尚未开启考核年度。',
  open: '开启考核年度',
  columns: {
    title: '名称',
    year: '年度',
    version: '法规版本',
    state: '状态',
    dueDate: '截止日期',
    tasks: '任务数',
    actions: '操作',
  },
  versionNumber: '第 {{number}} 版',
  jobs: {
    regenerate: '重新生成任务',
    regenerateConfirm:
      '按当前职责审核结果，为新纳入跟踪的职责生成任务，对不再跟踪的职责退出任务；已有任务的进展、佐证和历史保留。',
    regenerated:
      '已重新生成：新增 {{created}} 项，退出 {{retired}} 项，恢复 {{restored}} 项，现有任务 {{total}} 项',
    move: '迁移到第 {{number}} 版',
    moveConfirm:
      '考核年度改按第 {{number}} 版执行：任务随职责的延续关系迁移（状态、佐证和历史保留），不再延续的职责其任务退出，不会删除。',
    moved:
      '已迁移到第 {{number}} 版：{{followed}} 项任务随职责迁移，新增 {{created}} 项，退出 {{retired}} 项',
    mappingsPending: '该版本还有 {{count}} 条职责映射建议待审核，请先在“版本变化”页确认或驳回',
  },
  tasksLink: '任务清单',
  form: {
    title: '开启考核年度 · {{regulation}}',
    intro:
      '按所选版本中纳入跟踪的政府职责，为其适用层级的每个单位生成一项任务。请先完成职责审核再开启。',
    province: '省份',
    provinceRequired: '请选择省份',
    version: '法规版本',
    versionRequired: '请选择法规版本',
    year: '考核年度',
    yearRequired: '请填写考核年度',
    yearRange: '年度须为 2000 至 2100 之间的整数',
    name: '名称（可选）',
    namePlaceholder: '默认：{{example}}',
    startDate: '开始日期',
    startDateRequired: '请选择开始日期',
    dueDate: '截止日期（任务默认截止日期）',
    dueDateRequired: '请选择截止日期',
    dueBeforeStart: '截止日期不得早于开始日期',
    submit: '开启并生成任务',
    cancel: '取消',
    conflict: '该法规版本 {{year}} 年度的考核已存在',
    versionNotFound: '未找到该法规版本，请刷新后重试',
    mappingsPending:
      '该版本还有 {{count}} 条职责映射建议待审核，请先在职责清单的“版本变化”页确认或驳回',
  },
  result: {
    title: '已开启“{{title}}”',
    generated: '共生成任务 {{count}} 项',
    byLevel: '{{level}} {{count}} 项',
    none: '所选版本没有纳入跟踪的政府职责，未生成任务。',
    viewTasks: '查看该年度的任务清单',
    close: '完成',
  },
};
