import { registerEnumType } from '@nestjs/graphql';

export enum RegulationVersionStatusEnum {
  DRAFT = 'draft',
  ENACTED = 'enacted',
}
registerEnumType(RegulationVersionStatusEnum, {
  name: 'RegulationVersionStatus',
  valuesMap: { DRAFT: { description: '草案' }, ENACTED: { description: '已通过/施行' } },
});

export enum ArticleChangeKindEnum {
  UNCHANGED = 'unchanged',
  RENUMBERED = 'renumbered',
  CHANGED = 'changed',
  ADDED = 'added',
  REMOVED = 'removed',
}
registerEnumType(ArticleChangeKindEnum, {
  name: 'ArticleChangeKind',
  valuesMap: {
    UNCHANGED: { description: '未变' },
    RENUMBERED: { description: '条文未变，条号变化' },
    CHANGED: { description: '条文修改' },
    ADDED: { description: '新增' },
    REMOVED: { description: '删除' },
  },
});
