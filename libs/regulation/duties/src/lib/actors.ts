/**
 * Actor phrases (主体) at the start of a sentence or clause, and party lists (鼓励企业、社会团体…).
 * All matching runs on whitespace-free text; results carry the cues that explain them.
 */
import { parseDepartmentList } from './departments';
import type { ActorType, AdminLevel, Cue, DepartmentKind, JurisdictionTier } from './types';

export const ALL_LEVELS: readonly AdminLevel[] = ['province', 'prefecture', 'county'];

export interface ActorMatch {
  /** Characters of the (compact) text consumed by the actor phrase. */
  length: number;
  text: string;
  actorType: ActorType;
  actorTypes: ActorType[];
  levels: AdminLevel[];
  departments: string[];
  unrecognisedDepartments: string[];
  /** Cues for actorType, levels and departments (the actor cue depends on how it is used). */
  cues: Cue[];
}

interface LevelPhrase {
  re: RegExp;
  levels: AdminLevel[];
  rule: string;
  /** The phrase names a government by itself (国务院, 国家, 本市): no 人民政府 needed. */
  government?: boolean;
}

const LEVEL_NAMES: Record<AdminLevel, string> = {
  national: '国家',
  province: '省',
  prefecture: '市（州）',
  county: '县',
};

function levelList(levels: readonly AdminLevel[]): string {
  return levels.map((l) => LEVEL_NAMES[l]).join('、');
}

const N: AdminLevel = 'national';
const P: AdminLevel = 'province';
const F: AdminLevel = 'prefecture';
const C: AdminLevel = 'county';

/** 乡镇 and 街道 are not tracked as a level of their own: they count with their county. */
const TOWNSHIP = /^(?:乡（镇）|乡、镇|乡镇|乡级|街道)/;

/**
 * Level words by the tier of the text (see {@link JurisdictionTier}). Ordered: longer and more
 * specific phrases first (县级以上地方 before 县级以上 before 县). `市(?!场)` keeps 市场监督管理
 * from reading as a level.
 */
const LEVEL_PHRASES: Record<JurisdictionTier, LevelPhrase[]> = {
  national: [
    { re: /^国务院/, levels: [N], rule: 'levels.national', government: true },
    {
      re: /^国家(?!标准|规定|级|秘密|利益|机关|有关规定|法律|行政法规|政策|重点|安全|所有|财政|投资|资金|出资|考试|认可|认证|明令|产业政策|畜禽|遗传|和|、|及|或|的|工作人员|(?:设立|举办|建立|兴办|确定|认定)的)(?=[\u4e00-\u9fff])/,
      levels: [N],
      rule: 'levels.national',
      government: true,
    },
    { re: /^县级以上地方(?:各级)?/, levels: [P, F, C], rule: 'levels.local-county-and-above' },
    { re: /^地方各级/, levels: [P, F, C], rule: 'levels.local-all' },
    {
      re: /^(?:县级以上各级|县级以上)/,
      levels: [N, P, F, C],
      rule: 'levels.county-and-above-national',
    },
    { re: /^各级/, levels: [N, P, F, C], rule: 'levels.all-with-national' },
    {
      re: /^设区的市级以上(?:地方)?(?:各级)?/,
      levels: [P, F],
      rule: 'levels.prefecture-and-above',
    },
    { re: /^省级以上(?:地方)?(?:各级)?/, levels: [N, P], rule: 'levels.province-and-above' },
    {
      re: /^(?:省级或者设区的市级|省、自治区、直辖市或者设区的市)/,
      levels: [P, F],
      rule: 'levels.province-or-prefecture',
    },
    {
      re: /^省、自治区、直辖市和设区的市(?:、自治州)?/,
      levels: [P, F],
      rule: 'levels.province-and-prefecture',
    },
    { re: /^(?:省、自治区、直辖市|省级)/, levels: [P], rule: 'levels.province' },
    {
      re: /^(?:设区的市、自治州|设区的市|地级以上市|地级市|自治州|市级)/,
      levels: [F],
      rule: 'levels.prefecture',
    },
    { re: /^(?:县级|县、自治县|县)/, levels: [C], rule: 'levels.county' },
    { re: /^地方/, levels: [P, F, C], rule: 'levels.local' },
  ],
  province: [
    {
      re: /^(?:县级以上地方各级|县级以上地方|县级以上各级|县级以上)/,
      levels: [P, F, C],
      rule: 'levels.county-and-above',
    },
    { re: /^(?:地方各级|各级)/, levels: [P, F, C], rule: 'levels.all-levels' },
    {
      re: /^设区的市级以上(?:地方)?(?:各级)?/,
      levels: [P, F],
      rule: 'levels.prefecture-and-above',
    },
    {
      re: /^(?:省、市、县（市、区）|省、市、县|省、设区的市、县)/,
      levels: [P, F, C],
      rule: 'levels.all-named',
    },
    {
      re: /^(?:省和设区的市、自治州|省、设区的市、自治州|省和设区的市|省、设区的市|省或者设区的市(?:、自治州)?|省级或者设区的市级|省、市（州）|省和市（州）|省、市州|省、市)/,
      levels: [P, F],
      rule: 'levels.province-and-prefecture',
    },
    {
      re: /^(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,12}?自治区|省级|本省|全省|省)(?!辖市)/,
      levels: [P],
      rule: 'levels.province',
    },
    {
      re: /^(?:设区的市和县（市、区）|市、县（市、区）|市、县（区）|市、县|市和县)/,
      levels: [F, C],
      rule: 'levels.prefecture-and-county',
    },
    {
      re: /^(?:设区的市、自治州|设区的市|市（州）|市、州|市州|自治州|省辖市|地级市|市级|市(?!场))/,
      levels: [F],
      rule: 'levels.prefecture',
    },
    {
      re: /^(?:县（市、区）|县（市、区、林区）|县、市、区|县（区、市）|县（区）|县级|县)/,
      levels: [C],
      rule: 'levels.county',
    },
  ],
  municipality: [
    {
      re: /^(?:本市各级|市和区(?:、县|县|（县）)?|市、区(?:、县|县|（县）)?(?:两级)?|县级以上|各级)/,
      levels: [P, C],
      rule: 'levels.municipal-two-levels',
    },
    {
      re: /^(?:北京市|天津市|上海市|重庆市|本市|全市|市级|市(?!场))/,
      levels: [P],
      rule: 'levels.municipal-city',
    },
    {
      re: /^(?:区、县（自治县）|区县（自治县）|区、县|区县|区（县）|县（自治县）|区|县)/,
      levels: [C],
      rule: 'levels.municipal-district',
    },
  ],
  city: [
    {
      re: /^(?:市、县（市、区）|市和县（市、区）|市、区|县级以上|各级)/,
      levels: [F, C],
      rule: 'levels.city-two-levels',
    },
    { re: /^(?:省)/, levels: [P], rule: 'levels.province' },
    { re: /^(?:本市|全市|市级|市(?!场))/, levels: [F], rule: 'levels.city' },
    {
      re: /^(?:县（市、区）|县、市、区|县、区|区、县|县（区）|区|县)/,
      levels: [C],
      rule: 'levels.county',
    },
  ],
};

