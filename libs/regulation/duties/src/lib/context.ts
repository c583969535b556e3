/**
 * The kind of a legislative text and whose governments it addresses, read from its title and
 * front matter the way the 立法法 hierarchy names them:
 * - 法律: 《中华人民共和国…法》, passed by 全国人民代表大会 or its standing committee;
 * - 行政法规: …条例 without a place name, issued by 国务院;
 * - 地方性法规: a province's, an autonomous region's, a 直辖市's or a 设区的市's …条例, passed by
 *   its 人民代表大会 (standing committee);
 * - 规章: …办法/规定/细则 of a ministry (部门规章) or of a local government (地方政府规章).
 */
import type { JurisdictionTier, TextContext, TextKind } from './types';

/** The four 直辖市: their 市 is a provincial-level government with 区、县 under it. */
const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'];

/** A province (…省) or autonomous region (…自治区) at the start of a title. */
const PROVINCE_PREFIX = /^([\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,12}?自治区)/;
/** A city (…市) or autonomous prefecture (…自治州) at the start of a title. */
const CITY_PREFIX = /^([\u4e00-\u9fff]{2,12}?(?:市|自治州))/;
const NATIONAL_TITLE = /^中华人民共和国/;
const RULES_TITLE = /(?:办法|规定|细则|实施细则)(?:[（(][^）)]*[）)])?$/;
const LAW_TITLE = /法(?:[（(][^）)]*[）)])?$/;

const TIER_LABEL: Record<JurisdictionTier, string> = {
  national: '全国',
  province: '省级',
  municipality: '直辖市',
  city: '设区的市',
};

const KIND_LABEL: Record<TextKind, string> = {
  law: '法律',
  administrative_regulation: '行政法规',
  provincial_regulation: '省级地方性法规',
  municipal_regulation: '直辖市地方性法规',
  city_regulation: '设区的市地方性法规',
  departmental_rules: '部门规章',
  local_government_rules: '地方政府规章',
  unknown: '未识别',
};

export function textKindLabel(kind: TextKind): string {
  return KIND_LABEL[kind];
}

export function tierLabel(tier: JurisdictionTier): string {
  return TIER_LABEL[tier];
}

function context(
  kind: TextKind,
  tier: JurisdictionTier,
  evidence: string,
  why: string,
): TextContext {
  return {
    kind,
    tier,
    evidence,
    explanation: `${why}：${KIND_LABEL[kind]}，层级按${TIER_LABEL[tier]}文本理解`,
  };
}

export interface TextContextInput {
  title?: string;
  /** Front-matter lines (passing dates, 令 numbers) between the title and the body. */
  preamble?: readonly string[];
}

/**
 * Decide the text's kind and tier. The title names the issuing area (中华人民共和国, a province,
 * a 直辖市, a city); the front matter names the issuer (人民代表大会 → 法规, 人民政府令 → 规章,
 * 国务院令 → 行政法规). Without either, a provincial regulation is assumed (the deployment's own
 * kind of text) and the explanation says so.
 */
export function detectTextContext(input: TextContextInput): TextContext {
  const title = (input.title ?? '').replace(/\s/g, '').replace(/^《|》$/g, '');
  const front = (input.preamble ?? []).join('').replace(/\s/g, '');
  const byCongress = /人民代表大会/.test(front);
  const byGovernmentOrder = /人民政府令|政府令/.test(front);
  const byStateCouncil = /国务院令|国务院(?:第[\u4e00-\u9fff\d]+次)?常务会议/.test(front);
  const byMinistry = /(?:部|委员会|总局|署|局|行)令/.test(front) && !byGovernmentOrder;
  const rules = RULES_TITLE.test(title);

  if (NATIONAL_TITLE.test(title)) {
    if (LAW_TITLE.test(title) || byCongress) {
      return context('law', 'national', title, `标题“${title}”`);
    }
    return context(
      byMinistry || rules ? 'departmental_rules' : 'administrative_regulation',
      'national',
      title,
      `标题“${title}”`,
    );
  }
  const municipality = MUNICIPALITIES.find((m) => title.startsWith(m));
  if (municipality) {
    return context(
      rules && !byCongress ? 'local_government_rules' : 'municipal_regulation',
      'municipality',
      municipality,
      `标题以直辖市“${municipality}”开头`,
    );
  }
  const province = PROVINCE_PREFIX.exec(title)?.[1];
  if (province) {
    return context(
      rules && !byCongress ? 'local_government_rules' : 'provincial_regulation',
      'province',
      province,
      `标题以“${province}”开头`,
    );
  }
  const city = CITY_PREFIX.exec(title)?.[1];
  if (city) {
    return context(
      rules && !byCongress ? 'local_government_rules' : 'city_regulation',
      'city',
      city,
      `标题以设区的市“${city}”开头`,
    );
  }
  if (byStateCouncil) {
    return context('administrative_regulation', 'national', front, '题注写明由国务院发布');
  }
  if (byMinistry) return context('departmental_rules', 'national', front, '题注写明部门令');
  if (title && LAW_TITLE.test(title) && /^[\u4e00-\u9fff]{1,20}法$/.test(title) && byCongress) {
    return context('law', 'national', title, `标题“${title}”`);
  }
  return {
    kind: 'unknown',
    tier: 'province',
    evidence: title,
    explanation: title
      ? `标题“${title}”未显示制定机关所在地区：按省级地方性法规理解层级，需人工确认`
      : '文本没有标题：按省级地方性法规理解层级，需人工确认',
  };
}

/** The context used when none is given: a provincial regulation, like the Hubei draft. */
export const DEFAULT_TEXT_CONTEXT: TextContext = {
  kind: 'provincial_regulation',
  tier: 'province',
  evidence: '',
  explanation: '未提供文本类型：按省级地方性法规理解层级',
};
