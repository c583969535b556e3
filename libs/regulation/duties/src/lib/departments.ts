import type { DepartmentKind } from './types';

/** The quality-promotion coordinating department, suggested as lead when none is named. */
export const DEFAULT_LEAD_DEPARTMENT_CODE = 'market_regulation';

function kind(code: string, name: string, aliases: string[] = []): DepartmentKind {
  return { code, name, aliases };
}

/**
 * Department kinds, canonical names without 部门/厅/局. Order: 第四条第三款's list in its order,
 * then the other departments named in the regulation (金融监督管理, 第三十二条), then common
 * departments of Chinese provincial/county governments. Codes are stable: never rename one.
 */
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = Object.freeze([
  // 第四条第三款
  kind('development_reform', '发展改革', [
    '价格',
    '物价',
    '发展计划',
    '计划',
    '发展和改革',
    '发展和改革委员会',
    '发展改革委',
    '发改委',
    '发改',
  ]),
  kind('industry_it', '经济和信息化', [
    '经济信息化',
    '经济和信息化委员会',
    '经济贸易',
    '经贸',
    '经信',
    '工业和信息化',
    '工业信息化',
    '工信',
  ]),
  kind('science_technology', '科学技术', ['科技', '科学技术行政管理', '科技行政管理']),
  kind('education', '教育'),
  kind('finance', '财政'),
  kind('ecology_environment', '生态环境', ['环境保护', '环保']),
  kind('housing_urban_rural', '住房和城乡建设', [
    '住房城乡建设',
    '住建',
    '建设',
    '城乡建设',
    '建设工程质量监督',
  ]),
  kind('transport', '交通运输', ['交通']),
  kind('water_resources', '水行政', ['水利', '水务']),
  kind('agriculture_rural', '农业农村', [
    '农业',
    '农业和农村',
    '畜牧兽医',
    '畜牧业',
    '畜牧',
    '兽医',
    '渔业',
    '农牧',
  ]),
  kind('commerce', '商务'),
  kind('culture_tourism', '文化和旅游', ['文化旅游', '文旅']),
  kind('health', '卫生健康', ['卫生和健康', '卫生健康委员会', '卫健委', '卫健', '卫生']),
  kind('market_regulation', '市场监督管理', [
    '市场监管',
    '质量技术监督',
    '质量监督检验检疫',
    '质监',
    '工商行政管理',
    '工商',
    '产品质量监督',
    '产品质量监督管理',
    '标准化',
    '标准化行政',
    '标准化行政管理',
    '认证认可监督管理',
    '认证认可',
    '计量',
    '食品药品监督管理',
    '价格监督检查',
  ]),
  kind('statistics', '统计'),
  kind('intellectual_property', '知识产权'),
  // Named elsewhere in the regulation (第三十二条).
  kind('financial_regulation', '金融监督管理', [
    '金融服务',
    '金融工作',
    '地方金融',
    '金融监管',
    '地方金融监督管理',
    '地方金融监管',
    '地方金融管理',
    '银行保险监督管理',
    '银保监',
  ]),
  // Common departments.
  kind('public_security', '公安', ['公安机关']),
  kind('justice', '司法行政', ['司法']),
  kind('human_resources_social_security', '人力资源和社会保障', ['人力资源社会保障', '人社']),
  kind('natural_resources', '自然资源', [
    '自然资源和规划',
    '国土资源',
    '规划和自然资源',
    '规划',
    '城乡规划',
    '土地',
  ]),
  kind('emergency_management', '应急管理', ['安全生产监督管理', '应急']),
  kind('medical_security', '医疗保障', ['医保']),
  kind('forestry', '林业', ['林业和草原']),
  kind('state_assets', '国有资产监督管理', [
    '国资',
    '国有资产监督管理委员会',
    '国资委',
    '国有资产管理',
    '国有资产',
  ]),
  kind('taxation', '税务', ['税务机关']),
  kind('customs', '海关', ['出入境检验检疫', '检验检疫']),
  kind('drug_regulation', '药品监督管理', ['药监']),
  kind('civil_affairs', '民政'),
  kind('audit', '审计', ['审计机关']),
  kind('natural_disaster_fire', '消防救援', ['消防']),
  kind('radio_television', '广播电视', ['广电', '新闻出版广电']),
  kind('press_publication', '新闻出版', ['出版']),
  kind('cyberspace', '网信', ['网络安全和信息化', '互联网信息']),
  kind('data_administration', '数据管理', [
    '数据',
    '大数据',
    '大数据工作',
    '政务服务和大数据管理',
    '政务管理',
    '政务服务管理',
    '政务服务',
  ]),
  kind('energy', '能源'),
  kind('grain_reserves', '粮食和物资储备', ['粮食', '粮食和储备']),
  kind('sports', '体育'),
  kind('veterans_affairs', '退役军人事务'),
  kind('ethnic_religious_affairs', '民族宗教', ['民族宗教事务']),
  kind('postal', '邮政管理', ['邮政']),
  kind('communications', '通信管理', ['通信']),
  kind('meteorology', '气象'),
  kind('foreign_affairs', '外事', ['外事办公室', '外办']),
  kind('ports', '口岸'),
]);