/** Levels assumed for a department named without a level word (有关部门, 产品质量监督部门). */
export function defaultLevels(tier: JurisdictionTier): AdminLevel[] {
  switch (tier) {
    case 'municipality':
      return [P, C];
    case 'city':
      return [F, C];
    default:
      return [P, F, C];
  }
}

function phraseExplanation(tier: JurisdictionTier, text: string, levels: AdminLevel[]): string {
  const reading =
    tier === 'national'
      ? '全国性文本'
      : tier === 'municipality'
        ? '直辖市文本（市为省级，区、县为县级，不设市州级）'
        : tier === 'city'
          ? '设区的市文本（市为市州级）'
          : '省级文本';
  return `${reading}中“${text}”指${levelList(levels)}${levels.length > 1 ? '各级' : '级'}`;
}

/**
 * `<list>(等)(有关|相关)(主管)部门(和(有关)单位)`: lazy, so the list stops at the first 部门.
 * 行政 stays in the list (水行政, 司法行政, 卫生健康行政 are normalised by the dictionary).
 */
const DEPARTMENT_TAIL =
  /^([^，。；：,;:]{0,160}?)(等)?(有关|相关)?(主管)?(?:部门|机关(?!工作人员))(和(?:有关|相关)?单位)?/;
/** Words that show the "list" is really a predicate (县级以上人民政府应当会同有关部门…). */
const NOT_A_DEPARTMENT_LIST =
  /应当|可以|必须|不得|鼓励|支持|引导|会同|建立|组织|负责|加强|推动|推进|按照|依法|依照|根据|在|对|将|把|为|的|有权|向|任何|个人|人民政府.|由|办法|制定/;

export interface DepartmentTail {
  length: number;
  codes: string[];
  unrecognised: string[];
  listText: string;
  cues: Cue[];
}

export function matchDepartmentTail(
  s: string,
  kinds: readonly DepartmentKind[],
): DepartmentTail | undefined {
  const m = DEPARTMENT_TAIL.exec(s);
  if (!m) return undefined;
  // 有关行政管理部门, 相关主管部门, 相关政府部门: a determiner and a generic word name no department.
  const listText = /^(?:(?:有关|相关|其他)(?:政府)?|政府)(?:行政)?(?:管理|主管|执法)?$/.test(m[1])
    ? ''
    : m[1];
  if (NOT_A_DEPARTMENT_LIST.test(listText)) return undefined;
  const mentions = parseDepartmentList(listText, kinds);
  const recognised = mentions.filter((x) => x.kind !== undefined);
  // An unknown name is accepted only when it is short (a department name, not a clause).
  if (mentions.some((x) => x.kind === undefined && x.text.length > 12)) return undefined;
  if (mentions.length > 0 && recognised.length === 0 && listText.length > 12) return undefined;
  const codes: string[] = [];
  const cues: Cue[] = [];
  for (const x of mentions) {
    if (x.kind) {
      if (!codes.includes(x.kind.code)) codes.push(x.kind.code);
      cues.push({
        field: 'departments',
        rule: x.kind.name === x.text ? 'departments.named' : 'departments.alias',
        text: x.text,
        explanation:
          x.kind.name === x.text
            ? `主体列举“${x.text}”部门（${x.kind.code}）`
            : `“${x.text}”规范化为“${x.kind.name}”部门（${x.kind.code}）`,
      });
    } else {
      cues.push({
        field: 'departments',
        rule: 'departments.unrecognised',
        text: x.text,
        explanation: `“${x.text}”不在部门词典中，需人工确认对应部门`,
      });
    }
  }
  if (mentions.length === 0) {
    cues.push({
      field: 'departments',
      rule: 'departments.unnamed',
      text: m[0],
      explanation: `“${m[0]}”未点名具体部门，需人工指定牵头部门（建议：市场监督管理）`,
    });
  }
  return {
    length: m[0].length,
    codes,
    unrecognised: mentions.filter((x) => x.kind === undefined).map((x) => x.text),
    listText,
    cues,
  };
}

function levelCue(tier: JurisdictionTier, phrase: LevelPhrase, text: string): Cue {
  return {
    field: 'levels',
    rule: phrase.rule,
    text,
    explanation: phraseExplanation(tier, text, phrase.levels),
  };
}

function defaultLevelCue(tier: JurisdictionTier, text: string): Cue {
  return {
    field: 'levels',
    rule: 'levels.unstated',
    text,
    explanation: `“${text}”未写明层级，按本文本所指的各级（${levelList(defaultLevels(tier))}）处理，需人工确认`,
  };
}

function noDepartmentCue(text: string): Cue {
  return {
    field: 'departments',
    rule: 'departments.government-only',
    text,
    explanation: `主体为人民政府本身，未点名部门；牵头部门由人工指定`,
  };
}

/** 行政机关, 国家机关: organs named generically, without a department kind. */
const GENERIC_ORGAN = /^(?:有关|相关|其他)?(?:行政执法机关|行政机关|国家机关|执法机关)(?!工作人员)/;

/** 人民政府 and the words that stand for it (政府, 街道办事处 as the 区/县 government's agency). */
const GOVERNMENT_WORD = /^(?:人民政府|政府(?!部门)|街道办事处)/;

/** 相关/有关/当地 before a level word (相关县级以上人民政府, 当地人民政府). */
const DETERMINER =
  /^(?:相关|有关|当地|所在地|上级|下级|同级|其他|(?!地方)[\u4e00-\u9fff]{1,4}?(?=各级|县级以上|地方各级))/;
/** A parenthetical after a level word: 区县（自治县）, 县（市、区）. */
const PARENTHETICAL = /^（[^）]{1,12}）/;

function levelPhraseAt(
  s: string,
  tier: JurisdictionTier,
): { phrase: LevelPhrase; text: string } | undefined {
  const determiner = DETERMINER.exec(s)?.[0] ?? '';
  const rest = s.slice(determiner.length);
  for (const p of LEVEL_PHRASES[tier]) {
    const m = p.re.exec(rest);
    if (m) {
      const paren = PARENTHETICAL.exec(rest.slice(m[0].length))?.[0] ?? '';
      // 牧区各级人民政府, 民族自治地方各级人民政府, 当地各级人民政府: a place written before the
      // level word names local governments only; the State Council is never "of" a region.
      if (
        determiner &&
        !/^(?:相关|有关|上级|下级|同级|其他)$/.test(determiner) &&
        p.levels.includes(N) &&
        p.levels.some((l) => l !== N)
      ) {
        const levels = p.levels.filter((l) => l !== N);
        return {
          phrase: { re: p.re, levels, rule: 'levels.regional-local' },
          text: determiner + m[0] + paren,
        };
      }
      return { phrase: p, text: determiner + m[0] + paren };
    }
  }
  if (determiner && /^(?:人民政府|政府)/.test(rest)) {
    return {
      phrase: { re: DETERMINER, levels: defaultLevels(tier), rule: 'levels.unstated-determiner' },
      text: determiner,
    };
  }
  const township = TOWNSHIP.exec(s);
  if (township) {
    return {
      phrase: { re: TOWNSHIP, levels: [C], rule: 'levels.township' },
      text: township[0],
    };
  }
  return undefined;
}

