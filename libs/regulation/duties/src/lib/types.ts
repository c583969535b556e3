/**
 * Public types of @duty/regulation/duties: rules-based, explainable extraction of duties (职责)
 * from Chinese regulation text. See README.md for the rules and the judgement calls behind them.
 */

/**
 * Who must act. Only `government` and `department` are government (executive) duties.
 * `judicial`: courts, procuratorates and supervisory organs; `none`: a statement without an
 * acting subject (definition, purpose, scope, effective date, liability).
 */
export type ActorType =
  | 'government'
  | 'department'
  | 'congress'
  | 'judicial'
  | 'enterprise'
  | 'association'
  | 'third_party'
  | 'media'
  | 'public'
  | 'none';

/**
 * Administrative level a duty applies at: 国家 (national bodies: 国务院, 国务院…部门, 国家…),
 * 省 / 设区的市、自治州 / 县、县级市、市辖区、林区. National duties are never tasks of local units.
 */
export type AdminLevel = 'national' | 'province' | 'prefecture' | 'county';

/** The three local levels at which a province's units work. */
export type LocalLevel = Exclude<AdminLevel, 'national'>;

/**
 * What a statement does. Only `implementation` statements of local governments and their
 * departments are tracked by default; the others stay visible in the register.
 */
export type DutyKind =
  | 'implementation'
  | 'enforcement'
  | 'prohibition'
  | 'definition'
  | 'purpose'
  | 'scope'
  | 'effective_date'
  | 'liability'
  | 'other';

/** The kind of legislative text, from its title and issuer (立法法 hierarchy). */
export type TextKind =
  | 'law'
  | 'administrative_regulation'
  | 'provincial_regulation'
  | 'municipal_regulation'
  | 'city_regulation'
  | 'departmental_rules'
  | 'local_government_rules'
  | 'unknown';

/**
 * Whose governments a text addresses, which decides how level words read:
 * - `national`: 国务院/国家 national; 省、自治区、直辖市 province; 设区的市 prefecture; 县 county;
 * - `province`: 省 province; 设区的市、自治州 (and 市 in 市、县) prefecture; 县（市、区） county;
 * - `municipality` (直辖市: 北京、天津、上海、重庆): 市 province; 区、县 county; no prefecture;
 * - `city` (设区的市): 市 prefecture; 县（市、区） county.
 */
export type JurisdictionTier = 'national' | 'province' | 'municipality' | 'city';

export interface TextContext {
  kind: TextKind;
  tier: JurisdictionTier;
  /** Why: the words of the title or front matter that decided kind and tier. */
  evidence: string;
  /** Chinese explanation, e.g. `标题“中华人民共和国产品质量法”：全国人大常委会制定的法律`. */
  explanation: string;
}

/** 应当/必须 → mandatory; 鼓励/支持/引导 → encouraged; 可以 → discretionary; no modal → declarative. */
export type Modality = 'mandatory' | 'encouraged' | 'discretionary' | 'declarative';

/** The extracted fields a {@link Cue} can explain. */
export type CueField =
  'actor' | 'actorType' | 'levels' | 'modality' | 'departments' | 'subject' | 'kind' | 'tracked';

/** Why a field got its value: the rule that fired and the source text it matched. */
export interface Cue {
  field: CueField;
  /** Stable rule id, e.g. `levels.county-and-above`. */
  rule: string;
  /** The matched source text (whitespace removed). */
  text: string;
  /** Chinese explanation for reviewers, e.g. `“县级以上”表示省、市、县三级`. */
  explanation: string;
}

/** A kind of government department, e.g. 市场监督管理, with the other names it goes by. */
export interface DepartmentKind {
  /** Stable code, e.g. `market_regulation`. */
  code: string;
  /** Canonical Chinese name without 部门/厅/局, e.g. `市场监督管理`. */
  name: string;
  /** Other names of the same kind, e.g. 水利 for 水行政. */
  aliases: string[];
}

/** The minimal article shape the extractor needs (compatible with the parser's output). */
export interface ArticleInput {
  number: number;
  paragraphs: Array<{
    number: number;
    /** The paragraph text (款); a leading `第N条【标题】` heading is tolerated and skipped. */
    text: string;
    /** Items (项); a leading marker such as `（一）` / `(一)` / `1.` is tolerated and skipped. */
    items: Array<{ number: number; text: string }>;
  }>;
}

/**
 * Where the actor came from.
 * - `explicit`: stated at the start of the sentence/clause (the grammatical subject).
 * - `encouraged-party`: the party named after 鼓励 (鼓励企业… → 企业).
 * - `previous`: not stated; carried from the last stated subject earlier in the same article.
 * - `lead-in`: an item (项) carrying the actor of its paragraph's lead-in (…以下活动：).
 * - `inferred`: no actor in the article; taken from this text's own allocation clause (its
 *   general-responsibility article, or for sanctions the article naming the enforcing
 *   department); the cue names that article and the duty needs a reviewer's confirmation.
 * - `none`: the statement has no acting subject (definition, purpose, scope, liability…).
 */
