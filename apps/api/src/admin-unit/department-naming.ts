import type { UnitLevel } from './admin-unit.entity';

/**
 * Institution names per department kind (部门类别 → 机构名称), by level where they differ:
 * provinces usually have 厅 or 委员会, cities and counties 局. Kinds not listed use
 * `<kind>厅` at the province and `<kind>局` elsewhere. Names are for display; a department's
 * identity is (unit, kind).
 */
const INSTITUTIONS: Record<string, Partial<Record<UnitLevel | 'default', string>>> = {
  development_reform: {
    province: '发展和改革委员会',
    prefecture: '发展和改革委员会',
    county: '发展和改革局',
  },
  industry_it: { default: '经济和信息化局', province: '经济和信息化厅' },
  science_technology: { default: '科学技术局', province: '科学技术厅' },
  health: { default: '卫生健康委员会', county: '卫生健康局' },
  market_regulation: { default: '市场监督管理局' },
  statistics: { default: '统计局' },
  intellectual_property: { default: '知识产权局' },
  water_resources: { default: '水利局', province: '水利厅' },
  financial_regulation: { default: '地方金融管理局' },
  public_security: { default: '公安局', province: '公安厅' },
  justice: { default: '司法局', province: '司法厅' },
  natural_resources: { default: '自然资源和规划局', province: '自然资源厅' },
  emergency_management: { default: '应急管理局', province: '应急管理厅' },
  medical_security: { default: '医疗保障局' },
  forestry: { default: '林业局' },
  state_assets: { default: '国有资产监督管理委员会' },
  taxation: { default: '税务局' },
  customs: { default: '海关' },
  drug_regulation: { default: '药品监督管理局' },
  natural_disaster_fire: {
    default: '消防救援支队',
    province: '消防救援总队',
    county: '消防救援大队',
  },
  radio_television: { default: '广播电视局' },
  press_publication: { default: '新闻出版局' },
  cyberspace: { default: '网信办' },
  data_administration: { default: '数据局' },
  energy: { default: '能源局' },
  grain_reserves: { default: '粮食和物资储备局' },
  sports: { default: '体育局' },
  veterans_affairs: { default: '退役军人事务局', province: '退役军人事务厅' },
  ethnic_religious_affairs: { default: '民族宗教事务局', province: '民族宗教事务委员会' },
  postal: { default: '邮政管理局' },
  communications: { default: '通信管理局' },
  meteorology: { default: '气象局' },
  foreign_affairs: { default: '外事办公室' },
  ports: { default: '口岸办公室' },
};

export function departmentName(
  unit: { name: string; level: UnitLevel },
  kind: { code: string; name: string },
): string {
  const names = INSTITUTIONS[kind.code];
  const institution =
    names?.[unit.level] ??
    names?.default ??
    `${kind.name}${unit.level === 'province' ? '厅' : '局'}`;
  // 湖北省 → 湖北省市场监督管理局; 江岸区 → 江岸区市场监督管理局.
  return `${unit.name}${institution}`;
}