/**
 * A government actor at the start of `s`: a level phrase, 人民政府, then optionally 及其…部门
 * (government and its departments → government) or a department list …部门 (→ department).
 * Without 人民政府 a department list is required (省市场监督管理部门, 有关部门), except for the
 * words that name a government by themselves (国务院, 国家 in a national text; 本市 in a city's).
 * The level words are read by the tier of the text.
 */
export function matchGovernmentActor(
  s: string,
  kinds: readonly DepartmentKind[],
  tier: JurisdictionTier = 'province',
): ActorMatch | undefined {
  // 国家畜禽遗传资源委员会, 国家标准化管理委员会: a state committee is a national agency.
  const committee = /^国家[\u4e00-\u9fff]{1,16}?委员会(?!委员)/.exec(s);
  if (committee) {
    return organActor(
      'department',
      committee[0],
      [N],
      [
        {
          field: 'actorType',
          rule: 'actorType.state-committee',
          text: committee[0],
          explanation: `“${committee[0]}”为国家设立的委员会（国家机构）`,
        },
        {
          field: 'levels',
          rule: 'levels.national',
          text: committee[0],
          explanation: `“${committee[0]}”为国家级机构`,
        },
        {
          field: 'departments',
          rule: 'departments.unnamed',
          text: committee[0],
          explanation: `“${committee[0]}”不对应具体政府部门，需人工指定牵头部门`,
        },
      ],
    );
  }
  const found = levelPhraseAt(s, tier);
  // 上级市场监督管理部门, 其上级机关: an organ named relative to another (its superior) is of the
  // same kind; a superior 机关 with no kind is the superior government organ, at any level.
  const relative = found ? null : /^(?:其)?(?:上级|下级|同级|本级)(?=[\u4e00-\u9fff])/.exec(s);
  if (relative) {
    const after = s.slice(relative[0].length);
    const organ = /^(?:主管)?(?:行政)?机关/.exec(after);
    const inner = organ ? undefined : matchGovernmentActor(after, kinds, tier);
    if (inner && inner.actorType === 'department') {
      const text = relative[0] + inner.text;
      return { ...inner, length: text.length, text };
    }
    if (organ) {
      const text = relative[0] + organ[0];
      const levels = tier === 'national' ? [N, P, F, C] : defaultLevels(tier);
      return organActor('government', text, levels, [
        {
          field: 'actorType',
          rule: 'actorType.superior-organ',
          text,
          explanation: `“${text}”指上级国家机关（政府职责）`,
        },
        {
          field: 'levels',
          rule: 'levels.superior-organ',
          text,
          explanation: `“${text}”未写层级，可为各级：${levelList(levels)}`,
        },
        noDepartmentCue(text),
      ]);
    }
  }
  const phrase = found?.phrase;
  let pos = found ? found.text.length : 0;
  // 乡镇人民政府、街道办事处: a second government joined to the first.
  const government = GOVERNMENT_WORD.exec(s.slice(pos));
  const hasGovernment = government !== null || phrase?.government === true;
  if (government) pos += government[0].length;
  // 省、自治区、直辖市人民政府的市场监督管理部门: 的 between a government and its department.
  if (hasGovernment && s.startsWith('的', pos) && matchDepartmentTail(s.slice(pos + 1), kinds))
    pos += 1;
  if (hasGovernment) {
    const joined = /^(?:、|和|及)(?:乡（镇）|乡镇|乡、镇)?(?:人民政府|街道办事处)/.exec(
      s.slice(pos),
    );
    if (joined) pos += joined[0].length;
  }
  const governmentText = s.slice(0, pos);
  const levels = phrase ? [...phrase.levels] : defaultLevels(tier);
  const levelsCue = phrase ? levelCue(tier, phrase, found?.text ?? governmentText) : undefined;

  if (hasGovernment) {
    if (s.startsWith('及其', pos)) {
      const tail = matchDepartmentTail(s.slice(pos + 2), kinds);
      if (tail) {
        const text = s.slice(0, pos + 2 + tail.length);
        return {
          length: text.length,
          text,
          actorType: 'government',
          actorTypes: ['government', 'department'],
          levels,
          departments: tail.codes,
          unrecognisedDepartments: tail.unrecognised,
          cues: [
            {
              field: 'actorType',
              rule: 'actorType.government-and-departments',
              text,
              explanation: `“${text}”：人民政府及其部门共同负责，以人民政府为主体（政府职责）`,
            },
            levelsCue ?? defaultLevelCue(tier, text),
            ...tail.cues,
          ],
        };
      }
    }
    // 人民政府和有关部门: two actors joined, not a department list (see matchSubjectActor).
    const tail = /^(?:和|及|与|以及|、)/.test(s.slice(pos))
      ? undefined
      : matchDepartmentTail(s.slice(pos), kinds);
    if (tail) {
      const text = s.slice(0, pos + tail.length);
      return departmentActor(text, levels, levelsCue ?? defaultLevelCue(tier, text), tail);
    }
    if (!government && phrase?.government && /^国家/.test(s)) {
      // 国家 alone: only when what follows is not part of a noun (国家标准, 国家规定).
      if (/^(?:标准|规定|级|秘密|利益|机关|行政区域|范围|有关规定)/.test(s.slice(pos))) {
        return undefined;
      }
    }
    return organActor('government', governmentText, levels, [
      {
        field: 'actorType',
        rule: 'actorType.government',
        text: governmentText,
        explanation: `“${governmentText}”为人民政府（政府职责）`,
      },
      levelsCue ?? defaultLevelCue(tier, governmentText),
      noDepartmentCue(governmentText),
    ]);
  }
  // 海关 standing alone: customs is managed vertically by the State Council (海关总署), a national
  // organ wherever it acts.
  const customs =
    !phrase && /^海关(?=[，,]|应当|可以|不得|必须|依法|对|在|将|负责|按照|依照)/.exec(s);
  if (customs) {
    const kind = kinds.find((k) => k.name === '海关');
    if (kind) {
      return {
        ...organActor(
          'department',
          '海关',
          [N],
          [
            {
              field: 'actorType',
              rule: 'actorType.customs',
              text: '海关',
              explanation: '“海关”为国务院垂直管理的海关机构（政府部门职责）',
            },
            {
              field: 'levels',
              rule: 'levels.vertical-national',
              text: '海关',
              explanation: '海关由海关总署垂直管理，属国家级',
            },
          ],
        ),
        departments: [kind.code],
      };
    }
  }
  // No 人民政府: a department phrase is required, with or without a level (省市场监督管理部门).
  const organ = GENERIC_ORGAN.exec(s.slice(pos));
  if (organ) {
    const text = s.slice(0, pos + organ[0].length);
    const isGovernment = /国家机关/.test(organ[0]);
    // 本市国家机关: 本市/本省 places the organs in the area, at every level the text addresses;
    // without a level word, a national law's 国家机关/行政机关 are the organs at every level.
    const area = found && /^(?:本市|本省|全市|全省|本自治区)$/.test(found.text);
    const organLevels = area
      ? defaultLevels(tier)
      : !phrase && tier === 'national'
        ? [N, P, F, C]
        : levels;
    return organActor(isGovernment ? 'government' : 'department', text, organLevels, [
      {
        field: 'actorType',
        rule: 'actorType.generic-organ',
        text,
        explanation: `“${text}”泛指${isGovernment ? '国家机关（政府职责）' : '行政机关（政府部门职责）'}`,
      },
      area || (!phrase && tier === 'national')
        ? {
            field: 'levels',
            rule: area ? 'levels.area-organs' : 'levels.generic-organs-all',
            text,
            explanation: area
              ? `“${text}”指本行政区域内各级的机关：${levelList(organLevels)}`
              : `全国性文本中未写层级的“${text}”泛指各级机关：${levelList(organLevels)}`,
          }
        : (levelsCue ?? defaultLevelCue(tier, text)),
      {
        field: 'departments',
        rule: 'departments.unnamed',
        text,
        explanation: `“${text}”未点名具体部门，需人工指定牵头部门`,
      },
    ]);
  }
  const tail = matchDepartmentTail(s.slice(pos), kinds);
  // 市和区、县财政性资金应当……, 市和区、县财政用于……的经费: a level's budget funds (财政 as a
  // thing, not 由省财政列支 where 财政 acts as the finance department) are spent by that level's
  // government.
  const budget =
    phrase && !tail
      ? /^财政(?=性[\u4e00-\u9fff]{0,8}?资金|用于|资金|投入|经费|预算|支出)/.exec(s.slice(pos))
      : null;
  if (budget && found) {
    const text = s.slice(0, pos + budget[0].length);
    return organActor('government', text, levels, [
      {
        field: 'actorType',
        rule: 'actorType.level-budget',
        text,
        explanation: `“${text}”指该级人民政府的财政预算，由该级人民政府承担（政府职责）`,
      },
      levelsCue ?? defaultLevelCue(tier, text),
      noDepartmentCue(text),
    ]);
  }
  if (!tail) {
    // 本市/本省 as the subject of a sentence stands for the government of the text's area.
    const self = /^(?:本市|本省|本自治区)(?!行政区域|范围|内|的)/.exec(s);
    // 本市有关单位和个人……: 本市 modifies the parties named after it.
    const modifies = self
      ? /^(?:有关|各类|各级各类|相关|其他)/.test(s.slice(self[0].length)) ||
        matchPartyList(s.slice(self[0].length)) !== undefined
      : false;
    if (self && !phrase?.government && !modifies) {
      const selfPhrase = levelPhraseAt(s, tier);
      const selfLevels = selfPhrase ? [...selfPhrase.phrase.levels] : defaultLevels(tier);
      return organActor('government', self[0], selfLevels, [
        {
          field: 'actorType',
          rule: 'actorType.self-reference',
          text: self[0],
          explanation: `“${self[0]}”作主语时指本行政区域的人民政府（政府职责）`,
        },
        selfPhrase ? levelCue(tier, selfPhrase.phrase, self[0]) : defaultLevelCue(tier, self[0]),
        noDepartmentCue(self[0]),
      ]);
    }
    return undefined;
  }
  // Without a level phrase the list must name a known department or be 有关/相关/主管部门.
  if (!phrase && tail.codes.length === 0 && tail.listText.length > 0) return undefined;
  const text = s.slice(0, pos + tail.length);
  return departmentActor(text, levels, levelsCue ?? defaultLevelCue(tier, text), tail);
}

