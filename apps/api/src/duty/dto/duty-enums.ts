import { registerEnumType } from '@nestjs/graphql';

// GraphQL enum names are UPPER_CASE; the values stored and used in code are the lower-case ones.

export enum ActorTypeEnum {
  GOVERNMENT = 'government',
  DEPARTMENT = 'department',
  CONGRESS = 'congress',
  ENTERPRISE = 'enterprise',
  ASSOCIATION = 'association',
  THIRD_PARTY = 'third_party',
  MEDIA = 'media',
  PUBLIC = 'public',
}
registerEnumType(ActorTypeEnum, {
  name: 'ActorType',
  description:
    'Who must act (履职主体类型). Only GOVERNMENT and DEPARTMENT duties can become tasks.',
  valuesMap: {
    GOVERNMENT: { description: '人民政府' },
    DEPARTMENT: { description: '政府部门' },
    CONGRESS: { description: '人大及其常委会（监督，不是执行主体）' },
    ENTERPRISE: { description: '企业' },
    ASSOCIATION: { description: '行业协会、社会团体' },
    THIRD_PARTY: { description: '第三方机构（计量、标准、认证、检验检测等）' },
    MEDIA: { description: '新闻媒体' },
    PUBLIC: { description: '公民、法人和其他组织' },
  },
});

export enum AdminLevelEnum {
  PROVINCE = 'province',
  PREFECTURE = 'prefecture',
  COUNTY = 'county',
}
registerEnumType(AdminLevelEnum, {
  name: 'AdminLevel',
  description: 'Administrative level (行政层级).',
  valuesMap: {
    PROVINCE: { description: '省级' },
    PREFECTURE: { description: '设区的市、自治州' },
    COUNTY: { description: '县（市、区）、林区' },
  },
});

export enum ModalityEnum {
  MANDATORY = 'mandatory',
  ENCOURAGED = 'encouraged',
  DISCRETIONARY = 'discretionary',
  DECLARATIVE = 'declarative',
}
registerEnumType(ModalityEnum, {
  name: 'Modality',
  description: 'How binding the duty is (规范性质).',
  valuesMap: {
    MANDATORY: { description: '应当、必须：义务性' },
    ENCOURAGED: { description: '鼓励、支持、引导：倡导性' },
    DISCRETIONARY: { description: '可以：授权性' },
    DECLARATIVE: { description: '无情态动词的政府承诺：宣示性' },
  },
});

export enum ReviewStateEnum {
  EXTRACTED = 'extracted',
  REVIEWED = 'reviewed',
}
registerEnumType(ReviewStateEnum, {
  name: 'ReviewState',
  valuesMap: {
    EXTRACTED: { description: '自动提取，待审核' },
    REVIEWED: { description: '已审核' },
  },
});

export enum DepartmentRoleEnum {
  LEAD = 'lead',
  ASSIST = 'assist',
}
registerEnumType(DepartmentRoleEnum, {
  name: 'DepartmentRole',
  valuesMap: { LEAD: { description: '牵头' }, ASSIST: { description: '配合' } },
});

export enum DutyEventKindEnum {
  EXTRACTED = 'extracted',
  CARRIED_OVER = 'carried_over',
  REVIEWED = 'reviewed',
}
registerEnumType(DutyEventKindEnum, { name: 'DutyEventKind' });

export enum CueFieldEnum {
  ACTOR = 'actor',
  ACTOR_TYPE = 'actorType',
  LEVELS = 'levels',
  MODALITY = 'modality',
  DEPARTMENTS = 'departments',
  SUBJECT = 'subject',
}
registerEnumType(CueFieldEnum, { name: 'CueField' });
