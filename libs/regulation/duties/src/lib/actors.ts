/**
 * Actor phrases (主体) at the start of a sentence or clause, and party lists (鼓励企业、社会团体…).
 * All matching runs on whitespace-free text; results carry the cues that explain them.
 */
import { parseDepartmentList } from './departments';
import type { ActorType, AdminLevel, Cue, DepartmentKind } from './types';

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
  explanation: (text: string) => string;
}

const LEVEL_NAMES: Record<AdminLevel, string> = {
  province: '省',
  prefecture: '市（州）',
  county: '县',
};

function levelList(levels: readonly AdminLevel[]): string {
  return levels.map((l) => LEVEL_NAMES[l]).join('、');
}

/** Ordered: longer / more specific phrases first (县级以上 before 县, 省和设区的市 before 省). */
const LEVEL_PHRASES: LevelPhrase[] = [
  {
    re: /^设区的市级以上(?:地方)?(?:各级)?/,
    levels: ['province', 'prefecture'],
    rule: 'levels.prefecture-and-above',
    explanation: (t) => `“${t}”表示省、设区的市（自治州）两级，不含县级`,
  },
  {
    re: /^(?:省和设区的市、自治州|省、设区的市、自治州|省和设区的市|省、市（州）|省和市（州）|省、市州)/,
    levels: ['province', 'prefecture'],
    rule: 'levels.province-and-prefecture',
    explanation: (t) => `“${t}”表示省级和设区的市、自治州两级，不含县级`,
  },
  {
    re: /^县级以上(?:地方)?(?:各级)?/,
    levels: ['province', 'prefecture', 'county'],
    rule: 'levels.county-and-above',
    explanation: (t) => `“${t}”表示省、市、县三级`,
  },
  {
    re: /^各级/,
    levels: ['province', 'prefecture', 'county'],
    rule: 'levels.all-levels',
    explanation: (t) => `“${t}”表示各级政府，按省、市、县三级跟踪（乡镇不单列）`,
  },
  {
    re: /^(?:湖北省|省级|省)/,
    levels: ['province'],
    rule: 'levels.province',
    explanation: (t) => `“${t}”仅指省级`,
  },
  {
    re: /^(?:设区的市、自治州|设区的市|市（州）|市、州|市州|自治州)/,
    levels: ['prefecture'],
    rule: 'levels.prefecture',
    explanation: (t) => `“${t}”仅指设区的市、自治州一级`,
  },
  {
    re: /^(?:县（市、区）|县（市、区、林区）|县、市、区|县级|县)/,
    levels: ['county'],
    rule: 'levels.county',
    explanation: (t) => `“${t}”仅指县级（县、县级市、市辖区、林区）`,
  },
  {
    re: /^(?:乡（镇）|乡、镇|乡镇)/,
    levels: ['county'],
    rule: 'levels.township',
    explanation: (t) => `“${t}”为乡镇一级，行政层级中不单列，归入所属县级跟踪`,
  },
];

/**
 * `<list>(等)(有关|相关)(主管)部门(和(有关)单位)`: lazy, so the list stops at the first 部门.
 * 行政 stays in the list (水行政, 司法行政, 卫生健康行政 are normalised by the dictionary).
 */
const DEPARTMENT_TAIL =
  /^([^，。；：,;:]{0,160}?)(等)?(有关|相关)?(主管)?部门(和(?:有关|相关)?单位)?/;
/** Words that show the "list" is really a predicate (县级以上人民政府应当会同有关部门…). */
const NOT_A_DEPARTMENT_LIST =
  /应当|可以|必须|不得|鼓励|支持|引导|会同|建立|组织|负责|加强|推动|推进|按照|依法|依照|根据|在|对|将|把|为|的/;

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
  const listText = m[1];
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

function levelCue(phrase: LevelPhrase, text: string): Cue {
  return { field: 'levels', rule: phrase.rule, text, explanation: phrase.explanation(text) };
}

function defaultLevelCue(text: string): Cue {
  return {
    field: 'levels',
    rule: 'levels.default-county-and-above',
    text,
    explanation: `“${text}”未写明层级，按县级以上（省、市、县三级）处理，需人工确认`,
  };
}

function noDepartmentCue(text: string): Cue {
  return {
    field: 'departments',
    rule: 'departments.government-only',
    text,
    explanation: `主体为人民政府本身，未点名部门；牵头部门由人工指定（建议：市场监督管理）`,
  };
}

/**
 * A government actor at the start of `s`: a level phrase, 人民政府, then optionally 及其…部门
 * (government and its departments → government) or a department list …部门 (→ department).
 * Without 人民政府 a department list is required (省市场监督管理部门, 有关部门).
 */