/**
 * A government, or a department of no named kind, standing for itself: `text` is the whole actor
 * phrase (its length is the text's). The cues explain the type, levels and departments.
 */
export function organActor(
  actorType: 'government' | 'department',
  text: string,
  levels: AdminLevel[],
  cues: Cue[],
  length = text.length,
): ActorMatch {
  return {
    length,
    text,
    actorType,
    actorTypes: [actorType],
    levels,
    departments: [],
    unrecognisedDepartments: [],
    cues,
  };
}

function departmentActor(
  text: string,
  levels: AdminLevel[],
  levelsCue: Cue,
  tail: DepartmentTail,
): ActorMatch {
  return {
    length: text.length,
    text,
    actorType: 'department',
    actorTypes: ['department'],
    levels,
    departments: tail.codes,
    unrecognisedDepartments: tail.unrecognised,
    cues: [
      {
        field: 'actorType',
        rule: tail.codes.length > 0 ? 'actorType.department-list' : 'actorType.department-unnamed',
        text,
        explanation:
          tail.codes.length > 0
            ? `“${text}”为政府工作部门（政府职责）`
            : `“${text}”为政府部门但未点名具体部门（政府职责）`,
      },
      levelsCue,
      ...tail.cues,
    ],
  };
}

const CONGRESS =
  /^([^，；。、]{0,12}?)(?:人民代表大会及其常务委员会|人民代表大会常务委员会|人大常委会|人民代表大会|人大)(?!代表)/;

export function matchCongress(s: string): ActorMatch | undefined {
  const m = CONGRESS.exec(s);
  if (!m) return undefined;
  const text = m[0];
  return nonGovernment(
    text,
    ['congress'],
    [
      {
        field: 'actorType',
        rule: 'actorType.congress',
        text,
        explanation: `“${text}”为人大及其常委会，行使监督职权，不是政府执行主体（非政府职责）`,
      },
    ],
  );
}

function nonGovernment(text: string, types: ActorType[], typeCues: Cue[]): ActorMatch {
  return {
    length: text.length,
    text,
    actorType: types[0],
    actorTypes: types,
    levels: [],
    departments: [],
    unrecognisedDepartments: [],
    cues: [
      ...typeCues,
      {
        field: 'levels',
        rule: 'levels.non-government',
        text,
        explanation: `“${text}”不是政府主体，不分配行政层级`,
      },
      {
        field: 'departments',
        rule: 'departments.non-government',
        text,
        explanation: `“${text}”不是政府主体，不涉及政府部门`,
      },
    ],
  };
}