const GOVERNMENT_PREFIX = /^.*人民政府(?:及其)?/;
const AGENCY_PREFIX =
  /^(?:国务院|国家|[\u4e00-\u9fff]{2,3}省(?!辖)|省级|省|市级|市(?!场)|区县|区|县级|县|本级|本市|当地|地方)/;
/** Suffixes stripped (in every combination, up to three) until a name or alias matches. */
const SUFFIXES = [
  '等有关部门和单位',
  '等有关部门',
  '等相关部门',
  '有关部门',
  '相关部门',
  '等部门',
  '行政主管部门',
  '行政管理部门',
  '主管部门',
  '管理部门',
  '部门',
  '管理',
  '机关',
  '工作',
  '行政',
  '委员会',
  '办公室',
  '厅',
  '局',
  '委',
  '办',
];

function compact(s: string): string {
  return s.replace(/\s/g, '');
}

function lookup(candidate: string, kinds: readonly DepartmentKind[]): DepartmentKind | undefined {
  if (candidate.length === 0) return undefined;
  return (
    kinds.find((k) => k.name === candidate) ?? kinds.find((k) => k.aliases.includes(candidate))
  );
}

/**
 * Normalise a department name as written (水利局, 省市场监督管理局, 县级以上人民政府科技部门,
 * 住房城乡建设主管部门 …) to its {@link DepartmentKind}; undefined when it is not in `kinds`.
 * Matching is exact on the canonical name or an alias after stripping a leading 人民政府 prefix
 * and trailing 部门/主管部门/厅/局/委员会…; there is no fuzzy matching.
 */
export function normalizeDepartment(
  name: string,
  kinds: readonly DepartmentKind[] = DEPARTMENT_KINDS,
): DepartmentKind | undefined {
  const base = compact(name).replace(GOVERNMENT_PREFIX, '');
  const withoutPrefix = base.replace(AGENCY_PREFIX, '');
  // Breadth-first over suffix removals: 水行政主管部门 must try 主管部门 (→ 水行政), not only the
  // longest matching suffix 行政主管部门 (→ 水).
  let frontier = withoutPrefix === base ? [base] : [base, withoutPrefix];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth += 1) {
    for (const candidate of frontier) {
      const hit = lookup(candidate, kinds);
      if (hit) return hit;
    }
    frontier = frontier.flatMap((c) =>
      SUFFIXES.filter((x) => c.length > x.length && c.endsWith(x)).map((x) =>
        c.slice(0, -x.length),
      ),
    );
  }
  return undefined;
}

/** One department name found in a list such as `发展改革、经济和信息化…等`. */
export interface DepartmentMention {
  /** The name as written (one segment of the list). */
  text: string;
  kind: DepartmentKind | undefined;
}

/**
 * Split a department list (the words between 人民政府 and 部门) into names. The separator is
 * 、; a segment that is not a known name and contains 和/及/与 is split once more, because 和 also
 * occurs inside names (经济和信息化, 住房和城乡建设, 文化和旅游).
 */
export function parseDepartmentList(
  list: string,
  kinds: readonly DepartmentKind[] = DEPARTMENT_KINDS,
): DepartmentMention[] {
  const trimmed = compact(list).replace(/等$/, '');
  if (trimmed.length === 0) return [];
  const mentions: DepartmentMention[] = [];
  for (const segment of trimmed.split(/[、，,]/)) {
    if (segment.length === 0) continue;
    const whole = normalizeDepartment(segment, kinds);
    if (whole) {
      mentions.push({ text: segment, kind: whole });
      continue;
    }
    const parts = segment.split(/以及|和|及|与/).filter((p) => p.length > 0);
    const kindsOfParts = parts.map((p) => normalizeDepartment(p, kinds));
    if (parts.length > 1 && kindsOfParts.every((k) => k !== undefined)) {
      parts.forEach((p, i) => mentions.push({ text: p, kind: kindsOfParts[i] }));
    } else {
      mentions.push({ text: segment, kind: undefined });
    }
  }
  return mentions;
}