export function matchGovernmentActor(
  s: string,
  kinds: readonly DepartmentKind[],
): ActorMatch | undefined {
  let pos = 0;
  let phrase: LevelPhrase | undefined;
  let phraseText = '';
  for (const p of LEVEL_PHRASES) {
    const m = p.re.exec(s);
    if (m) {
      phrase = p;
      phraseText = m[0];
      pos = m[0].length;
      break;
    }
  }
  const hasGovernment = s.startsWith('人民政府', pos);
  if (hasGovernment) pos += '人民政府'.length;
  const governmentText = s.slice(0, pos);
  const levels = phrase ? [...phrase.levels] : [...ALL_LEVELS];
  const levelsCue = phrase ? levelCue(phrase, phraseText || governmentText) : undefined;

  if (hasGovernment) {
    if (s.startsWith('及其', pos)) {
      const tail = matchDepartmentTail(s.slice(pos + 2), kinds);
      if (tail) {
        const text = s.slice(0, pos + 2 + tail.length);
        return {
          length: text.length,
          text,
          actorType: 'government',
          actorTypes: ['government'],
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
            levelsCue ?? defaultLevelCue(text),
            ...tail.cues,
          ],
        };
      }
    }
    const tail = matchDepartmentTail(s.slice(pos), kinds);
    if (tail) {
      const text = s.slice(0, pos + tail.length);
      return departmentActor(text, levels, levelsCue ?? defaultLevelCue(text), tail);
    }
    return {
      length: pos,
      text: governmentText,
      actorType: 'government',
      actorTypes: ['government'],
      levels,
      departments: [],
      unrecognisedDepartments: [],
      cues: [
        {
          field: 'actorType',
          rule: 'actorType.government',
          text: governmentText,
          explanation: `“${governmentText}”为人民政府（政府职责）`,
        },
        levelsCue ?? defaultLevelCue(governmentText),
        noDepartmentCue(governmentText),
      ],
    };
  }
  // No 人民政府: a department phrase is required, with or without a level (省市场监督管理部门).
  const tail = matchDepartmentTail(s.slice(pos), kinds);
  if (!tail) return undefined;
  // Without a level phrase the list must name a known department or be 有关/相关/主管部门.
  if (!phrase && tail.codes.length === 0 && tail.listText.length > 0) return undefined;
  const text = s.slice(0, pos + tail.length);
  return departmentActor(text, levels, levelsCue ?? defaultLevelCue(text), tail);
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
  /^(县级以上(?:地方)?(?:各级)?|省和设区的市、自治州|省|设区的市、自治州|县（市、区）|各级)?(?:人民代表大会常务委员会|人大常委会|人民代表大会|人大)/;

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
}

const INSTITUTION_MODIFIER =
  '(?:教育|科研|学术|计量|标准化|标准|认证|检验检测|检测|金融|保险|银行业|银行)';

/** Non-government parties. Longest match wins at each position. */
const PARTY_TERMS: PartyTerm[] = [
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
      '企业事业单位',
      '企业',
      '市场主体',
      '社会资本',
      '银行业金融机构',
      '金融机构',
      '保险机构',
      '生产经营者',
      '经营者',
      '生产者',
      '销售者',
    ],
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
      '学会',
      '产业联盟',
    ],
  },
  {
    type: 'third_party',
    rule: 'actorType.third-party',
    label: '计量、标准、认证、检验检测等第三方机构',
    terms: ['第三方机构', '检验检测机构', '认证机构', '计量技术机构', '专业技术机构'],
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
  enterprise: '企业等市场主体',
  association: '行业协会、社会团体等社会组织',
  third_party: '第三方机构',
  media: '媒体',
  public: '公民、法人和其他组织',
};

const PARTY_MODIFIER = /^(?:有条件的|符合条件的)/;
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
    if (!best) break;
    const type = best.term.classify ? best.term.classify(best.text) : best.term.type;
    if (!types.includes(type)) types.push(type);
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
export function matchSubjectActor(
  s: string,
  kinds: readonly DepartmentKind[],
): ActorMatch | undefined {
  return matchCongress(s) ?? matchGovernmentActor(s, kinds) ?? matchPartyList(s);
}

export function describeLevels(levels: readonly AdminLevel[]): string {
  return levelList(levels);
}

/** The regulation's general actor (第四条): used when an article names no actor at all. */
export function defaultGovernmentActor(kinds: readonly DepartmentKind[]): ActorMatch {
  const actor = matchGovernmentActor('县级以上人民政府', kinds);
  if (!actor) throw new Error('unreachable: default actor does not parse');
  return actor;
}