interface PartyTerm {
  type: ActorType;
  rule: string;
  label: string;
  terms?: string[];
  re?: RegExp;
  classify?: (text: string) => ActorType;
  /** Further types a collective term stands for (创新主体: enterprises and institutions). */
  also?: ActorType[];
  /** Further types read from the matched text (新闻出版、广播影视等机构 are media too). */
  alsoFor?: (text: string) => ActorType[];
}

const INSTITUTION_MODIFIER =
  '(?:教育|科研|学术|计量|标准化|标准|认证|检验检测|检测|金融|保险|银行业|银行)';

/** Non-government parties. Longest match wins at each position. */
const PARTY_TERMS: PartyTerm[] = [
  {
    type: 'judicial',
    rule: 'actorType.judicial',
    label: '人民法院、人民检察院、监察机关等司法和监察机关',
    terms: ['人民法院', '人民检察院', '监察机关', '监察委员会', '司法机关', '仲裁机构'],
  },
  {
    type: 'public',
    rule: 'actorType.public',
    label: '任何单位和个人等社会主体',
    terms: [
      '任何单位和个人',
      '任何单位或者个人',
      '任何组织和个人',
      '任何组织或者个人',
      '单位和个人',
      '单位或者个人',
      '单位、个人',
      '组织和个人',
      '组织、个人',
      // 任何单位, 任何组织, 任何人 (convention 43): the addressee of a norm that binds everyone.
      '任何单位',
      '任何组织',
      '任何人',
    ],
  },
  {
    type: 'enterprise',
    rule: 'actorType.enterprise-unit',
    label: '建设、勘察、设计、施工、监理等单位（市场主体）',
    re: /^(?:(?:建设|勘察|设计|施工|监理|生产|销售|经营|运输|仓储|使用|进口|出口|用人|物业服务|养殖|屠宰|承运|检验检测|销售服务)、?)+单位/,
    classify: (t) => (/^检验检测/.test(t) ? 'third_party' : 'enterprise'),
  },
  {
    type: 'enterprise',
    rule: 'actorType.enterprise-operator',
    label: '生产者、经营者等市场主体',
    re: /^(?:(?!应当|可以|责令|不得|必须|禁止|依法|鼓励|支持|引导|对|向|由)[\u4e00-\u9fff]){0,8}?(?:生产经营者|生产者|销售者|经营者|养殖者|饲养者|进口者|出口者|经营户|养殖户|养殖场|养殖小区|孵化场|屠宰场|屠宰厂)/,
  },
  {
    type: 'public',
    rule: 'actorType.public',
    label: '公民、法人和其他组织等社会主体',
    terms: [
      '公民、法人和其他组织',
      '公民、法人或者其他组织',
      '法人和其他组织',
      '其他组织',
      '社会力量',
      '社会公众',
      '公众',
      '公民',
      '个人',
      '消费者',
      '志愿者',
      '农牧民',
      '农民',
      '牧民',
      '渔民',
    ],
  },
  {
    type: 'public',
    rule: 'actorType.public-institution',
    label: '高等院校、科研机构等事业单位（归入“公民、法人和其他组织”）',
    terms: ['高等院校', '高等学校', '职业院校', '科研院所', '科研机构', '教育机构', '学校'],
  },
  {
    type: 'enterprise',
    rule: 'actorType.enterprise',
    label: '企业等市场主体',
    terms: [
      '企业',
      '市场主体',
      '社会资本',
      '银行业金融机构',
      '金融机构',
      '保险机构',
      '融资担保机构',
      '担保机构',
      '创业投资机构',
      '投资机构',
      '生产经营者',
      '经营者',
      '生产者',
      '销售者',
    ],
  },
  {
    // 企业事业单位 / 企业事业组织 (convention 43): the drafting compound for enterprises and
    // public institutions (事业单位) together, so both kinds of party.
    type: 'enterprise',
    rule: 'actorType.enterprises-and-institutions',
    label: '企业和事业单位',
    re: /^(?:公用)?企业、?事业(?:单位|组织)/,
    also: ['public'],
  },
  {
    // 创新主体 / 科技创新主体: the collective name for enterprises, universities and research
    // institutes that innovate (企业 and 事业单位 alike).
    type: 'enterprise',
    rule: 'actorType.innovation-entities',
    label: '各类创新主体（企业、高等学校、科研机构等）',
    re: /^(?:各类|各种)?(?:科技)?创新主体/,
    also: ['public'],
  },
  {
    type: 'association',
    rule: 'actorType.association',
    label: '行业协会、社会团体等社会组织',
    terms: [
      '行业协会商会',
      '行业协会',
      '商会',
      '社会团体',
      '其他社会组织',
      '社会组织',
      '人民团体',
      '学会',
      '产业联盟',
    ],
  },
  {
    type: 'third_party',
    rule: 'actorType.third-party',
    label: '计量、标准、认证、检验检测等第三方机构',
    terms: [
      '第三方机构',
      '检验检测机构',
      '产品质量检验机构',
      '检验机构',
      '认证机构',
      '计量技术机构',
      '专业技术机构',
      '标准化技术委员会',
      '技术委员会',
      '社会中介机构',
      '中介机构',
      '鉴定机构',
    ],
  },
  {
    type: 'third_party',
    rule: 'actorType.third-party',
    label: '计量、标准、认证、检验检测等第三方机构',
    re: /^(?:[\u4e00-\u9fff]{1,6}、)*[\u4e00-\u9fff]{1,6}等(?:为[^，。；、]{1,30}?的)?第三方(?:服务)?机构/,
  },
  {
    type: 'media',
    rule: 'actorType.media',
    label: '广播、电视、报刊、网络等媒体',
    terms: ['新闻媒体', '媒体'],
  },
  {
    type: 'media',
    rule: 'actorType.media',
    label: '广播、电视、报刊、网络等媒体',
    re: /^(?:(?:广播电视|广播|电视|报刊|报纸|网络|新闻|互联网|期刊|杂志|新媒体)[、和]?)+等?(?:新闻)?媒体/,
  },
  {
    // 科学技术、教育、文化、新闻出版、卫生等机构 (convention 44): institutions named by the sectors
    // they work in are public service institutions (事业单位); press and broadcasting institutions
    // are media as well; testing and certifying ones third parties, financial ones enterprises.
    type: 'public',
    rule: 'actorType.sector-institutions',
    label: '按行业列举的各类机构',
    re: /^(?!鼓励|支持|引导|提倡|倡导|禁止|严禁|组织|推动|推进|加强|促进|发挥|[对由为在向将])(?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}等(?:有关|相关)?机构/,
    classify: (t) =>
      /计量|标准|认证|检验|检测/.test(t)
        ? 'third_party'
        : /金融|保险|银行|投资|担保/.test(t)
          ? 'enterprise'
          : 'public',
    alsoFor: (t) => (/新闻|出版|广播|影视|电视|报刊/.test(t) ? ['media'] : []),
  },
  {
    type: 'public',
    rule: 'actorType.institution-list',
    label: '列举的各类机构',
    re: new RegExp(`^(?:${INSTITUTION_MODIFIER}、)+${INSTITUTION_MODIFIER}机构`),
    classify: (t) =>
      /计量|标准|认证|检验检测|检测/.test(t)
        ? 'third_party'
        : /金融|保险|银行/.test(t)
          ? 'enterprise'
          : 'public',
  },
];

