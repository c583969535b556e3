/**
 * Two versions of a small provincial regulation for the mapping tests, written in the usual
 * drafting conventions (no real text copied). From version 1 to version 2: 第二条 is deleted
 * (so every later article is renumbered), 第三条 is reworded, 第四条 and 第五条 are merged into
 * one article, 第六条 only moves up.
 */
export const MAPPING_TITLE = '湖北省质量示范条例';

const header = [MAPPING_TITLE, '第一章　总则'];

export const MAPPING_V1 = [
  ...header,
  '第一条　为了推动质量发展，提高质量总体水平，根据有关法律、行政法规，结合本省实际，制定本条例。',
  '第二条　县级以上人民政府应当建立质量工作协调机制，统筹解决本行政区域质量发展中的重大问题。',
  '第三条　县级以上人民政府市场监督管理部门应当组织开展质量状况分析，每年发布本行政区域质量状况报告。',
  '第四条　县级以上人民政府应当设立质量奖励制度，对质量管理成效显著的组织和个人给予表彰。',
  '第五条　县级以上人民政府应当组织实施质量品牌培育工程，推动区域品牌建设。',
  '第六条　县级以上人民政府应当加强计量、标准、认证认可、检验检测等质量基础设施建设，提升公共技术服务能力。',
  '第七条　本条例自2027年1月1日起施行。',
].join('\n');

export const MAPPING_V2 = [
  ...header,
  '第一条　为了推动质量发展，提高质量总体水平，根据有关法律、行政法规，结合本省实际，制定本条例。',
  '第二条　县级以上人民政府市场监督管理部门应当会同有关部门组织开展质量状况分析和质量监测，每年向社会发布本行政区域质量状况报告。',
  '第三条　县级以上人民政府应当设立质量奖励制度，对质量管理成效显著的组织和个人给予表彰；县级以上人民政府应当组织实施质量品牌培育工程，推动区域品牌建设。',
  '第四条　县级以上人民政府应当加强计量、标准、认证认可、检验检测等质量基础设施建设，提升公共技术服务能力。',
  '第五条　本条例自2027年1月1日起施行。',
].join('\n');