export type ActorSource =
  'explicit' | 'encouraged-party' | 'previous' | 'lead-in' | 'inferred' | 'none';

export interface ExtractedDuty {
  /** 1-based 款 number. */
  paragraph: number;
  /** What the statement does; only `implementation` duties are tracked by default. */
  kind: DutyKind;
  /** 1-based 项 number, or null when the duty is in the paragraph text. */
  item: number | null;
  /** 1-based order of the duty within its paragraph (item null) or item. */
  sequence: number;
  /** Exact substring of the paragraph/item text the duty is stated in (a sentence or clause). */
  text: string;
  /** Offset of {@link text} in the paragraph/item text. */
  offset: number;
  /** e.g. `县级以上人民政府发展改革…等有关部门`; for an inherited actor, the text it inherits. */
  actorText: string;
  actorType: ActorType;
  /** Every actor type named in the actor phrase, in text order (鼓励社会团体、企业… → association, enterprise). */
  actorTypes: ActorType[];
  actorSource: ActorSource;
  /** Sorted province, prefecture, county; empty for non-government actors. */
  levels: AdminLevel[];
  modality: Modality;
  /** DepartmentKind codes named in the actor phrase, in text order, deduplicated. */
  departments: string[];
  /** Departments the actor must act together with (会同/配合 X 部门), not leading. */
  assistingDepartments: string[];
  /** Department names in the actor phrase not found in the dictionary (reviewer must map them). */
  unrecognisedDepartments: string[];
  /**
   * Suggested lead department for a government duty (a reviewer confirms or changes it): the only
   * named department; else the coordinating department (DEFAULT_LEAD_DEPARTMENT_CODE) when it is
   * named or when no department is named; else the first named. Null for non-government duties.
   */
  suggestedLeadDepartment: string | null;
  /** What must be done: the clause after actor and modal verb, trimmed of trailing punctuation. */
  subject: string;
  /** True only for actorType government | department. */
  governmentDuty: boolean;
  /**
   * Suggested for tracking: an implementation duty of a government or department, mandatory or
   * declarative, at a level the deployment's units work at (never national only).
   */
  trackedByDefault: boolean;
  /** Actor not stated in this sentence (source previous, lead-in or inferred). */
  inheritedActor: boolean;
  /** The actor was inferred from another article: a reviewer must confirm it. */
  needsReview: boolean;
  /** At least one cue per field: why each value was chosen. */
  cues: Cue[];
}

export interface ExtractOptions {
  /** Department dictionary; defaults to {@link DEPARTMENT_KINDS}. */
  departments?: readonly DepartmentKind[];
  /** Kind and tier of the text; defaults to a provincial regulation. */
  context?: TextContext;
  /** The levels the deployment's units work at; defaults to province, prefecture and county. */
  deploymentLevels?: readonly LocalLevel[];
  /** Title of the article's chapter: 法律责任/罚则 chapters hold enforcement statements. */
  chapterTitle?: string;
  /** The article is in the general chapter (总则), where the general allocation applies. */
  generalChapter?: boolean;
  /**
   * The regulation's coordinating department (a DepartmentKind code), set by whoever imports a
   * text that names no competent department (the Hubei draft: 市场监督管理): suggested as lead
   * where the text names none, and among several named. Without it and without a competent-
   * department clause in the text, no lead is suggested.
   */
  coordinatingDepartment?: string;
  /** The text's own allocation clauses, found by {@link findAllocations}. */
  allocations?: Allocations;
}

/** A subject named by one of the text's allocation clauses, for statements that name none. */
export interface AllocatedActor {
  /** The actor phrase as written, e.g. `县级以上地方市场监督管理部门`. */
  actorText: string;
  article: number;
  paragraph: number;
  /** The clause it was found in (whitespace removed). */
  clause: string;
  /**
   * Every level the article allocates this kind of work to (市人民政府… ；区、县人民政府… → province
   * and county), when it names more levels than the first clause.
   */
  levels?: AdminLevel[];
}

export interface Allocations {
  /** The general-responsibility clause's government or department (总则: …负责/主管…). */
  general?: AllocatedActor;
  /** The competent department (…部门主管本行政区域内的…工作): the lead where none is named. */
  competent?: AllocatedActor;
  /** The department the text names as the one that decides its sanctions. */
  enforcement?: AllocatedActor;
  /**
   * National texts only: the department kinds the text names with a local level word somewhere
   * (县级以上地方人民政府农业农村主管部门, 省、自治区、直辖市人民政府…部门), and whether it names
   * local 有关部门 so. A department written without a level word is local only if the text gives
   * its kind local work; otherwise it is the national department (国务院…部门).
   */
  localDepartments?: string[];
  localUnnamedDepartments?: boolean;
}
