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
  MERGED = 'merged',
  SPLIT = 'split',
  ADDED = 'added',
  REMOVED = 'removed',
}
registerEnumType(ArticleChangeKindEnum, {
  name: 'ArticleChangeKind',
  valuesMap: {
    UNCHANGED: { description: '未变' },
    RENUMBERED: { description: '条文未变，条号变化' },
    CHANGED: { description: '条文修改' },
    MERGED: { description: '合并：新条文吸收了两条或多条旧条文（见 sources）' },
    SPLIT: { description: '拆分：新条文是由同一条旧条文拆出的几条之一' },
    ADDED: { description: '新增' },
    REMOVED: { description: '删除' },
  },
});

export enum TextKindEnum {
  LAW = 'law',
  ADMINISTRATIVE_REGULATION = 'administrative_regulation',
  PROVINCIAL_REGULATION = 'provincial_regulation',
  MUNICIPAL_REGULATION = 'municipal_regulation',
  CITY_REGULATION = 'city_regulation',
  DEPARTMENTAL_RULES = 'departmental_rules',
  LOCAL_GOVERNMENT_RULES = 'local_government_rules',
  UNKNOWN = 'unknown',
}
registerEnumType(TextKindEnum, {
  name: 'TextKind',
  description: 'The kind of legislative text (立法法 hierarchy), from its title and front matter.',
  valuesMap: {
    LAW: { description: '法律' },
    ADMINISTRATIVE_REGULATION: { description: '行政法规' },
    PROVINCIAL_REGULATION: { description: '省级地方性法规' },
    MUNICIPAL_REGULATION: { description: '直辖市地方性法规' },
    CITY_REGULATION: { description: '设区的市地方性法规' },
    DEPARTMENTAL_RULES: { description: '部门规章' },
    LOCAL_GOVERNMENT_RULES: { description: '地方政府规章' },
    UNKNOWN: { description: '未识别（按省级地方性法规理解层级）' },
  },
});

export enum JurisdictionTierEnum {
  NATIONAL = 'national',
  PROVINCE = 'province',
  MUNICIPALITY = 'municipality',
  CITY = 'city',
}
registerEnumType(JurisdictionTierEnum, {
  name: 'JurisdictionTier',
  description: 'Whose governments a text addresses; decides how its level words (市, 区, 县) read.',
  valuesMap: {
    NATIONAL: { description: '全国：国务院、国家为国家级' },
    PROVINCE: { description: '省级：省为省级，设区的市、自治州为市级，县（市、区）为县级' },
    MUNICIPALITY: { description: '直辖市：市为省级，区、县为县级' },
    CITY: { description: '设区的市：市为市级，县（市、区）为县级' },
  },
});

export enum RedlineOpEnum {
  EQUAL = 'equal',
  INSERT = 'insert',
  DELETE = 'delete',
}
registerEnumType(RedlineOpEnum, {
  name: 'RedlineOp',
  valuesMap: {
    EQUAL: { description: '未变' },
    INSERT: { description: '新增的文字' },
    DELETE: { description: '删除的文字' },
  },
});