const TYPE_LABELS: Record<ActorType, string> = {
  government: '人民政府',
  department: '政府部门',
  congress: '人大及其常委会',
  judicial: '司法和监察机关',
  none: '无行为主体',
  enterprise: '企业等市场主体',
  association: '行业协会、社会团体等社会组织',
  third_party: '第三方机构',
  media: '媒体',
  public: '公民、法人和其他组织',
};

const PARTY_MODIFIER = /^(?:有条件的|符合条件的|有关(?=单位|组织)|相关(?=单位|组织)|各类|各种)/;
/** A clause that starts with a verb names no party (给予……人员处分). */
const VERB_START =
  /^(?:给予|予以|对|向|由|为|在|将|把|按照|依照|根据|组织|建立|加强|推动|推进|支持|鼓励|引导|开展|实施|实行|制定|完善|做好|采取|提供|促进|保障|落实|依法)/;
const PARTY_SEPARATOR = /^(?:、|以及|和|及|与|或者|或)/;

/**
 * A list of non-government parties at the start of `s`, e.g. `企业、社会团体和教育、科研机构等`
 * or `计量、标准…等为质量促进提供服务的第三方机构`. The first party decides `actorType`.
 */
export function matchPartyList(s: string): ActorMatch | undefined {
  let pos = 0;
  let end = 0;
  const types: ActorType[] = [];
  const cues: Cue[] = [];
  let staffOf = false;
  for (;;) {
    const modifier = PARTY_MODIFIER.exec(s.slice(pos));
    const at = pos + (modifier ? modifier[0].length : 0);
    const rest = s.slice(at);
    let best: { length: number; term: PartyTerm; text: string } | undefined;
    for (const term of PARTY_TERMS) {
      const lengths = term.terms
        ? term.terms.filter((t) => rest.startsWith(t)).map((t) => t.length)
        : [term.re?.exec(rest)?.[0].length ?? 0];
      for (const length of lengths) {
        if (length > 0 && (!best || length > best.length)) {
          best = { length, term, text: rest.slice(0, length) };
        }
      }
    }
    // 新闻媒体及其从业人员进行……: the staff after 及其 end where their noun ends.
    const staffName = !best && staffOf ? /^[\u4e00-\u9fff]{0,6}?人员/.exec(rest) : null;
    if (staffName) {
      best = {
        length: staffName[0].length,
        text: staffName[0],
        term: { type: 'public', rule: 'actorType.staff', label: '其工作人员' },
      };
    }
    if (!best) {
      if (types.length === 0 && startsWithPredicate(rest)) break;
      // A name no list knows, typed by its head noun and ending at a separator or where the
      // predicate begins (企业、科学技术研究开发机构; 鼓励科学技术人员创办企业).
      const named = headNounPrefix(rest);
      const segment = named?.text;
      const typed = named?.party;
      if (!segment || !typed) break;
      best = {
        length: segment.length,
        text: segment,
        term: {
          type: typed.actorType,
          rule: 'actorType.head-noun',
          label: '（按中心词）',
          also: typed.actorTypes.slice(1),
        },
      };
    }
    const type = best.term.classify ? best.term.classify(best.text) : best.term.type;
    // 检验机构及其检验人员: staff named after 及其 act for their body, not as parties of their own.
    const staff = staffOf && /人员$/.test(best.text);
    if (!staff && !types.includes(type)) types.push(type);
    if (!staff) {
      for (const t of [...(best.term.also ?? []), ...(best.term.alsoFor?.(best.text) ?? [])]) {
        if (!types.includes(t)) types.push(t);
      }
    }
    cues.push({
      field: 'actorType',
      rule: best.term.classify
        ? `actorType.${type === 'third_party' ? 'third-party' : type}`
        : best.term.rule,
      text: best.text,
      explanation: `“${best.text}”属于${best.term.classify ? TYPE_LABELS[type] : best.term.label}（非政府主体）`,
    });
    end = at + best.length;
    const sep = PARTY_SEPARATOR.exec(s.slice(end));
    if (!sep) break;
    pos = end + sep[0].length;
    if (sep[0] !== '、') staffOf = false;
    if (/^(?:及|和|以及)$/.test(sep[0]) && s.startsWith('其', pos)) {
      staffOf = true;
      pos += 1;
    }
  }
  if (types.length === 0) return undefined;
  if (s.startsWith('等', end)) end += 1;
  const text = s.slice(0, end);
  if (types.length > 1) {
    cues.push({
      field: 'actorType',
      rule: 'actorType.first-named',
      text,
      explanation: `列举了多类主体，主体类型取第一个：${TYPE_LABELS[types[0]]}；全部类型见 actorTypes`,
    });
  }
  return nonGovernment(text, types, cues);
}

/** The grammatical subject at the start of a clause: congress, government/department, or parties. */
/** Courts, procuratorates and 司法机关 are judicial, not the 司法行政 department. */
const JUDICIAL_START = /^(?:人民法院|人民检察院|司法机关|监察机关|监察委员会)/;

function singleActor(
  s: string,
  kinds: readonly DepartmentKind[],
  tier: JurisdictionTier,
): ActorMatch | undefined {
  if (JUDICIAL_START.test(s)) return matchPartyList(s);
  return (
    matchCongress(s) ??
    matchGovernmentActor(s, kinds, tier) ??
    possessiveDepartment(s, kinds, tier) ??
    matchPartyList(s)
  );
}

/** 产品质量的监督部门, 标准化工作的主管部门: a field joined to its department by 的. */
const POSSESSIVE_DEPARTMENT =
  /^([\u4e00-\u9fff]{2,10}?)的((?:行政)?(?:监督管理|监督|管理|主管)部门)/;

/**
 * 县级以上人民政府或者产品质量的监督部门应当…… (convention 43): a department may be named as
 * “the department of” its field with 的; it is the same department as 产品质量监督部门.
 */
function possessiveDepartment(
  s: string,
  kinds: readonly DepartmentKind[],
  tier: JurisdictionTier,
): ActorMatch | undefined {
  const m = POSSESSIVE_DEPARTMENT.exec(s);
  if (!m) return undefined;
  const joined = `${m[1]}${m[2]}`;
  const organ = matchGovernmentActor(joined, kinds, tier);
  if (!organ || organ.actorType !== 'department' || organ.length !== joined.length)
    return undefined;
  return { ...organ, length: m[0].length, text: m[0] };
}

const JOINER = /^(?:、|和|及|以及|与|或者|或)/;

