import { registerEnumType } from '@nestjs/graphql';

// GraphQL enum names are UPPER_CASE; the values stored and used in code are the lower-case ones.

export enum ActorTypeEnum {
  GOVERNMENT = 'government',
  DEPARTMENT = 'department',
  CONGRESS = 'congress',
  JUDICIAL = 'judicial',
  ENTERPRISE = 'enterprise',
  ASSOCIATION = 'association',
  THIRD_PARTY = 'third_party',
  MEDIA = 'media',
  PUBLIC = 'public',
  NONE = 'none',
}
registerEnumType(ActorTypeEnum, {
  name: 'ActorType',
  description:
    'Who must act (履职主体类型). Only GOVERNMENT and DEPARTMENT duties can become tasks.',
  valuesMap: {
    GOVERNMENT: { description: '人民政府' },
    DEPARTMENT: { description: '政府部门' },
    CONGRESS: { description: '人大及其常委会（监督，不是执行主体）' },
    JUDICIAL: { description: '人民法院、人民检察院、监察机关' },
    ENTERPRISE: { description: '企业' },
    ASSOCIATION: { description: '行业协会、社会团体' },
    THIRD_PARTY: { description: '第三方机构（计量、标准、认证、检验检测等）' },
    MEDIA: { description: '新闻媒体' },
    PUBLIC: { description: '公民、法人和其他组织' },
    NONE: { description: '无履职主体的条文（定义、立法目的、适用范围、施行日期、法律责任）' },
  },
});

export enum AdminLevelEnum {
  NATIONAL = 'national',
  PROVINCE = 'province',
  PREFECTURE = 'prefecture',
  COUNTY = 'county',
}
registerEnumType(AdminLevelEnum, {
  name: 'AdminLevel',
  description:
    'Administrative level (行政层级). NATIONAL marks duties of national bodies (国务院及其部门): never tasks of local units.',
  valuesMap: {
    NATIONAL: { description: '国家（国务院及其部门等中央国家机关）' },
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

export enum DutyKindEnum {
  IMPLEMENTATION = 'implementation',
  ENFORCEMENT = 'enforcement',
  PROHIBITION = 'prohibition',
  DEFINITION = 'definition',
  PURPOSE = 'purpose',
  SCOPE = 'scope',
  EFFECTIVE_DATE = 'effective_date',
  LIABILITY = 'liability',
  OTHER = 'other',
}
registerEnumType(DutyKindEnum, {
  name: 'DutyKind',
  description:
    'What a statement does (条文性质). Only IMPLEMENTATION duties of local governments and departments are tracked by default.',
  valuesMap: {
    IMPLEMENTATION: { description: '履职事项：政府及部门应当落实的工作' },
    ENFORCEMENT: { description: '执法处罚：责令改正、罚款等行政处罚和强制措施' },
    PROHIBITION: { description: '禁止性规定' },
    DEFINITION: { description: '用语定义（本法所称……是指）' },
    PURPOSE: { description: '立法目的' },
    SCOPE: { description: '适用范围' },
    EFFECTIVE_DATE: { description: '施行日期' },
    LIABILITY: { description: '法律责任（依法追究责任等）' },
    OTHER: { description: '其他' },
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
  MAPPING_CONFIRMED = 'mapping_confirmed',
  MAPPING_REJECTED = 'mapping_rejected',
}
registerEnumType(DutyEventKindEnum, {
  name: 'DutyEventKind',
  valuesMap: {
    MAPPING_CONFIRMED: {
      description: 'A supervisor confirmed that the duty continues one of the previous version.',
    },
    MAPPING_REJECTED: {
      description: 'A supervisor rejected a suggested continuation: the duty is a new lineage.',
    },
  },
});

export enum CueFieldEnum {
  ACTOR = 'actor',
  ACTOR_TYPE = 'actorType',
  LEVELS = 'levels',
  MODALITY = 'modality',
  DEPARTMENTS = 'departments',
  SUBJECT = 'subject',
  KIND = 'kind',
  TRACKED = 'tracked',
}
registerEnumType(CueFieldEnum, { name: 'CueField' });
