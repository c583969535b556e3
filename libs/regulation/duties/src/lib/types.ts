/**
 * Public types of @duty/regulation/duties: rules-based, explainable extraction of duties (职责)
 * from Chinese regulation text. See README.md for the rules and the judgement calls behind them.
 */

/** Who must act. Only `government` and `department` are government (executive) duties. */
export type ActorType =
  | 'government'
  | 'department'
  | 'congress'
  | 'enterprise'
  | 'association'
  | 'third_party'
  | 'media'
  | 'public';

/** Administrative level a duty applies at: 省 / 设区的市、自治州 / 县、县级市、市辖区、林区. */
export type AdminLevel = 'province' | 'prefecture' | 'county';

/** 应当/必须 → mandatory; 鼓励/支持/引导 → encouraged; 可以 → discretionary; no modal → declarative. */
export type Modality = 'mandatory' | 'encouraged' | 'discretionary' | 'declarative';

/** The extracted fields a {@link Cue} can explain. */
export type CueField = 'actor' | 'actorType' | 'levels' | 'modality' | 'departments' | 'subject';

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
 * - `default`: no actor anywhere in the article; the regulation's general actor
 *   县级以上人民政府 (第四条) is assumed and must be confirmed by a reviewer.
 */
export type ActorSource = 'explicit' | 'encouraged-party' | 'previous' | 'lead-in' | 'default';

export interface ExtractedDuty {
  /** 1-based 款 number. */
  paragraph: number;
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
  /** Actor not stated in this sentence (source previous, lead-in or default). */
  inheritedActor: boolean;
  /** At least one cue per field: why each value was chosen. */
  cues: Cue[];
}

export interface ExtractOptions {
  /** Department dictionary; defaults to {@link DEPARTMENT_KINDS}. */
  departments?: readonly DepartmentKind[];
}