/**
 * The grammatical subject at the start of a clause: congress, government/department, or parties,
 * and every further actor joined to it (各级人民政府和有关部门、司法机关 → government, department,
 * judicial). The first actor decides `actorType`; `actorTypes` lists them all.
 */
export function matchSubjectActor(
  s: string,
  kinds: readonly DepartmentKind[],
  tier: JurisdictionTier = 'province',
): ActorMatch | undefined {
  const first = singleActor(s, kinds, tier);
  if (!first) return undefined;
  // 省和设区的市人民代表大会常务委员会、人民政府: the level written before the congress is the
  // joined government's too.
  const shared = first.actorType === 'congress' ? CONGRESS.exec(s)?.[1] : undefined;
  let acc = first;
  for (let n = 0; n < 6; n += 1) {
    const joiner = JOINER.exec(s.slice(acc.length));
    if (!joiner) break;
    const at = acc.length + joiner[0].length;
    let next = singleActor(s.slice(at), kinds, tier);
    if (!next) break;
    if (shared && next.cues.some((c) => c.rule === 'levels.unstated')) {
      const prefixed = singleActor(shared + s.slice(at), kinds, tier);
      if (prefixed && prefixed.length === shared.length + next.length) {
        next = { ...prefixed, length: next.length, text: next.text };
      }
    }
    acc = joinActors(acc, next, s.slice(0, at + next.length));
  }
  // 国务院和省、自治区、直辖市人民政府的市场监督管理部门: 的……部门 after the last government
  // belongs to every government joined before it; the subject is their departments.
  if (
    acc !== first &&
    first.actorType === 'government' &&
    first.departments.length === 0 &&
    acc.actorTypes.every(isOrganType) &&
    /人民政府的[^，；。、和及]*部门$/.test(acc.text)
  ) {
    acc = {
      ...acc,
      actorType: 'department',
      actorTypes: ['department'],
      cues: [
        ...acc.cues.filter((c) => c.field !== 'actorType'),
        {
          field: 'actorType',
          rule: 'actorType.departments-of-joined-governments',
          text: acc.text,
          explanation: `“${acc.text}”中“的……部门”同属前列各级人民政府：主体为这些政府的部门（政府部门职责）`,
        },
      ],
    };
  }
  return acc;
}

/** A people's government or one of its departments (an organ that carries government duties). */
export function isOrganType(type: ActorType): boolean {
  return type === 'government' || type === 'department';
}

/**
 * Two actors that share one predicate (甲和乙应当……; 甲……，乙……，分别……): all their types,
 * levels and departments. The first decides `actorType`.
 */
export function joinActors(first: ActorMatch, second: ActorMatch, text: string): ActorMatch {
  const acc = first;
  let next = second;
  const government = isOrganType;
  // 市标准化行政主管部门和有关行政管理部门: a joined organ with no level of its own is of the
  // level written before it (the 有关部门 of that government), not of every level.
  const accGovernment = government(acc.actorType) || acc.actorTypes.some(government);
  const inherits =
    accGovernment &&
    acc.levels.length > 0 &&
    government(next.actorType) &&
    next.cues.some((c) => c.field === 'levels' && c.rule === 'levels.unstated');
  if (inherits) {
    next = {
      ...next,
      levels: [...acc.levels],
      cues: next.cues.filter((c) => c.field !== 'levels'),
    };
  }
  return {
    length: text.length,
    text,
    actorType: acc.actorType,
    actorTypes: [...acc.actorTypes, ...next.actorTypes.filter((t) => !acc.actorTypes.includes(t))],
    levels: ALL_ORDER.filter(
      (l) =>
        ((government(acc.actorType) || acc.actorTypes.some(government)) &&
          acc.levels.includes(l)) ||
        (government(next.actorType) && next.levels.includes(l)),
    ),
    departments: [
      ...acc.departments,
      ...next.departments.filter((d) => !acc.departments.includes(d)),
    ],
    unrecognisedDepartments: [...acc.unrecognisedDepartments, ...next.unrecognisedDepartments],
    cues: [
      ...acc.cues,
      ...next.cues.filter((c) => c.field !== 'levels' || government(acc.actorType)),
      {
        field: 'actorType',
        rule: 'actorType.joined',
        text,
        explanation: `“${text}”列举了多个主体，共同承担；主体类型取第一个，全部类型见 actorTypes`,
      },
    ],
  };
}

const ALL_ORDER: readonly AdminLevel[] = ['national', 'province', 'prefecture', 'county'];

/** Words a noun phrase ends with, and the kind of party it names. */
const HEAD_NOUNS: Array<{ re: RegExp; type: ActorType; label: string; also?: ActorType[] }> = [
  { re: /(?:人民法院|人民检察院|监察机关|监察委员会)$/, type: 'judicial', label: '司法和监察机关' },
  { re: /(?:人民代表大会|常务委员会)$/, type: 'congress', label: '人大及其常委会' },
  {
    re: /(?:协会|商会|学会|社会团体|社会组织|联盟|联合会|村民委员会|居民委员会)$/,
    type: 'association',
    label: '社会组织',
  },
  {
    re: /(?:检验检测机构|检验机构|检测机构|认证机构|鉴定机构|评估机构|中介机构|技术机构|服务机构|技术委员会|技术归口单位)$/,
    type: 'third_party',
    label: '第三方机构',
  },
  { re: /(?:媒体|报刊|广播|电视|网站)$/, type: 'media', label: '媒体' },
  // 接受委托检验的机构, 从事认证的机构: a body defined by testing or certifying is a third party.
  {
    re: /(?:检验|检测|认证|鉴定|评估|检疫)的机构$/,
    type: 'third_party',
    label: '检验检测、认证等第三方机构',
  },
  // 技术推广机构, 推广站: extension bodies are public service institutions (公益性事业单位).
  {
    re: /(?:技术推广机构|推广机构|推广单位|推广站|推广中心)$/,
    type: 'public',
    label: '技术推广机构等公益性事业单位',
  },
  // 被检查人, 被检验人, 被抽查者: the party a supervisory inspection is carried out on is the
  // producer or seller of what is inspected (as 检验方, 受检方 below), a market party.
  {
    re: /^被(?:检查|检验|抽查|抽检|抽样|检测|检疫)(?:人|者|单位)$/,
    type: 'enterprise',
    label: '被检查的生产者、销售者等市场主体',
  },
  // 从事……生产经营……的单位和个人: parties defined by the business they carry on are operators.
  {
    re: /^从事[^，；。]*(?:生产|经营|销售|养殖|屠宰|加工|运输|进口|出口)[^，；。]*的(?:单位|个人|单位和个人|单位、个人|单位或者个人)$/,
    type: 'enterprise',
    label: '从事生产经营活动的单位和个人（经营者）',
  },
  // 被抽取样品的企业和个人 (convention 43): a relative clause before joined heads qualifies both;
  // 企业 are market parties, 个人 and 其他组织 the public.
  {
    re: /企业(?:和|或者|、|及)(?:个人|其他组织)$/,
    type: 'enterprise',
    label: '企业和个人',
    also: ['public'],
  },
  // 国际科技组织, 学术组织 (convention 44): an organisation named by a field of civil society is a
  // social organisation (社会组织), not an economic one.
  {
    re: /(?:国际|科技|学术|民间|公益|慈善|志愿服务)组织$/,
    type: 'association',
    label: '社会组织',
  },
  // 申请人, 申请者, 复检申请人 (convention 45): an applicant is whoever applies, any unit or
  // individual; a party named as applying earlier in the paragraph is meant (see extract-duties).
  {
    re: /(?:申请|申报)(?:人|者)$/,
    type: 'public',
    label: '申请人（提出申请的单位和个人）',
  },
  // 被授予专利权的单位, 成果完成单位, 所在单位 (convention 43): 单位 named by what it holds or does,
  // not by a line of business, is any organisation — enterprises and public institutions alike.
  {
    re: /^(?![^，；。]*(?:生产|经营|销售|施工|建设|设计|勘察|监理|运输|仓储|养殖|屠宰|加工|物业|承运|用人|进口|出口|检验|检测|认证)[\u4e00-\u9fff]{0,2}单位$|[^，；。]*事业单位$)[^，；。]*单位$/,
    type: 'enterprise',
    label: '单位（企业、事业单位等组织）',
    also: ['public'],
  },
  {
    re: /(?:个人|公民|消费者|群众|公众|学校|院校|高等学校|科研机构|研究机构|研究开发机构|研发机构|事业单位|医院|组织|中心|场馆|博物馆|图书馆|(?<!工作)人员|(?<!工作|责任|负责|承[\u4e00-\u9fff])人)$/,
    type: 'public',
    label: '公民、法人和其他组织',
  },
  {
    re: /(?:金融机构|保险机构|银行|企业|公司|单位|(?<!或|再|前|后|二|三|两)者|户|场|厂|商|平台|主体|广告主|业主|货主|承[\u4e00-\u9fff]人|(?:检验|检查|抽查|当事|委托|受托|买|卖|供|需)方)$/,
    type: 'enterprise',
    label: '企业等市场主体',
  },
];

/**
 * A noun phrase standing before the modal verb that no list above recognised (建设单位应当…,
 * 畜禽养殖场应当…): typed by its head noun, the last word of a Chinese noun phrase. Returns
 * undefined when the head is not a party (产品质量应当…: the subject is a thing, not an actor).
 */
export function classifySubjectPhrase(phrase: string): ActorMatch | undefined {
  if (phrase.length === 0 || phrase.length > 40) return undefined;
  if (/[，。；：]/.test(phrase)) return undefined;
  for (const h of HEAD_NOUNS) {
    if (!h.re.test(phrase)) continue;
    return nonGovernment(
      phrase,
      [h.type, ...(h.also ?? [])],
      [
        {
          field: 'actorType',
          rule: `actorType.head-noun`,
          text: phrase,
          explanation: `主语“${phrase}”的中心词表明其为${h.label}（非政府主体）`,
        },
      ],
    );
  }
  return undefined;
}

export function describeLevels(levels: readonly AdminLevel[]): string {
  return levelList(levels);
}

/** Where a noun phrase ends and its predicate begins (当事人对……, 商业银行完善……). */
const PREDICATE_START =
  /^(?:对|将|在|从|向|为|与|按照|依照|依法|根据|通过|应当|应|可以|不得|有权|必须|经|自|于|因|未|不|已|拒|提出|申请|完善|开展|建立|加强|参与|使用|实施|开放|提供|承担|承接|印制|享受|取得|发布|设立|建设|培育|利用|发挥|积极|主动|自愿|创办|兴办|从事|办理|委托|出具|生产|销售|进口|出口|收购|运输|储存|购买|采用|采取|组建|继续|融入|带动|联合|共同|加入|成立|申报)/;

/**
 * A party named at the start of a clause by a phrase no list knows, typed by its head noun and
 * ending where the predicate begins (当事人对……不服的; 商业银行完善……; 各类创新主体建设……).
 */
/** 被检查人, 被检验方, 被投诉单位: nouns for the party an act is done to, not a passive verb. */
const PASSIVE_NOUN =
  /(?:检查|检验|抽查|抽样|投诉|举报|许可|代理|保险|委托|监护|执行|处罚|申请|审计|调查|评估|认证)?(?:人|方|单位|者|企业)/;

const PASSIVE_NOUN_START = new RegExp(`^被(?=${PASSIVE_NOUN.source})`);

/** Words that start a predicate, not a name (禁止任何单位……, 被授予……). */
function startsWithPredicate(s: string): boolean {
  return (
    VERB_START.test(s) ||
    new RegExp(
      `^(?:鼓励|支持|引导|提倡|倡导|禁止|严禁|应当|可以|不得|必须|有权|负责|加快|推行|实行|被(?!${PASSIVE_NOUN.source})|经|凡|除)`,
    ).test(s)
  );
}

/** A modal verb or a preposition inside a segment shows it is a clause, not a party's name. */
const NOT_IN_A_NAME = /应当|可以|不得|必须|禁止|有权|负责|[对将把被]/;

/** The shortest prefix typed by its head noun that ends at a separator or a predicate. */
function headNounPrefix(s: string): { text: string; party: ActorMatch } | undefined {
  if (startsWithPredicate(s)) return undefined;
  for (let n = 2; n <= Math.min(20, s.length); n += 1) {
    const next = s.slice(n);
    if (
      next.length > 0 &&
      !PARTY_SEPARATOR.test(next) &&
      !/^(?:等|[，,；。])/.test(next) &&
      !PREDICATE_START.test(next)
    ) {
      continue;
    }
    const phrase = s.slice(0, n);
    if (/[，。；：、]/.test(phrase) || NOT_IN_A_NAME.test(phrase)) return undefined;
    const party = classifySubjectPhrase(phrase);
    if (party) return { text: phrase, party };
  }
  return undefined;
}

export function leadingParty(s: string): ActorMatch | undefined {
  if (startsWithPredicate(s)) return undefined;
  for (let n = 2; n <= Math.min(20, s.length - 1); n += 1) {
    if (!PREDICATE_START.test(s.slice(n))) continue;
    const phrase = s.slice(0, n);
    if (/[，。；：、]/.test(phrase) || NOT_IN_A_NAME.test(phrase.replace(PASSIVE_NOUN_START, '')))
      return undefined;
    const party = classifySubjectPhrase(phrase);
    if (party) return party;
  }
  return undefined;
}

/** Levels as a Chinese list, e.g. `省、市（州）、县`. */
export function levelsText(levels: readonly AdminLevel[]): string {
  return levelList(levels);
}
