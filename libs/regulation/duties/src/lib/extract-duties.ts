/**
 * Rules-based, explainable extraction of statements (职责与其他条款) from one article (条). The
 * rules and the judgement calls behind them are documented in README.md; every field of every
 * statement carries at least one {@link Cue} naming the rule that chose it.
 */
import {
  type ActorMatch,
  ALL_LEVELS,
  classifySubjectPhrase,
  defaultLevels,
  describeLevels,
  leadingParty,
  organActor,
  matchDepartmentTail,
  matchGovernmentActor,
  matchPartyList,
  isOrganType,
  joinActors,
  matchSubjectActor,
} from './actors';
import { DEFAULT_TEXT_CONTEXT } from './context';
import { DEPARTMENT_KINDS } from './departments';
import { type ModalMatch, findModal, matchModal, modalCue, withoutModal } from './modality';
import {
  type KindMatch,
  afterConditions,
  consequenceKind,
  formulaKind,
  implementationCue,
  isPenaltyChapter,
  principleKind,
  prohibitionCue,
} from './statement-kind';
import {
  type CompactText,
  type Unit,
  compactText,
  displaySlice,
  headingLength,
  itemMarkerLength,
  sourceSlice,
  splitUnits,
  tidy,
  trimPunctuation,
} from './text';
import type {
  ActorSource,
  ActorType,
  AdminLevel,
  AllocatedActor,
  Allocations,
  ArticleInput,
  Cue,
  DepartmentKind,
  DutyKind,
  ExtractOptions,
  ExtractedDuty,
  JurisdictionTier,
  LocalLevel,
  Modality,
} from './types';

/** A sentence or clause that states nothing at all (an actor with no predicate), and why. */
export interface SkippedText {
  paragraph: number;
  item: number | null;
  text: string;
  rule: string;
  explanation: string;
}

export interface ArticleAnalysis {
  duties: ExtractedDuty[];
  skipped: SkippedText[];
}

/** The last clause of a lead-in that only introduces the items (推动开展以下质量促进活动：). */
const INTRODUCER = /以下|下列|如下/;
const ASSISTING = /^(?:会同|配合|协同|联合|组织(?:、协调|和协调|协调)?)/;
const ENCOURAGING_RULES = new Set(['modality.encourage', 'modality.support', 'modality.guide']);
/** Modal verbs that bind (or empower) the subject; 鼓励/支持/引导 do not. */
const STRONG_MODAL = /应当|必须|不得|禁止|严禁|可以|有权|负责(?!人)/;
/** Leading adverbials and conditions before a subject (在……中，对……，……的，). */
const LEADING =
  /^(?:[^，；。]{1,80}?的|[^，；。]{1,40}?(?:时|后|前|期间|以后|以前)|(?:根据|按照|依照|依据|为了|围绕|结合|针对|对于|对(?!外)|在|除|经(?!营|济)|自(?!然|愿|主|律|行)|从(?!事)|凡)[^，；。]{0,80}?)[，,]/;
const PROHIBITION_RULE = 'modality.shall-not';
const DEFAULT_DEPLOYMENT: readonly LocalLevel[] = ['province', 'prefecture', 'county'];

const NO_ACTOR: ActorMatch = {
  length: 0,
  text: '',
  actorType: 'none',
  actorTypes: [],
  levels: [],
  departments: [],
  unrecognisedDepartments: [],
  cues: [],
};

interface LeadIn {
  actor: ActorMatch;
  source: ActorSource;
  modality: Modality;
  modalText: string;
  kind?: KindMatch;
  inferredFrom?: AllocatedActor;
}

interface Context {
  kinds: readonly DepartmentKind[];
  /** The regulation's coordinating department, set at import when the text names none. */
  coordinating?: string;
  tier: JurisdictionTier;
  penalty: boolean;
  general: boolean;
  allocations: Allocations;
  /** Last stated subject in the article (鼓励 parties are objects, not subjects). */
  carried?: ActorMatch;
  /** Governing modal of the current sentence, inherited by its ；-clauses. */
  sentenceModal?: { sentence: number; modal: ModalMatch };
  /** The organ an application is addressed to (向省级……部门提出申请), for 受理申请的部门 after it. */
  recipient?: { sentence: number; actor: ActorMatch };
  /** The party that applies earlier in the paragraph (被检验方……申请复检), for 申请人 after it. */
  applicant?: ActorMatch;
  /** For items: the lead-in's actor, modality and (when not implementation) kind. */
  leadIn?: LeadIn;
}

interface UnitResult {
  /** A subjectless statement that starts with its verb (对……给予奖励): the government's own act. */
  passive?: boolean;
  kind: KindMatch;
  actor: ActorMatch;
  source: ActorSource;
  inferredFrom?: AllocatedActor;
  modality: Modality;
  modalityCue: Cue;
  subject: string;
  subjectCue: Cue;
  modal?: ModalMatch;
}

type Analysed =
  { kind: 'duty'; result: UnitResult } | { kind: 'skip'; rule: string; explanation: string };

function actorCue(source: ActorSource, actor: ActorMatch, from?: AllocatedActor): Cue {
  const text = actor.text;
  switch (source) {
    case 'explicit':
      return {
        field: 'actor',
        rule: 'actor.explicit',
        text,
        explanation: `主语“${text}”为行为主体`,
      };
    case 'encouraged-party':
      return {
        field: 'actor',
        rule: 'actor.encouraged-party',
        text,
        explanation: `“鼓励（支持、引导）${text}……”：被鼓励从事该行为的“${text}”为主体`,
      };
    case 'previous':
      return {
        field: 'actor',
        rule: 'actor.inherited-previous',
        text,
        explanation: `本句未写主语，沿用本条前文主语“${text}”`,
      };
    case 'lead-in':
      return {
        field: 'actor',
        rule: 'actor.inherited-lead-in',
        text,
        explanation: `本项沿用所在款引导语的主语“${text}”`,
      };
    case 'inferred':
      return from
        ? {
            field: 'actor',
            rule: 'actor.inferred-allocation',
            text: from.clause,
            explanation: `本条未写明主体；依本文本第${from.article}条第${from.paragraph}款“${from.clause}”推定为“${text}”，需人工确认`,
          }
        : {
            field: 'actor',
            rule: 'actor.inferred-addressed',
            text,
            explanation: `本条未写明主体，本文本也没有总则性的职责分工条款；按文本所指的各级人民政府推定为“${text}”，需人工确认`,
          };
    case 'none':
      return {
        field: 'actor',
        rule: 'actor.none',
        text: '',
        explanation: '本句不设定行为主体（定义、目的、适用范围、施行日期或法律责任等）',
      };
  }
}

function declarativeCue(text: string): Cue {
  return {
    field: 'modality',
    rule: 'modality.no-modal-verb',
    text,
    explanation:
      '无“应当/必须/负责/可以/有权/鼓励/支持/引导”等情态或支配动词，为宣示性规定（一般按强制性职责跟踪）',
  };
}

function subjectCue(rule: string, text: string, explanation: string): Cue {
  return { field: 'subject', rule, text, explanation };
}

/** A government actor standing for the text's addressed governments, when nothing else is known. */
function addressedGovernment(ctx: Context): ActorMatch {
  const levels = defaultLevels(ctx.tier);
  const text = ctx.tier === 'national' ? '县级以上地方人民政府' : '各级人民政府';
  return organActor(
    'government',
    text,
    levels,
    [
      {
        field: 'actorType',
        rule: 'actorType.government',
        text,
        explanation: `推定主体“${text}”为人民政府（政府职责）`,
      },
      {
        field: 'levels',
        rule: 'levels.addressed',
        text,
        explanation: `本文本所指的各级：${describeLevels(levels)}`,
      },
    ],
    0,
  );
}

function allocatedActor(
  ctx: Context,
  from: AllocatedActor | undefined,
): { actor: ActorMatch; from?: AllocatedActor } {
  if (from) {
    const actor = matchGovernmentActor(from.actorText, ctx.kinds, ctx.tier);
    if (actor) return { actor: from.levels ? { ...actor, levels: [...from.levels] } : actor, from };
  }
  return { actor: addressedGovernment(ctx) };
}

/** 地方标准、团体标准和企业标准（的技术要求）: standards as the subject, each kind by its maker. */
const STANDARD_SUBJECT =
  /^(?:制定)?(?:(?:地方|团体|企业)标准(?:化指导性技术文件)?(?:、|和|及|以及|与)?)+(?:的[^，；。]{0,12})?$/;

/**
 * Who a duty about standards binds: the makers the kinds name (标准化法: 地方标准 by the
 * government's standardisation department, 团体标准 by 学会、协会、商会等社会团体, 企业标准 by
 * the enterprise). Only for a list that names a non-government kind; 地方标准 alone is the
 * department's as before.
 */
function standardMakers(phrase: string, ctx: Context): ActorMatch | undefined {
  if (!STANDARD_SUBJECT.test(phrase) || !/(?:团体|企业)标准/.test(phrase)) return undefined;
  const parts: ActorMatch[] = [];
  if (/地方标准/.test(phrase)) {
    const organ =
      ctx.carried && isOrganType(ctx.carried.actorType)
        ? ctx.carried
        : allocatedActor(ctx, ctx.allocations.competent ?? ctx.allocations.general).actor;
    parts.push(organ);
  }
  if (/团体标准/.test(phrase)) parts.push(matchPartyList('社会团体')!);
  if (/企业标准/.test(phrase)) parts.push(matchPartyList('企业')!);
  const joined = parts.slice(1).reduce((acc, next) => joinActors(acc, next, phrase), parts[0]);
  return {
    ...joined,
    cues: [
      ...joined.cues,
      {
        field: 'actorType',
        rule: 'actorType.standard-makers',
        text: phrase,
        explanation: `“${phrase}”：标准由其制定者负责（地方标准——标准化行政主管部门，团体标准——社会团体，企业标准——企业）`,
      },
    ],
  };
}

/** 市国民经济和社会发展规划应当……: a government's plan or budget as the subject. */
const PLAN_SUBJECT =
  /^([^，；。]{0,12}?)(?:人民政府)?(?:的)?(?:国民经济和社会发展(?:规划|计划)(?:纲要)?|国民经济和社会发展|财政预算|本级预算)$/;

/**
 * The government whose plan or budget the subject is (its level as written; the text's area
 * when none is): a plan is made and carried out by the people's government (宪法第八十九条、第一百
 * 零七条), so the duty is that government's, not an inferred one.
 */
function planMaker(phrase: string, ctx: Context): ActorMatch | undefined {
  const m = PLAN_SUBJECT.exec(phrase);
  if (!m) return undefined;
  const level = m[1].replace(/^本(?=[省市])/, '');
  const government = level
    ? matchGovernmentActor(`${level}人民政府`, ctx.kinds, ctx.tier)
    : addressedGovernment(ctx);
  if (!government || government.actorType !== 'government') return undefined;
  return {
    ...government,
    cues: [
      ...government.cues,
      {
        field: 'actorType',
        rule: 'actorType.plan-maker',
        text: phrase,
        explanation: `“${phrase}”由${government.text}编制和实施：为其职责`,
      },
    ],
  };
}

/** The party after 鼓励/支持/引导 (鼓励企业… → 企业), when it is not a government. */
function encouragedParty(s: string, modal: ModalMatch): ActorMatch | undefined {
  if (
    !ENCOURAGING_RULES.has(modal.rule) &&
    modal.rule !== 'modality.advocate' &&
    modal.rule !== 'modality.permit'
  ) {
    return undefined;
  }
  const partyAt = modal.offset + modal.length;
  return (
    matchPartyList(s.slice(partyAt)) ??
    leadingParty(s.slice(partyAt).replace(/^(?:符合条件的|有条件的)/, ''))
  );
}

/** An item that only names a thing reported or published (……建设情况, ……的名单). */
const NOUN_ITEM = /(?:情况|内容|信息|事项|名单|名录|目录|清单|结果|数据)$/;

/** A list of kinds of standard (团体标准、企业标准), as written before 的 or a verb. */
const STANDARD_LIST = /^(?:(?:地方|团体|企业)标准(?:化指导性技术文件)?[、和及与]?)+/;

/**
 * 鼓励团体标准、企业标准……公开: standards encouraged to do something stand for their makers
 * (see {@link standardMakers}).
 */
function encouragedStandards(s: string, modal: ModalMatch, ctx: Context): ActorMatch | undefined {
  if (!ENCOURAGING_RULES.has(modal.rule)) return undefined;
  const at = modal.offset + modal.length;
  const list = STANDARD_LIST.exec(s.slice(at));
  if (!list || s.startsWith('的', at + list[0].length)) return undefined;
  const phrase = list[0].replace(/[、和及与]$/, '');
  const makers = standardMakers(phrase, ctx);
  return makers ? { ...makers, length: phrase.length, text: phrase } : undefined;
}

/** 由 + a noun phrase + its verb (费用由申请者承担; 检验由具备资质的检验机构进行). */
const AGENT_PHRASE =
  /^([^，；。]{1,24}?)(?:统一|依法|(?:按照|依照|根据)[^，；。]{1,30}?(?:规定|要求|标准|约定|办法)|按照|负责)?(?:承担|负担|支付|预付|提供|负责|进行|实施|组织|办理|出具|审定|鉴定|核准|批准|决定)/;

/**
 * Making, numbering, reviewing or interpreting 地方标准, or what their text must contain (not
 * 地方标准化技术委员会, and not applying them or turning other standards into them).
 */
const LOCAL_STANDARD =
  /(?:制定|起草|立项|编号|审查|审定|批准|发布|备案|复审|修订|修改|废止|解释)[^，；。]{0,12}?地方标准(?!化)|地方标准(?!化)[^，；。]{0,12}?(?:的)?(?:制定|起草|立项|编号|审查|审定|批准|发布|备案|复审|修订|废止|解释|技术要求|技术审查)|^地方标准(?!化)[^，；。]{0,20}(?:应当|不得)/;

/** What an agent does with a rule or a matter (制定, 规定, 负责……): the verb after 由 + agent. */
const AGENT_VERB =
  /^(?:会同[^，；。]{1,30}?)?(?:根据[^，；。]{1,30}?)?(?:统一|依法|另行)?(?:制定|规定|确定|组织|负责|审核|发放|核发|批准|决定|实施|办理)/;

/** 由 + a government actor (由省产品质量监督部门统一协调): the agent of a passive statement. */
function agentOf(
  s: string,
  ctx: Context,
): { actor: ActorMatch; at: number; end: number } | undefined {
  for (let i = s.indexOf('由'); i >= 0; i = s.indexOf('由', i + 1)) {
    if (i > 0 && /[理于自经缘事]/.test(s[i - 1])) continue;
    if (/^由于/.test(s.slice(i))) continue;
    const actor =
      matchSubjectActor(s.slice(i + 1), ctx.kinds, ctx.tier) ??
      (() => {
        // 费用由申请者承担: a party named only by its head noun.
        const m = AGENT_PHRASE.exec(s.slice(i + 1));
        const party = m ? (classifySubjectPhrase(m[1]) ?? organPhrase(m[1], ctx)) : undefined;
        return party ? { ...party, length: m![1].length } : undefined;
      })();
    if (actor) return { actor, at: i, end: i + 1 + actor.length };
  }
  return undefined;
}

/** Verbs a subjectless government statement starts with (对……给予奖励, 实行……制度). */
const ACTION_START =
  /^(?:给予|予以|实行|实施|建立|健全|完善|组织|开展|加强|推进|推动|促进|支持|鼓励|引导|扶持|制定|设立|采取|保障|落实|发布|公布|编制|依法|按照|依照|会同|负责|统筹|协调|培育|保护|推广|发展|提高|提升|强化|优化|加大|加快|构建|打造|深化|规范|指导|督促|监督|检查|纳入|将|把|对|由|向|每|定期|及时|逐步|积极|大力|进一步)/;
/** 「……实行……制度」: a system statement, the government's own act, not a fact. */
const SYSTEM_VERB = /实行|建立|实施|开展|组织|推行|设立|制定|采取|给予|提供|编制|发布/;
/**
 * A system set up by nobody named (口岸收费实行目录清单公示制度; 样品，依法无偿抽取): the
 * government's own act in passive form.
 */
function passiveInside(s: string): boolean {
  if (/(?:实行|建立|实施|推行|健全)[^，；。]{0,40}(?:制度|机制|体系)/.test(s)) return true;
  return s
    .split(/[，,]/)
    .slice(1)
    .some((part) => /^(?:依法|由|予以|给予|实行|实施)/.test(part));
}

/** Predicates of a statement about a state of affairs (视为无异议, 不影响……, ……的除外). */
const STATE_OF_AFFAIRS =
  /视为|不影响|丧失|计算|除外|不受|有效|无效|为准|^[^，；。]{2,80}?的[，,]|^[^，；。]{2,40}(?:为|是|属于)/;

/**
 * A rule of computation, precedence or exemption (按照……价格计算; ……为准; ……不受前款规定限制),
 * not anyone's duty.
 */
const RULE_OF_COMPUTATION =
  /(?:计算|为准|视为[^，；。]{0,12}|的除外|不受[^，；。]{0,20}限制|不适用[^，；。]{0,20}规定)$/;

/** Words of a product requirement: it binds whoever produces or sells the product. */
const PRODUCT =
  /(?:产品|商品|标识|包装|标签|说明书|质量|种畜禽|饲料|兽药|食品|产品、服务|产品和服务)$/;
/** 「……应当符合……标准」: a conformity requirement binds whoever produces or provides the thing. */
const CONFORMITY = /^(?:符合|达到|具备|满足|经[^，；。]{0,20}(?:检验|检疫|检测)合格)/;
const OFFICIAL_ACT =
  /抽查|检验|检查|监督|样品|许可|证书|证明|登记|审批|批准|公告|名录|规划|计划|经费|资金/;
/**
 * Acts only a public authority performs (监督抽查, 行政执法检查, 行政强制措施, 设定证明事项) or
 * the party on their receiving end (被检查人, 被检验方). A clause about them that names no
 * subject (监督抽查工作应当……; 不得向被检验人收取检验费用) binds the authority that acts, not
 * everyone: the drafting leaves the organ implicit because only it can do the act.
 */
const OFFICIAL_ACT_CONTEXT =
  /监督抽查|监督检查|抽查检验|执法检查|行政执法|行政检查|行政强制|行政许可|行政审批|证明事项|被(?:检查|检验|抽查|抽检|抽样|抽取样品)(?:人|者|方|单位|企业)|制定地方标准|地方标准的(?:制定|起草|立项|编号|技术审查)|(?:许可证|证书|执照)应当(?:注明|载明)/;

/**
 * 所需费用列入省级人民政府财政预算; 所需检验费用由省财政统一列支: funding charged to a budget is
 * the finance department's duty at the level named (the text's own levels when none is).
 */
const BUDGET =
  /(?:费用|经费|资金)[^，；。]{0,12}?(?:由([^，；。]{0,16}?)财政[^，；。]{0,16}?(?:列支|安排|保障)|列入([^，；。]{0,16}?)(?:财政)?预算)/;

/**
 * A thing standing as the grammatical subject: a phrase before the modal verb that names no
 * actor (产品质量应当检验合格). A product requirement binds producers and sellers; a subject
 * with no modal verb and no action (诉讼时效期间为二年) is a statement of fact.
 */
function thingSubject(
  s: string,
): { kind: 'product' | 'fact' | 'other'; phrase: string } | undefined {
  const start = subjectStart(s);
  const rest = s.slice(start);
  const modal = findModal(rest);
  // 对……的产品，必须……标明……，方可出厂或者销售 (convention 49): a product named as the topic of
  // a subjectless requirement on its marking or sale binds whoever produces or sells it.
  const topic = /^对([^，；。]{2,80}?)[，,]/.exec(s);
  const required = topic ? s.slice(topic[0].length) : '';
  if (
    topic &&
    matchModal(required)?.offset === 0 &&
    PRODUCT.test(topic[1]) &&
    !OFFICIAL_ACT_CONTEXT.test(s) &&
    /标明|标注|注明|附有|出厂|销售|包装/.test(required) &&
    !OFFICIAL_ACT.test(required.slice(0, 12))
  ) {
    return { kind: 'product', phrase: topic[1] };
  }
  if (modal && modal.offset > 0) {
    const phrase = rest.slice(0, modal.offset).replace(/[，,]$/, '');
    if (phrase.length === 0 || /^(?:并|也|还|均|都|亦|一律)$/.test(phrase)) return undefined;
    const predicate = rest.slice(modal.offset + (modal.strip ? modal.length : 0));
    if (!OFFICIAL_ACT.test(phrase) && (PRODUCT.test(phrase) || CONFORMITY.test(predicate))) {
      return { kind: 'product', phrase };
    }
    return { kind: 'other', phrase };
  }
  if (
    !modal &&
    !ACTION_START.test(rest) &&
    /^[^，；。]{2,30}?(?:为|是|以|按|属于|不超过|不少于|自(?!治))/.test(rest)
  ) {
    const phrase =
      /^[^，；。]{2,30}?(?=为|是|以|按|属于|不超过|不少于|自(?!治))/.exec(rest)?.[0] ??
      rest.slice(0, 10);
    if (SYSTEM_VERB.test(phrase) || SYSTEM_STATEMENT.test(s)) return undefined;
    return { kind: 'fact', phrase };
  }
  return undefined;
}

/** Activities whose doer a condition names (从境外引进……的，应当……: whoever imports). */
const ACTIVITY =
  /^(?:从事|从境外|向境外|引进|进口|出口|生产|销售|经营|养殖|屠宰|运输|收购|使用|申请|设立|开办|举办|开发|研制|培育|输出|转让|承揽|承接|取得|持有|携带|邮寄|饲养|销售、|利用)/;
const BUSINESS = /生产|销售|经营|养殖|屠宰|运输|收购|饲养|进口|出口|开办|承揽/;
/** 遵守……法律法规 / 执行 (a standard, a rule): compliance, owed by whoever acts. */
const COMPLIANCE =
  /^(?:严格)?(?:遵守|执行)(?:$|[^，；。]{0,40}(?:法律|法规|规定|规范|标准|制度|章程|准则)|[，；。])/;
const APPLICATION = /^申请(?:取得|领取|办理)?[^，；。]{0,60}(?:许可证|证书|资质|资格|登记|执照)$/;
const PRIVATE_ACTIVITY = /^(?:从事|从境外|向境外|申请|生产|销售|经营|养殖|屠宰|进口|出口)/;

/**
 * 生产者获知……的，应当……; 被检查人对……有异议的，可以……: a party that opens the condition of a
 * main clause with no subject of its own is who acts, whatever subject came before.
 */
function namedConditionParty(
  s: string,
  modal: ModalMatch | undefined,
  ctx: Context,
): ActorMatch | undefined {
  if (!modal) return undefined;
  const m = /^((?:[^，；。]{1,40}?(?:后|时|前|期间)[，,])?)([^，；。]{2,80}?)的[，,]/.exec(s);
  if (!m || modal.offset !== m[0].length) return undefined;
  const clause = m[2];
  const party = matchSubjectActor(clause, ctx.kinds, ctx.tier) ?? leadingParty(clause);
  if (!party || party.actorType === 'none' || party.length >= clause.length) return undefined;
  // 生产者的产品……的: the party only modifies the thing the condition is about.
  if (/^(?:的|[、和及与])/.test(clause.slice(party.length))) return undefined;
  return {
    ...party,
    cues: [
      ...party.cues,
      {
        field: 'actorType',
        rule: 'actorType.condition-opener',
        text: party.text,
        explanation: `条件“${clause}的”由“${party.text}”开头，其后的分句未写主语：由其承担`,
      },
    ],
  };
}

/**
 * 「从事……的，应当……」 with no subject: the nominalised condition names who must act (whoever
 * does that). Not when the article has already named a subject this clause continues.
 */
function conditionParty(
  s: string,
  modal: ModalMatch | undefined,
  ctx: Context,
): ActorMatch | undefined {
  if (!modal) return undefined;
  const m = /^([^，；。]{2,80}?)的?[，,](?:还|也|并|均|同时)?/.exec(s);
  if (!m || !ACTIVITY.test(m[1])) return undefined;
  // 申请取得……许可证，除应当……外，还应当……: an application names the applicant whatever stands
  // between it and the modal verb.
  if (modal.offset !== m[0].length && !APPLICATION.test(m[1])) return undefined;
  // A subject the article already named continues, unless the condition names an activity of
  // private parties (申请取得……的, 向境外输出……的, 从事……经营的): then its doer is the subject.
  if (ctx.carried && !PRIVATE_ACTIVITY.test(m[1])) return undefined;
  const type = BUSINESS.test(m[1]) ? 'enterprise' : 'public';
  const text = `${m[1]}的`;
  return {
    length: 0,
    text,
    actorType: type,
    actorTypes: [type],
    levels: [],
    departments: [],
    unrecognisedDepartments: [],
    cues: [
      {
        field: 'actorType',
        rule: 'actorType.condition-party',
        text,
        explanation: `“${text}”指从事该活动的${type === 'enterprise' ? '生产经营者（市场主体）' : '单位和个人'}，为本句的行为主体（非政府主体）`,
      },
    ],
  };
}

function productParties(phrase: string): ActorMatch {
  const text = '生产者、销售者';
  return {
    length: 0,
    text,
    actorType: 'enterprise',
    actorTypes: ['enterprise'],
    levels: [],
    departments: [],
    unrecognisedDepartments: [],
    cues: [
      {
        field: 'actorType',
        rule: 'actorType.product-requirement',
        text: phrase,
        explanation: `“${phrase}”是对产品的要求，约束其生产者、销售者（非政府主体）`,
      },
    ],
  };
}

/** 采取查封、扣押措施的机关: an organ described by what it did, a government department. */
function organPhrase(phrase: string, ctx: Context): ActorMatch | undefined {
  if (!/(?:部门|机关)$/.test(phrase) || phrase.length > 40 || /[，。；]/.test(phrase))
    return undefined;
  const levels = defaultLevels(ctx.tier);
  const organ = organActor('department', phrase, levels, [
    {
      field: 'actorType',
      rule: 'actorType.described-organ',
      text: phrase,
      explanation: `主语“${phrase}”指作出该行为的行政机关（政府部门职责）`,
    },
    {
      field: 'levels',
      rule: 'levels.unstated',
      text: phrase,
      explanation: `未写明层级，按本文本所指的各级（${describeLevels(levels)}）处理，需人工确认`,
    },
  ]);
  // 项目审批部门, 查封、扣押部门: a function's name without a relative clause names no kind.
  return /的|机关$/.test(phrase) ? withCompetentDepartment(organ, phrase, ctx) : organ;
}

/**
 * 采取查封、扣押措施的机关, 受理复检的机关, 送检机关: an organ named by what it does, with no
 * department of its own, is the text's competent department (the reviewer confirms).
 */
function withCompetentDepartment(organ: ActorMatch, phrase: string, ctx: Context): ActorMatch {
  const competent = ctx.allocations.competent
    ? matchGovernmentActor(ctx.allocations.competent.actorText, ctx.kinds, ctx.tier)
    : undefined;
  if (
    organ.departments.length > 0 ||
    organ.unrecognisedDepartments.length > 0 ||
    !competent ||
    competent.departments.length === 0 ||
    /有关|相关|其他|各/.test(phrase)
  ) {
    return organ;
  }
  return {
    ...organ,
    departments: [...competent.departments],
    cues: [
      ...organ.cues.filter((c) => c.field !== 'departments'),
      {
        field: 'departments',
        rule: 'departments.described-organ',
        text: phrase,
        explanation: `“${phrase}”未点名部门，指本文本的主管部门（${ctx.allocations.competent!.actorText}），需人工确认`,
      },
    ],
  };
}

/**
 * 受理申请的畜牧兽医行政主管部门经审核……, 接受申诉的部门应当……: an organ described by a relative
 * clause; the actor's length covers the relative clause.
 */
function describedOrgan(s: string, ctx: Context): ActorMatch | undefined {
  const described = /^[^，；。]{1,20}?的(?=[^，；。的]{0,40}?(?:部门|机关))/.exec(s);
  // 设区的市 is a level word, not a relative clause (由省或者设区的市人民政府……部门).
  if (!described || /设区的$/.test(described[0])) return undefined;
  const rest = s.slice(described[0].length);
  const organ =
    matchGovernmentActor(rest, ctx.kinds, ctx.tier) ??
    (/^(?:部门|机关)/.test(rest)
      ? organPhrase(`${described[0]}${rest.slice(0, 2)}`, ctx)
      : undefined);
  if (!organ || organ.actorType !== 'department') return undefined;
  const length = organ.text.startsWith(described[0])
    ? organ.length
    : described[0].length + organ.length;
  return withCompetentDepartment(
    { ...organ, length, text: s.slice(0, length) },
    s.slice(0, length),
    ctx,
  );
}

/** Skip leading adverbials and conditions; the position where a subject may start. */
function subjectStart(s: string): number {
  let pos = 0;
  for (let n = 0; n < 3; n += 1) {
    const m = LEADING.exec(s.slice(pos));
    if (!m) break;
    pos += m[0].length;
  }
  return pos;
}

function statementKind(
  ctx: Context,
  rest: string,
  modal: ModalMatch | undefined,
  whole: string,
): KindMatch {
  const { predicate } = afterConditions(rest);
  const consequence =
    consequenceKind(predicate, ctx.penalty, whole) ??
    (modal
      ? consequenceKind(rest.slice(modal.offset + (modal.strip ? modal.length : 0)), false)
      : undefined);
  if (consequence) return consequence;
  if (modal?.rule === PROHIBITION_RULE)
    return { kind: 'prohibition', cue: prohibitionCue(modal.text) };
  const principle = principleKind(modal?.strip ? withoutModal(rest, modal) : rest);
  if (principle) return principle;
  return { kind: 'implementation', cue: implementationCue(trimPunctuation(rest).slice(0, 40)) };
}

function noActorResult(kind: KindMatch, s: string): UnitResult {
  const subject = trimPunctuation(s);
  return {
    kind,
    actor: NO_ACTOR,
    source: 'none',
    modality: 'declarative',
    modalityCue: {
      field: 'modality',
      rule: 'modality.not-applicable',
      text: '',
      explanation: '本句不设定行为义务，情态不适用（记为宣示性）',
    },
    subject,
    subjectCue: subjectCue('subject.whole-clause', subject, '整句为条款内容'),
  };
}

interface Found {
  actor: ActorMatch;
  source: ActorSource;
  /** Where the predicate starts in `s`. */
  rest: number;
  from?: AllocatedActor;
}

/** The subject written in the clause: at its start, after leading adverbials, or as 由's agent. */
/** An organ's act that only qualifies a noun: 规定的……, 规定应当……的畜禽, 认定的…… (up to a comma). */
const ATTRIBUTIVE_ORGAN =
  /^(?:所)?(?:规定|确定|认定|公布|发布|指定|审定|批准)(?:[^，；。]{0,30}?)的[^，；。的]{1,20}(?:[，,；;。]|$)/;

/**
 * 国务院……部门根据……，省级人民政府……部门根据……，分别建立……: organs listed clause by clause
 * before a shared 分别 (respectively) predicate all bear it.
 */
function respectiveActors(s: string, first: ActorMatch, ctx: Context): ActorMatch {
  const shared = s.search(/[，,]分别/);
  if (shared < 0) return first;
  let acc = first;
  for (let i = s.indexOf('，', first.length); i > 0 && i < shared; i = s.indexOf('，', i + 1)) {
    const next = matchSubjectActor(s.slice(i + 1), ctx.kinds, ctx.tier);
    if (!next || (next.actorType !== 'government' && next.actorType !== 'department')) continue;
    acc = joinActors(acc, next, s.slice(0, i + 1 + next.length));
  }
  return acc === first ? first : { ...acc, length: first.length };
}

function writtenSubject(ctx: Context, s: string): Found | undefined {
  // 享受……支持的保种场、保护区和基因库，未经……批准，不得……: the noun phrase before the
  // 未经-clause is the subject; the organ inside it only approves.
  const topic = /^([^，；。]{2,60}?)[，,](?:未经|非经)[^，；。]{2,60}?[，,]/.exec(s);
  if (topic && matchModal(s.slice(topic[0].length))) {
    const head = topic[1].slice(topic[1].lastIndexOf('的') + 1);
    const party = matchSubjectActor(head, ctx.kinds, ctx.tier) ?? classifySubjectPhrase(head);
    if (party && party.actorType !== 'none') {
      return { actor: party, source: 'explicit', rest: topic[0].length };
    }
  }
  const start = subjectStart(s);
  // ……部门抽取样品时，其行政执法人员应当出示执法证件: the staff (其……人员) act for the party
  // named before; the duty is that party's.
  if (start > 0 && /^其[^，；。]{0,8}人员/.test(s.slice(start))) {
    const head = /^[^，；。]{2,20}?(?:机构|单位|企业|组织|协会|中心)/.exec(s)?.[0];
    const owner =
      matchSubjectActor(s, ctx.kinds, ctx.tier) ??
      leadingParty(s) ??
      (head ? classifySubjectPhrase(head) : undefined);
    const staff = /^其[^，；。]{0,8}人员/.exec(s.slice(start))![0];
    if (owner) return { actor: owner, source: 'explicit', rest: start + staff.length };
  }
  // After a condition (市场主体作出的承诺符合条件的，有关部门应当……) the subject is the one after it.
  const after = start > 0 ? matchSubjectActor(s.slice(start), ctx.kinds, ctx.tier) : undefined;
  if (after && /(?:的|时|后|前|期间)[，,]$/.test(s.slice(0, start))) {
    return { actor: after, source: 'explicit', rest: start + after.length };
  }
  // 有关部门……进行监督检查时，被检查者不得拒绝: an organ inside a time clause is not the subject of
  // the clause after it; a party named there by its head noun is.
  if (
    start > 0 &&
    /(?:时|后|前|期间)[，,]$/.test(s.slice(0, start)) &&
    !findModal(s.slice(0, start))
  ) {
    const modal = findModal(s.slice(start));
    if (modal && modal.offset > 0) {
      const phrase = s.slice(start, start + modal.offset).replace(/[，,]$/, '');
      const party = classifySubjectPhrase(phrase);
      if (party) return { actor: party, source: 'explicit', rest: start + modal.offset };
    }
  }
  // 团体标准、企业标准的制定单位应当……: the makers of the kinds of standard named.
  const makersOf = /^((?:(?:地方|团体|企业)标准[、和及与]?)+)的(?:制定单位|制定者|制定主体)/.exec(
    s.slice(start),
  );
  const makers = makersOf ? standardMakers(makersOf[1], ctx) : undefined;
  if (makers && makersOf) {
    return {
      actor: { ...makers, length: makersOf[0].length, text: makersOf[0] },
      source: 'explicit',
      rest: start + makersOf[0].length,
    };
  }
  // 畜禽养殖户的防疫条件……: a party followed by 的 only modifies the subject.
  const named = matchSubjectActor(s, ctx.kinds, ctx.tier);
  // 各级人民政府的主要负责人是……第一责任人; ……部门的工作人员不得……: officials and staff of an
  // organ act in its name (convention 46), so the duty is the organ's.
  const official =
    named && isOrganType(named.actorType)
      ? /^的?(?:主要负责人|负责人|主要领导|领导人员|工作人员)/.exec(s.slice(named.length))
      : null;
  if (named && official) {
    return {
      actor: {
        ...named,
        cues: [
          ...named.cues,
          {
            field: 'actorType',
            rule: 'actorType.organ-officials',
            text: named.text + official[0],
            explanation: `“${named.text + official[0]}”以所在机关的名义履职：为“${named.text}”的职责`,
          },
        ],
      },
      source: 'explicit',
      rest: named.length + official[0].length,
    };
  }
  // 畜禽遗传资源保种场、保护区和基因库的管理办法: nouns joined to the party still end in 的.
  const atStart =
    named && !/^(?:[、和及与][^，；。的、]{1,12})*的/u.test(s.slice(named.length))
      ? named
      : undefined;
  if (atStart) {
    // 市人民政府设立的服务中心应当……: the government only modifies the real subject.
    const rest = s.slice(atStart.length);
    const modal = findModal(rest);
    const relative = modal
      ? /^[^，；。]{0,16}的([^，；。的]{2,30})$/.exec(rest.slice(0, modal.offset))
      : null;
    const head = relative ? classifySubjectPhrase(relative[1]) : undefined;
    if (head && modal)
      return { actor: head, source: 'explicit', rest: atStart.length + modal.offset };
    // 国务院……部门规定的其他内容; ……部门规定应当加施标识而没有标识的畜禽，不得……: the organ
    // only says whose rule defines a thing; the thing is what the clause is about.
    if (ATTRIBUTIVE_ORGAN.test(rest)) return undefined;
    // 生产者、销售者违反……规定，产品有严重质量问题的，产品质量监督部门可以公布……: a party named
    // in the condition is not the subject of the main clause that follows the condition.
    // So after a further adverbial (……的，除依法承担相应责任外，有关部门应当……).
    const afterCondition = afterConditions(s).offset;
    if (afterCondition > atStart.length && !findModal(s.slice(0, afterCondition))) {
      const condition = afterCondition + subjectStart(s.slice(afterCondition));
      const main =
        matchSubjectActor(s.slice(condition), ctx.kinds, ctx.tier) ??
        describedOrgan(s.slice(condition), ctx);
      if (main && matchModal(s.slice(condition + main.length))) {
        return { actor: main, source: 'explicit', rest: condition + main.length };
      }
    }
    return { actor: respectiveActors(s, atStart, ctx), source: 'explicit', rest: atStart.length };
  }
  if (after) return { actor: after, source: 'explicit', rest: start + after.length };
  const described = describedOrgan(s.slice(start), ctx);
  if (described) return { actor: described, source: 'explicit', rest: start + described.length };
  const agent = agentOf(s, ctx);
  if (agent) return { actor: agent.actor, source: 'explicit', rest: agent.end };
  const party = leadingParty(s.slice(start));
  if (party) return { actor: party, source: 'explicit', rest: start + party.length };
  // A subject after an opening phrase (发生突发事件，相关县级以上人民政府应当……).
  for (let i = s.indexOf('，'); i > 0; i = s.indexOf('，', i + 1)) {
    const later =
      matchSubjectActor(s.slice(i + 1), ctx.kinds, ctx.tier) ??
      namedPartyBeforeModal(s.slice(i + 1));
    if (!later) continue;
    // ……的，生产者、销售者提供产品时应当明示: a time clause may stand between subject and modal.
    const tail = s.slice(i + 1 + later.length);
    const when = /^[^，；。]{1,30}?时[，,]?/.exec(tail);
    // 目录清单以外，任何单位实施行政管理不得……: the party's own circumstance may stand before its
    // modal verb in the same clause (convention 43).
    const inClause = findModal(tail);
    const sameClause =
      inClause &&
      !isOrganType(later.actorType) &&
      !/[，,；;。]/.test(tail.slice(0, inClause.offset))
        ? inClause
        : undefined;
    const modal =
      matchModal(tail) ?? (when ? matchModal(tail.slice(when[0].length)) : undefined) ?? sameClause;
    if (modal && !findModal(s.slice(0, i))) {
      return { actor: later, source: 'explicit', rest: i + 1 + later.length };
    }
  }
  // A noun phrase before the modal verb whose head names a party (建设单位应当…).
  const modal = findModal(s.slice(start));
  if (modal && modal.offset > 0) {
    const phrase = s.slice(start, start + modal.offset).replace(/[，,]$/, '');
    const party = classifySubjectPhrase(phrase) ?? organPhrase(phrase, ctx);
    if (party) return { actor: party, source: 'explicit', rest: start + modal.offset };
  }
  return undefined;
}

/**
 * ……部门应当……抽取样品。抽样前，抽样人员应当出示……: staff named only by their function
 * (执法人员, 抽样人员, 检验人员) act for the body named before them in the article.
 */
function staffOfCarried(ctx: Context, found: Found): Found {
  const prior = ctx.carried;
  if (
    !prior ||
    found.source !== 'explicit' ||
    prior.actorType === 'public' ||
    prior.actorType === 'none' ||
    !/^(?:原|其他)?(?:行政执法|执法|抽样|检查|监督检查|检验|检测|检疫)人员$/.test(found.actor.text)
  ) {
    return found;
  }
  return {
    ...found,
    source: 'previous',
    actor: {
      ...prior,
      cues: [
        ...prior.cues,
        {
          field: 'actorType',
          rule: 'actorType.staff-of-body',
          text: found.actor.text,
          explanation: `“${found.actor.text}”是前文“${prior.text}”的工作人员，代表其履行职责`,
        },
      ],
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function encouraging(modal: ModalMatch | undefined): boolean {
  return modal !== undefined && modal.modality === 'encouraged';
}

const EVERYONE = '任何单位和个人';

/**
 * An actor a drafting convention names (任何单位和个人 for an unaddressed prohibition, the finance
 * department for a budget clause): its own actor-type cue is replaced by the convention's.
 */
function byConvention(actor: ActorMatch, text: string, cue: Cue): Found {
  return {
    actor: { ...actor, text, cues: [cue, ...actor.cues.filter((c) => c.field !== 'actorType')] },
    source: 'explicit',
    rest: 0,
  };
}

/**
 * 市人民政府及其相关部门应当……。相关部门应当按照各自职责……: a bare 相关部门/有关部门 after a
 * government named with 及其相关部门 in the same article refers back to that government's
 * departments and takes its levels.
 */
function anaphoricDepartments(ctx: Context, found: Found): Found {
  const prior = ctx.carried;
  const actor = found.actor;
  if (
    !prior ||
    found.source !== 'explicit' ||
    actor.actorType !== 'department' ||
    !/^(?:有关|相关)(?:主管)?部门$/.test(actor.text) ||
    !/人民政府及其(?:有关|相关)(?:主管)?部门$/.test(prior.text) ||
    !actor.cues.some((c) => c.field === 'levels' && c.rule === 'levels.unstated')
  ) {
    return found;
  }
  return {
    ...found,
    actor: {
      ...actor,
      levels: [...prior.levels],
      cues: [
        ...actor.cues.filter((c) => c.field !== 'levels'),
        {
          field: 'levels',
          rule: 'levels.anaphoric-departments',
          text: prior.text,
          explanation: `“${actor.text}”承前指“${prior.text}”中的部门，层级随之：${describeLevels(prior.levels)}`,
        },
      ],
    },
  };
}

/**
 * 对……（的单位和个人），（按照……规定）给予表彰（和）奖励; ……成效显著的，可以……予以激励: a
 * subjectless reward clause.
 */
const REWARD =
  /^(?:对[^。；]{2,80}?[，,]?|[^。；]{2,80}?的[，,])(?:[^，；。]{0,30}?)(?:给予|予以)[^，；。]{0,6}(?:表彰|奖励|表扬|激励)/;
/**
 * （对……）实行……制度 with no subject: a system is instituted by the governments the text
 * addresses (their policy), not by the department that runs it day to day. Also 实施/建立/推行
 * ……制度, after a 对-phrase that may list its cases with commas (convention 52).
 */
const SYSTEM_STATEMENT =
  /^(?:对[^。；]{1,120}?[，,]?)?(?:实行|实施|建立|推行|建立健全)[^，；。]{1,40}?制度(?:[，,；。]|$)/;

function fallbackActor(
  ctx: Context,
  kind: DutyKind,
  modal: ModalMatch | undefined,
  s: string,
  policy = false,
  continuing = false,
): Found {
  // 禁止…… with no subject addresses everyone, unless it continues a sentence's subject.
  if (
    kind === 'prohibition' &&
    modal &&
    modal.offset === 0 &&
    !ctx.leadIn &&
    !(continuing && ctx.carried) &&
    // 不得 is a modal verb that needs a subject: with none written it continues the article's last
    // subject; only the impersonal 禁止/严禁 address everyone (convention 48).
    !(modal.text === '不得' && ctx.carried) &&
    !OFFICIAL_ACT_CONTEXT.test(s)
  ) {
    // 禁止服务业经营者将……: the party named right after 禁止, before its predicate, is the one
    // addressed (its object follows 将/把/在/以/向/为… or its own verb).
    const afterModal = s.slice(modal.offset + modal.text.length);
    const addressed = matchSubjectActor(afterModal, ctx.kinds, ctx.tier);
    if (
      addressed &&
      addressed.actorType !== 'none' &&
      addressed.text.length < afterModal.length &&
      /^(?:[将把在以向为对从]|擅自|利用|通过|使用|生产|销售|经营|收购|出售|提供|出具|伪造|冒用|参与|从事|进行|采用|违反)/.test(
        afterModal.slice(addressed.text.length),
      )
    ) {
      return byConvention(addressed, addressed.text, {
        field: 'actorType',
        rule: 'actorType.prohibition-addressee',
        text: addressed.text,
        explanation: `“${modal.text}”之后点名的“${addressed.text}”是被禁止的主体`,
      });
    }
    const party = matchPartyList(EVERYONE);
    if (party) {
      return byConvention(party, EVERYONE, {
        field: 'actorType',
        rule: 'actorType.prohibition-everyone',
        text: modal.text,
        explanation: `“${modal.text}……”未写主语，禁止任何单位和个人（非政府主体）`,
      });
    }
  }
  if (ctx.leadIn && ctx.leadIn.actor.actorType !== 'none') {
    return { actor: ctx.leadIn.actor, source: 'lead-in', rest: 0, from: ctx.leadIn.inferredFrom };
  }
  if (kind === 'enforcement') {
    if (ctx.carried && isOrganType(ctx.carried.actorType)) {
      return { actor: ctx.carried, source: 'previous', rest: 0 };
    }
    const { actor, from } = allocatedActor(
      ctx,
      ctx.allocations.enforcement ?? ctx.allocations.general,
    );
    return { actor, source: 'inferred', rest: 0, from };
  }
  // 对……做出显著成绩的单位和个人，给予表彰和奖励 / 对……实行……制度: a reward or a system opening
  // its own sentence with no subject is granted or instituted by the governments the text
  // addresses (its general-responsibility article), not by whoever the sentence before named.
  if (!continuing && (REWARD.test(s) || SYSTEM_STATEMENT.test(s)) && ctx.allocations.general) {
    const { actor, from } = allocatedActor(ctx, ctx.allocations.general);
    return { actor, source: 'inferred', rest: 0, from };
  }
  if (ctx.carried) return { actor: ctx.carried, source: 'previous', rest: 0 };
  void s;
  // Outside the general chapter, the text's work is its competent department's; encouragement
  // of no one in particular (鼓励标准与知识产权融合) is the government's policy.
  const { actor, from } = allocatedActor(
    ctx,
    ctx.general || policy
      ? ctx.allocations.general
      : (ctx.allocations.competent ?? ctx.allocations.general),
  );
  return { actor, source: 'inferred', rest: 0, from };
}

/** Sentence-level or lead-in modality for a clause that states no modal verb of its own. */
function inheritedModality(ctx: Context, unit: Unit, s: string): { modality: Modality; cue: Cue } {
  if (ctx.leadIn) {
    return {
      modality: ctx.leadIn.modality,
      cue: {
        field: 'modality',
        rule: 'modality.lead-in',
        text: ctx.leadIn.modalText,
        explanation: `本项沿用所在款引导语的情态“${ctx.leadIn.modalText}”`,
      },
    };
  }
  const sm = ctx.sentenceModal;
  // ……可以申请复检，由受理复检的部门作出复检结论: the organ that takes over is not bound by
  // the other party's 可以; a 由-clause states its act.
  if (sm && sm.sentence === unit.sentence && unit.clause > 0 && s.startsWith('由')) {
    return { modality: 'declarative', cue: declarativeCue(s) };
  }
  if (
    unit.clause > 0 &&
    sm &&
    sm.sentence === unit.sentence &&
    sm.modal.rule !== PROHIBITION_RULE
  ) {
    return {
      modality: sm.modal.modality,
      cue: {
        field: 'modality',
        rule: 'modality.semicolon-continuation',
        text: sm.modal.text,
        explanation: `分号后的分句与前一分句同属一句，沿用句中的“${sm.modal.text}”`,
      },
    };
  }
  return { modality: 'declarative', cue: declarativeCue(s) };
}

/**
 * 向省级人民政府……部门提出申请；受理申请的……部门经审核，报国务院……部门批准: the organ that
 * 受理 (receives) the application is the one it was addressed to in the same sentence, and one it
 * is 报 (passed on) to for approval shares the act.
 */
function applicationOrgans(ctx: Context, s: string, unit: Unit, found: Found): Found {
  let actor = found.actor;
  const r = ctx.recipient;
  // 向省级……部门提出申请。受理申请的……部门应当……: the organ that receives the application is
  // the one it was addressed to earlier in the paragraph (in the same or an earlier sentence).
  if (r && r.sentence <= unit.sentence && /^受理[^，；。]{0,10}的/.test(actor.text)) {
    actor = {
      ...actor,
      levels: [...r.actor.levels],
      cues: [
        ...actor.cues.filter((c) => c.field !== 'levels'),
        {
          field: 'levels',
          rule: 'levels.application-recipient',
          text: r.actor.text,
          explanation: `“${actor.text}”指前文申请所向的“${r.actor.text}”，层级随之：${describeLevels(r.actor.levels)}`,
        },
      ],
    };
    if (actor.departments.length === 0) actor = { ...actor, departments: [...r.actor.departments] };
  }
  const passedOn = /[，,]?报([^，；。]{2,40}?(?:部门|机关|人民政府))[^，；。]{0,12}?批准/.exec(
    s.slice(found.rest),
  );
  const approver = passedOn ? matchGovernmentActor(passedOn[1], ctx.kinds, ctx.tier) : undefined;
  if (approver && actor !== found.actor) {
    actor = joinActors(actor, approver, actor.text);
  }
  // ……应当将……移送省级人民政府……部门处理: the organ a matter is handed over to must handle it;
  // both organs act.
  const handedTo = /移送([^，；。]{2,40}?(?:部门|机关|人民政府))(?:依法)?(?:处理|处置|查处)/.exec(
    s.slice(found.rest),
  );
  const handler = handedTo ? matchGovernmentActor(handedTo[1], ctx.kinds, ctx.tier) : undefined;
  if (handler && isOrganType(actor.actorType) && handler.length === handedTo![1].length) {
    actor = joinActors(actor, handler, actor.text);
    actor = {
      ...actor,
      cues: [
        ...actor.cues,
        {
          field: 'actor',
          rule: 'actor.handed-over-to',
          text: handedTo![0],
          explanation: `“${handedTo![0]}”：接受移送的“${handler.text}”负责处理，与移送机关共同承担`,
        },
      ],
    };
  }
  return actor === found.actor ? found : { ...found, actor };
}

/**
 * ……活动的，应当遵守有关……法律法规的规定; 转基因畜禽品种的培育、试验和推广，应当符合国家有关……规定:
 * an activity (a 的-condition or nominalised acts) with no party named, whose whole predicate is
 * compliance with laws or rules, refers to those rules (convention 47): a scope clause, as
 * 在……从事……活动，应当遵守本法. A product or sign as topic still binds its producers (item 5).
 */
const REFERRAL =
  /^([^，；。]{2,60})[，,](?:还|也)?(?:应当|必须)(?:遵守|符合|依照|按照)(?:国家)?(?:的)?(?:有关)?[^，；。]{0,30}?(?:法律法规|法律、(?:行政)?法规|法律|法规|规定|《[^》]{2,40}》)(?:的(?:有关)?规定)?$/;
const ACTIVITY_TOPIC =
  /(?:的|活动|行为)$|的(?:[\u4e00-\u9fff]{2}[、和])*(?:培育|试验|审定|推广|引进|研究|开发|利用|生产|经营|使用|建设)$/;

function referralKind(ctx: Context, s: string): KindMatch | undefined {
  const m = REFERRAL.exec(trimPunctuation(s));
  if (!m || !ACTIVITY_TOPIC.test(m[1])) return undefined;
  if (writtenSubject(ctx, s) || PRODUCT.test(m[1])) return undefined;
  return {
    kind: 'scope',
    cue: {
      field: 'kind',
      rule: 'kind.referral-compliance',
      text: trimPunctuation(s).slice(m[1].length + 1),
      explanation: `“${m[1]}”未写主体，谓语只是遵守、符合其他法律法规或规定：为援引（适用范围）条款，不另设职责`,
    },
  };
}

const BENEFIT =
  /^([^。；]{2,80}?)[，,]?(?:可以|可)?(?:(?:按照|依照)[^，；。]{0,30}?规定|依法)?享受[^，；。]{0,30}?(?:优惠|待遇|政策|补贴|扶持|支持)/;

/** The party that enjoys a benefit: named by the topic's head nouns, or the doer of a condition. */
function beneficiaryOf(s: string): ActorMatch | undefined {
  const m = BENEFIT.exec(s);
  if (!m) return undefined;
  const topic = m[1].replace(/[，,]$/, '');
  const cue = (text: string): Cue => ({
    field: 'actorType',
    rule: 'actorType.beneficiary',
    text,
    explanation: `享受优惠、待遇或政策的是“${text}”（非政府主体），不是实施政策的机关`,
  });
  if (/^从事[^，；。]{1,60}的$/.test(topic)) {
    const type: ActorType = BUSINESS.test(topic) ? 'enterprise' : 'public';
    return {
      length: 0,
      text: topic,
      actorType: type,
      actorTypes: [type],
      levels: [],
      departments: [],
      unrecognisedDepartments: [],
      cues: [cue(topic)],
    };
  }
  const head = topic.slice(topic.lastIndexOf('的') + 1);
  const parties = head
    .split(/和|、|及|以及|或者/)
    .map((part) => classifySubjectPhrase(part))
    .filter((p): p is ActorMatch => !!p && !isOrganType(p.actorType));
  if (parties.length === 0) return undefined;
  const types = [...new Set(parties.flatMap((p) => p.actorTypes))];
  return { ...parties[0], actorType: types[0], actorTypes: types, cues: [cue(head)] };
}

/** A clause of work to be done (依法做好……工作, 履行……职责, 保护……权益), not a further principle. */
const DUTY_AFTER_PRINCIPLE =
  /^(?:严格|依法|切实|认真|积极|公开|公正|高效|[、和])*(?:做好|履行|承担|保护|保障|开展|落实|负责|提供)/;

/** 申请人, 申请者, 复检申请人: a role noun for whoever applies. */
const APPLICANT = /(?:申请|申报)(?:人|者)$/;

/**
 * 被检验方对检验结果有异议的，可以……申请复检。……所需费用由申请人预付 (convention 45): 申请人
 * refers back to the party named as applying earlier in the paragraph; without one it is any unit
 * or individual that applies (rememberApplicant keeps a party whose own clause applies).
 */
function applicantParty(ctx: Context, found: Found): Found {
  const actor = found.actor;
  if (
    ctx.applicant &&
    !isOrganType(actor.actorType) &&
    APPLICANT.test(actor.text) &&
    ctx.applicant.text !== actor.text
  ) {
    const named = ctx.applicant;
    const noun = /[^由的，；。]{0,6}?(?:申请|申报)(?:人|者)$/.exec(actor.text)?.[0] ?? actor.text;
    return {
      ...found,
      actor: {
        ...actor,
        actorType: named.actorType,
        actorTypes: [...named.actorTypes],
        cues: [
          ...actor.cues.filter((c) => c.field !== 'actorType'),
          {
            field: 'actorType',
            rule: 'actorType.applicant-back-reference',
            text: noun,
            explanation: `“${noun}”指本款前文提出申请的“${named.text}”`,
          },
        ],
      },
    };
  }
  return found;
}

function rememberApplicant(ctx: Context, s: string, found: Found): void {
  const actor = found.actor;
  if (
    !isOrganType(actor.actorType) &&
    actor.actorType !== 'none' &&
    !APPLICANT.test(actor.text) &&
    /申请/.test(s)
  ) {
    ctx.applicant = actor;
  }
}

function analyseUnit(ctx: Context, s: string, unit: Unit, isItem: boolean): Analysed {
  const addressed =
    /向([^，；。]{2,40}?(?:部门|机关|人民政府))(?:提出|提交|报送)[^，；。]{0,6}申请/.exec(s);
  const recipient = addressed ? matchGovernmentActor(addressed[1], ctx.kinds, ctx.tier) : undefined;
  if (recipient) ctx.recipient = { sentence: unit.sentence, actor: recipient };
  // 1. Formulas that set no duty: purpose, effective date, definition, scope.
  const formula = formulaKind(s);
  if (formula) return { kind: 'duty', result: noActorResult(formula, s) };
  const referral = unit.clause === 0 && !isItem ? referralKind(ctx, s) : undefined;
  if (referral) return { kind: 'duty', result: noActorResult(referral, s) };
  const leadKind = ctx.leadIn?.kind;
  if (isItem && leadKind && leadKind.kind !== 'implementation' && leadKind.kind !== 'prohibition') {
    if (leadKind.kind !== 'enforcement')
      return { kind: 'duty', result: noActorResult(leadKind, s) };
  }

  // 2. The subject written in the clause.
  let found = writtenSubject(ctx, s);
  // ……应当公布下列内容：（四）标准化技术委员会建设情况: an item that is a noun phrase (what is
  // published or reported) names no subject; the lead-in's actor does it.
  if (
    found &&
    isItem &&
    ctx.leadIn &&
    isOrganType(ctx.leadIn.actor.actorType) &&
    !findModal(s) &&
    NOUN_ITEM.test(trimPunctuation(s))
  ) {
    found = undefined;
  }
  if (found) found = applicationOrgans(ctx, s, unit, found);
  if (found) found = applicantParty(ctx, found);
  if (found && trimPunctuation(s.slice(found.rest)).length === 0 && found.source === 'explicit') {
    return { kind: 'skip', rule: 'none.actor-only', explanation: '只有主体，没有职责事项' };
  }
  const restText = s.slice(found?.rest ?? 0);
  const modal = findModal(restText);
  let kind =
    isItem && leadKind && leadKind.kind !== 'implementation'
      ? leadKind
      : statementKind(ctx, restText, modal, s);
  if (
    kind.kind === 'implementation' &&
    !found &&
    !modal &&
    /是指|包括|分为/.test(s) &&
    !ctx.leadIn
  ) {
    kind = {
      kind: 'definition',
      cue: {
        field: 'kind',
        rule: 'kind.definition-description',
        text: s.slice(0, 40),
        explanation: '无主体、无情态动词的“包括/分为/是指”句为说明性定义',
      },
    };
  }
  // 人民法院、人民检察院应当坚持……原则，依法做好审判、检察工作 (convention 50): a named actor
  // whose principle is followed by the work it must do has a duty; the principle says how.
  if (
    kind.kind === 'other' &&
    kind.cue.rule === 'kind.principle' &&
    found &&
    found.source === 'explicit' &&
    found.actor.actorType !== 'none' &&
    modal &&
    restText
      .split(/[，,]/)
      .slice(1)
      .some((part) => DUTY_AFTER_PRINCIPLE.test(part))
  ) {
    kind = {
      kind: 'implementation',
      cue: implementationCue(trimPunctuation(restText).slice(0, 40)),
    };
  }
  if (kind.kind === 'liability' || kind.kind === 'definition') {
    return { kind: 'duty', result: noActorResult(kind, s) };
  }

  // A violator named before the condition (生产者……的，责令……) is not who enforces.
  let violator = false;
  if (
    found &&
    kind.kind === 'enforcement' &&
    found.actor.actorType !== 'government' &&
    found.actor.actorType !== 'department'
  ) {
    found = undefined;
    violator = true;
  }
  // ……部门违反本条例规定……的，由市标准化行政主管部门责令……: an organ may be the violator too;
  // who enforces is the 由-agent after the condition. So for any act when the party named in
  // the condition is not an organ (……的生产者在外省市的，由质量技术监督部门移交……处理).
  if (violator || (found && (kind.kind === 'enforcement' || !isOrganType(found.actor.actorType)))) {
    const agent = agentOf(s, ctx);
    const condition = afterConditions(s).offset;
    if (agent && condition > 0 && agent.at >= condition && isOrganType(agent.actor.actorType)) {
      found = { actor: agent.actor, source: 'explicit', rest: agent.end };
    }
  }
  if (found) found = anaphoricDepartments(ctx, found);
  if (found) found = staffOfCarried(ctx, found);
  if (found) ctx.carried = found.actor;

  // 3. 鼓励/支持/引导 X …: X is the party encouraged to act (also after a government subject).
  const encouraged =
    modal && modal.offset <= 4
      ? (encouragedStandards(restText, modal, ctx) ?? encouragedParty(restText, modal))
      : undefined;
  if (encouraged && modal && kind.kind === 'implementation') {
    const subject = trimPunctuation(
      restText.slice(modal.offset + modal.length + encouraged.length),
    );
    return {
      kind: 'duty',
      result: {
        kind,
        actor: encouraged,
        source: 'encouraged-party',
        modality: modal.modality,
        modalityCue: modalCue(modal),
        subject,
        subjectCue: subjectCue(
          'subject.after-encouraged-party',
          subject,
          `“${modal.text}${encouraged.text}”之后的内容为被${modal.rule === 'modality.permit' ? '准许' : '鼓励'}的行为`,
        ),
        modal,
      },
    };
  }

  // A thing as the grammatical subject (产品质量应当……, 诉讼时效期间为二年).
  if (!found && !(isItem && ctx.leadIn) && kind.kind !== 'enforcement') {
    const thing = thingSubject(s);
    const doer = conditionParty(s, modal, ctx);
    const makers =
      thing?.kind === 'other'
        ? (standardMakers(thing.phrase, ctx) ?? planMaker(thing.phrase, ctx))
        : undefined;
    const opener = namedConditionParty(s, modal, ctx);
    if (makers) {
      found = { actor: makers, source: 'explicit', rest: 0 };
    } else if (opener) {
      found = { actor: opener, source: 'explicit', rest: 0 };
    } else if (thing?.kind === 'product') {
      found = { actor: productParties(thing.phrase), source: 'explicit', rest: 0 };
    } else if (doer) {
      found = { actor: doer, source: 'explicit', rest: 0 };
    } else if (thing?.kind === 'fact' && kind.kind === 'implementation') {
      const other: KindMatch = {
        kind: 'other',
        cue: {
          field: 'kind',
          rule: 'kind.statement-of-fact',
          text: thing.phrase,
          explanation: `主语“${thing.phrase}”是事物而非行为主体，且无情态动词：为说明性规定，不设定职责`,
        },
      };
      return { kind: 'duty', result: noActorResult(other, s) };
    }
  }

  if (!found && !(isItem && ctx.leadIn) && kind.kind === 'implementation') {
    const budget = /^(?:将|把)/.test(s) ? null : BUDGET.exec(s);
    if (budget) {
      const level = (budget[1] ?? budget[2] ?? '').replace(/(?:人民政府|政府)$/, '');
      // 所需费用列入省级人民政府预算: the budget of a named government is that government's own
      // commitment; 由财政列支 / 列入财政预算 is the finance department's.
      const government =
        budget[2] && /(?:人民政府|政府)$/.test(budget[2])
          ? matchGovernmentActor(`${level}人民政府`, ctx.kinds, ctx.tier)
          : undefined;
      if (government && government.actorType === 'government') {
        found = byConvention(government, budget[0], {
          field: 'actorType',
          rule: 'actorType.government-budget',
          text: budget[0],
          explanation: `“${budget[0]}”：经费列入该级人民政府预算，为该级人民政府的职责`,
        });
      }
      const finance = found
        ? undefined
        : matchGovernmentActor(
            level ? `${level}人民政府财政部门` : '财政部门',
            ctx.kinds,
            ctx.tier,
          );
      if (finance && finance.actorType === 'department') {
        found = byConvention(finance, budget[0], {
          field: 'actorType',
          rule: 'actorType.budget',
          text: budget[0],
          explanation: `“${budget[0]}”：经费纳入财政预算或由财政列支，为该级财政部门的职责`,
        });
      }
    }
  }
  if (found && found.actor !== ctx.carried) ctx.carried = found.actor;
  if (found) rememberApplicant(ctx, s, found);
  // No subject, no modal verb, no action verb: a statement about a state of affairs
  // (逾期未提出复检申请的，视为无异议), not a duty of anyone.
  if (
    !found &&
    !modal &&
    kind.kind === 'implementation' &&
    !(isItem && ctx.leadIn) &&
    ((!ACTION_START.test(s.slice(subjectStart(s))) &&
      !passiveInside(s) &&
      STATE_OF_AFFAIRS.test(s) &&
      !ctx.carried) ||
      RULE_OF_COMPUTATION.test(s))
  ) {
    const other: KindMatch = {
      kind: 'other',
      cue: {
        field: 'kind',
        rule: 'kind.state-of-affairs',
        text: s.slice(0, 30),
        explanation: '无主语、无情态动词、无行为动词：为说明性规定，不设定职责',
      },
    };
    return { kind: 'duty', result: noActorResult(other, s) };
  }

  if (!found && kind.kind === 'other') return { kind: 'duty', result: noActorResult(kind, s) };
  // 开展科技活动应当遵守法律法规; 强制性标准必须执行: compliance with the law binds whoever acts,
  // not the organ that administers it.
  if (!found && modal && !(isItem && ctx.leadIn) && kind.kind === 'implementation') {
    const predicate = restText.slice(modal.offset + (modal.strip ? modal.length : 0));
    const everyone = COMPLIANCE.test(predicate) ? matchPartyList(EVERYONE) : undefined;
    if (everyone) {
      found = byConvention(everyone, EVERYONE, {
        field: 'actorType',
        rule: 'actorType.compliance-everyone',
        text: predicate.slice(0, 12),
        explanation: `“${modal.text}${predicate.slice(0, 8)}……”未写主语：遵守、执行法律规定约束从事该活动的单位和个人（非政府主体）`,
      });
    }
  }
  // ……认定的高新技术企业，可以享受……优惠政策; 从事技术转让活动的，享受税收优惠 (convention 51):
  // a benefit is enjoyed by the party the topic or condition names, never by an organ.
  if (!found && !(isItem && ctx.leadIn) && kind.kind === 'implementation') {
    const beneficiary = beneficiaryOf(s);
    if (beneficiary) found = { actor: beneficiary, source: 'explicit', rest: 0 };
  }
  const who =
    found ??
    fallbackActor(
      ctx,
      kind.kind,
      modal,
      s,
      encouraging(modal) || SYSTEM_STATEMENT.test(s) || REWARD.test(s),
      unit.clause > 0,
    );
  if (who.actor.actorType === 'none' && kind.kind !== 'other') {
    return { kind: 'duty', result: noActorResult(kind, s) };
  }

  // 4. Modality.
  let modality: Modality;
  let modalityCue: Cue;
  if (modal) {
    modality =
      kind.kind === 'enforcement' && modal.modality !== 'discretionary'
        ? 'mandatory'
        : modal.modality;
    modalityCue = modalCue(modal);
    if (modal.strip) ctx.sentenceModal = { sentence: unit.sentence, modal };
  } else if (kind.kind === 'enforcement') {
    modality = 'mandatory';
    modalityCue = {
      field: 'modality',
      rule: 'modality.sanction',
      text: kind.cue.text,
      explanation: `处罚措施“${kind.cue.text}”依法应当作出，按强制性处理`,
    };
  } else {
    // ……还应当由……委员会进行评估: the modal verb before a 由-agent governs the agent's act.
    const before = found ? s.slice(0, found.rest) : '';
    const governing = found ? /(?:应当|必须)(?=[^，；。应]{0,6}由[^，；。]*$)/.exec(before) : null;
    const beforeModal = governing ? findModal(before.slice(governing.index)) : undefined;
    if (beforeModal) {
      modality = beforeModal.modality;
      modalityCue = modalCue(beforeModal);
    } else {
      const inherited = inheritedModality(ctx, unit, s);
      modality = inherited.modality;
      modalityCue = inherited.cue;
    }
  }

  const subject = trimPunctuation(modal?.strip ? withoutModal(restText, modal) : restText);
  const afterLead = s.slice(subjectStart(s));
  // Subjectless and verb-first (对……给予奖励, 立足……，打造……): the addressed government's own act.
  // Not when a thing or a condition stands first (样品应当……, ……的，应当……).
  const thing = thingSubject(s);
  const passive =
    who.source === 'inferred' &&
    (thing === undefined || (thing.kind === 'other' && OFFICIAL_ACT_CONTEXT.test(s))) &&
    (ACTION_START.test(afterLead) || passiveInside(s) || !/^[^，；。]{2,80}?的[，,]/.test(s));
  void afterLead;
  return {
    kind: 'duty',
    result: {
      passive,
      kind,
      actor: who.actor,
      source: who.source,
      inferredFrom: who.from,
      modality,
      modalityCue,
      subject,
      subjectCue: isItem
        ? subjectCue('subject.item', subject, '项的内容为职责事项')
        : found
          ? subjectCue(
              modal?.strip ? 'subject.after-modal' : 'subject.after-actor',
              subject,
              modal?.strip
                ? `主语“${who.actor.text}”和“${modal.text}”之后的内容为职责事项`
                : `主语“${who.actor.text}”之后的内容为职责事项`,
            )
          : subjectCue('subject.whole-clause', subject, '本句无主语，整句为职责事项'),
      modal,
    },
  };
}

function assistingDepartments(
  subject: string,
  kinds: readonly DepartmentKind[],
  tier: JurisdictionTier,
): { codes: string[]; cues: Cue[]; organised?: boolean } {
  const m = ASSISTING.exec(subject);
  if (!m) return { codes: [], cues: [] };
  const rest = subject.slice(m[0].length);
  const tail =
    matchDepartmentTail(rest, kinds) ??
    (() => {
      const actor = matchGovernmentActor(rest, kinds, tier);
      return actor && actor.actorType === 'department'
        ? { length: actor.length, codes: actor.departments }
        : undefined;
    })();
  if (!tail) return { codes: [], cues: [] };
  const text = subject.slice(0, m[0].length + tail.length);
  return {
    // 人民政府应当组织有关部门……: the organised departments carry the work out with it.
    organised: m[0].startsWith('组织'),
    codes: tail.codes,
    cues: [
      {
        field: 'departments',
        rule: 'departments.assisting',
        text,
        explanation: `“${text}”：${tail.codes.length > 0 ? '所列部门为配合（会同）部门，不是主体部门' : '配合部门未点名'}`,
      },
    ],
  };
}

function suggestedLead(
  governmentDuty: boolean,
  departments: string[],
  competent: string | undefined,
): string | null {
  if (!governmentDuty) return null;
  if (departments.length === 1) return departments[0];
  if (departments.length === 0) return competent ?? null;
  if (competent && departments.includes(competent)) return competent;
  return departments[0];
}

function local(levels: readonly AdminLevel[], deployment: readonly LocalLevel[]): boolean {
  return levels.some((l) => (deployment as readonly string[]).includes(l));
}

function trackedCue(
  tracked: boolean,
  governmentDuty: boolean,
  inferred: boolean,
  kind: DutyKind,
  modality: Modality,
  levels: readonly AdminLevel[],
  deployment: readonly LocalLevel[],
): Cue {
  const why = tracked
    ? '地方人民政府或其部门的实施性职责（强制性或宣示性），默认跟踪'
    : !governmentDuty
      ? '主体不是人民政府或其部门，不跟踪'
      : inferred
        ? '主体系推定，待审核人确认主体后再决定是否跟踪'
        : kind !== 'implementation'
          ? '不是实施性职责（处罚、禁止、定义、法律责任等），默认不跟踪'
          : modality === 'encouraged' || modality === 'discretionary'
            ? '鼓励性或授权性规定，默认不跟踪'
            : !local(levels, deployment)
              ? '国家层面的职责，不由本省各级单位承担，不跟踪'
              : '默认不跟踪';
  return {
    field: 'tracked',
    rule: tracked ? 'tracked.default' : 'tracked.excluded',
    text: '',
    explanation: why,
  };
}

interface Where {
  paragraph: number;
  item: number | null;
  sequence: number;
}

/**
 * In a national text, a department written without a level word (畜牧兽医行政主管部门, 有关部门,
 * 公安机关) is local only when the text gives its kind local work somewhere (县级以上地方人民政府
 * ……部门); a kind the text never places locally is the national department (国务院……部门).
 */
function nationalDepartment(ctx: Context, actor: ActorMatch): Cue | undefined {
  if (ctx.tier !== 'national' || actor.actorType !== 'department') return undefined;
  if (ctx.allocations.localDepartments === undefined) return undefined;
  if (!actor.cues.some((c) => c.field === 'levels' && c.rule === 'levels.unstated'))
    return undefined;
  if (actor.unrecognisedDepartments.length > 0) return undefined;
  const local = ctx.allocations.localDepartments;
  const isLocal =
    actor.departments.length > 0
      ? actor.departments.some((d) => local.includes(d))
      : ctx.allocations.localUnnamedDepartments === true;
  if (isLocal) return undefined;
  return {
    field: 'levels',
    rule: 'levels.national-department',
    text: actor.text,
    explanation: `“${actor.text}”未写明层级，本法未在任何条款中为地方人民政府的此类部门设定职责，故指国务院相应部门（国家级）`,
  };
}

function toDuty(
  ctx: Context,
  deployment: readonly LocalLevel[],
  r: UnitResult,
  where: Where,
  source: { text: string; offset: number },
): ExtractedDuty {
  // Joined subjects (人民法院、人民检察院和公安机关): a government part makes it a government duty.
  const governmentDuty = r.actor.actorTypes.some(isOrganType) || isOrganType(r.actor.actorType);
  const assisting = governmentDuty
    ? assistingDepartments(r.subject, ctx.kinds, ctx.tier)
    : { codes: [], cues: [] };
  const departments = [...r.actor.departments];
  let levels = governmentDuty ? [...r.actor.levels] : [];
  // 地方标准 are made by the province and 设区的市 (标准化法第十三条), never by a county: a duty
  // about them whose actor does not name the county level is not a county's.
  const levelCues: Cue[] = [];
  if (
    governmentDuty &&
    LOCAL_STANDARD.test(source.text) &&
    levels.includes('county') &&
    levels.some((l) => l !== 'county') &&
    !/县(?!级以上)|(?<!设)区/.test(r.actor.text)
  ) {
    levels = levels.filter((l) => l !== 'county');
    levelCues.push({
      field: 'levels',
      rule: 'levels.local-standard',
      text: '地方标准',
      explanation: '地方标准由省级和设区的市级制定（《标准化法》第十三条），县级不制定，故不含县级',
    });
  }
  const national = nationalDepartment(ctx, r.actor);
  if (governmentDuty && national) {
    levels = ['national'];
    levelCues.push(national);
  }
  const inferred =
    (r.source === 'inferred' && !r.passive) ||
    (r.source === 'lead-in' && r.inferredFrom !== undefined);
  const tracked =
    governmentDuty &&
    !inferred &&
    r.kind.kind === 'implementation' &&
    (r.modality === 'mandatory' || r.modality === 'declarative') &&
    local(levels, deployment);
  const competent =
    (ctx.allocations.competent
      ? matchGovernmentActor(ctx.allocations.competent.actorText, ctx.kinds, ctx.tier)
          ?.departments[0]
      : undefined) ?? ctx.coordinating;
  const lead = suggestedLead(governmentDuty, departments, competent);
  const cues: Cue[] = [
    actorCue(r.source, r.actor, r.inferredFrom),
    ...(levelCues.length > 0 ? r.actor.cues.filter((c) => c.field !== 'levels') : r.actor.cues),
    ...levelCues,
    r.kind.cue,
    r.modalityCue,
    ...assisting.cues,
    r.subjectCue,
    trackedCue(tracked, governmentDuty, inferred, r.kind.kind, r.modality, levels, deployment),
  ];
  if (
    (governmentDuty && lead && !departments.includes(lead)) ||
    (governmentDuty && departments.length > 1 && lead)
  ) {
    const c = ctx.allocations.competent;
    cues.push(
      c
        ? {
            field: 'departments',
            rule: 'departments.lead-from-allocation',
            text: c.clause,
            explanation:
              departments.length > 1 && departments.includes(lead as string)
                ? `列举了多个部门；依第${c.article}条第${c.paragraph}款“${c.clause}”，建议由其中的主管部门牵头，需人工确认`
                : `未点名部门；依第${c.article}条第${c.paragraph}款“${c.clause}”建议由主管部门牵头，需人工确认`,
          }
        : lead === ctx.coordinating
          ? {
              field: 'departments',
              rule: 'departments.lead-coordinating',
              text: '',
              explanation:
                '本文本未指定主管部门；按导入时设定的本法规牵头协调部门建议牵头，需人工确认',
            }
          : {
              field: 'departments',
              rule: 'departments.lead-first-named',
              text: r.actor.text,
              explanation: '列举了多个部门，建议由首个列举的部门牵头，需人工确认',
            },
    );
  }
  if (governmentDuty && levels.length > 0 && !cues.some((c) => c.field === 'levels')) {
    cues.push({
      field: 'levels',
      rule: 'levels.inherited',
      text: r.actor.text,
      explanation: `层级随主体确定：${describeLevels(levels)}`,
    });
  }
  if (!governmentDuty && !cues.some((c) => c.field === 'levels')) {
    cues.push({
      field: 'levels',
      rule: 'levels.non-government',
      text: r.actor.text,
      explanation:
        r.actor.actorType === 'none'
          ? '无行为主体，不分配行政层级'
          : `“${r.actor.text}”不是政府主体，不分配行政层级`,
    });
  }
  if (!cues.some((c) => c.field === 'actorType')) {
    cues.push({
      field: 'actorType',
      rule: 'actorType.none',
      text: '',
      explanation: '本句不设定行为主体',
    });
  }
  if (!cues.some((c) => c.field === 'departments')) {
    cues.push({
      field: 'departments',
      rule: governmentDuty ? 'departments.unnamed' : 'departments.non-government',
      text: '',
      explanation: governmentDuty ? '未点名部门，牵头部门由人工指定' : '不涉及政府部门',
    });
  }
  return {
    paragraph: where.paragraph,
    item: where.item,
    sequence: where.sequence,
    kind: r.kind.kind,
    text: source.text,
    offset: source.offset,
    actorText: tidy(r.actor.text),
    actorType: r.actor.actorType,
    actorTypes:
      assisting.organised && !r.actor.actorTypes.includes('department')
        ? [...r.actor.actorTypes, 'department']
        : [...r.actor.actorTypes],
    actorSource: r.source,
    levels,
    modality: r.modality,
    departments,
    assistingDepartments: assisting.codes.filter((c) => !departments.includes(c)),
    unrecognisedDepartments: [...r.actor.unrecognisedDepartments],
    suggestedLeadDepartment: lead,
    subject: tidy(r.subject),
    governmentDuty,
    trackedByDefault: tracked,
    inheritedActor: r.source === 'previous' || r.source === 'lead-in' || r.source === 'inferred',
    needsReview:
      r.source === 'inferred' || (r.source === 'lead-in' && r.inferredFrom !== undefined),
    cues,
  };
}

/**
 * Split a unit at a comma that starts a new subject with its own modal verb
 * (……，企业应当……): one sentence, two duties. Commas under one subject stay together, so
 * `应当推行…，鼓励、支持构建…` remains a single mandatory duty governed by 应当.
 */
function splitAtNewSubjects(compact: string, unit: Unit, ctx: Context): Unit[] {
  const parts: Unit[] = [];
  let start = unit.start;
  /** The part being read is the encouraging government's own act (split off below). */
  let ownAct = false;
  for (let i = unit.start + 1; i < unit.end; i += 1) {
    if (compact[i] !== '，' && compact[i] !== ',') continue;
    if (compact[i - 1] === '的') continue;
    const rest = compact.slice(i + 1, unit.end);
    // 应当……，不得……: a prohibition after a duty of the same subject is a norm of its own.
    const left = compact.slice(start, i);
    // So after a budget clause (……所需检验费用由财政列支，不得向被检查人收取).
    if (
      /^(?:并|也|且)?(?:不得|禁止|严禁)/.test(rest) &&
      (findModal(left) || BUDGET.test(left) || ownAct) &&
      !/的$/.test(left)
    ) {
      parts.push({ ...unit, start, end: i });
      start = i + 1;
      continue;
    }
    // 本市建立……机制，鼓励和支持金融机构开发……: after a statement that binds no one by a strong
    // modal verb, 鼓励/支持/引导 + a party addresses that party (an encouragement of its own).
    // Under 应当 (应当推行……，支持企业……) the support stays part of the organ's duty.
    const encouragement = matchModal(rest);
    if (
      encouragement &&
      encouragement.offset === 0 &&
      ENCOURAGING_RULES.has(encouragement.rule) &&
      !STRONG_MODAL.test(left) &&
      !/的$/.test(left) &&
      encouragedParty(rest, encouragement)
    ) {
      parts.push({ ...unit, start, end: i });
      start = i + 1;
      continue;
    }
    // 国家引导畜禽养殖户……，加强对畜禽养殖户的指导帮扶，保护其合法权益: a clause whose object is
    // the encouraged party (对/面向/为 + it, 其) is the encouraging government's own act.
    const verbAt = left.search(/鼓励|支持|引导/);
    const encourager = verbAt > 0 ? matchSubjectActor(left, ctx.kinds, ctx.tier) : undefined;
    const leftModal =
      verbAt === 0 || (encourager?.length === verbAt && isOrganType(encourager.actorType))
        ? matchModal(left.slice(verbAt))
        : undefined;
    const party =
      leftModal && ENCOURAGING_RULES.has(leftModal.rule)
        ? encouragedParty(left.slice(verbAt), leftModal)
        : undefined;
    if (party && party.text.length >= 2) {
      const head = party.text.split(/、|和|及|与/)[0];
      const object = new RegExp(
        `^(?:并|同时)?[^，；。]{0,6}?(?:对|面向|为|向)${escapeRegExp(head)}|^(?:并|同时)?(?:保护|保障|维护)其|^(?:并)?不得`,
      );
      if (object.test(rest)) {
        parts.push({ ...unit, start, end: i });
        start = i + 1;
        ownAct = true;
        continue;
      }
    }
    // ……不得收费，所需费用列入省级人民政府财政预算: the funding is another organ's act.
    const nextClause = rest.split(/[，,；;。]/)[0];
    if (/^所需[^，；。]{0,8}(?:费用|经费|资金)/.test(rest) && BUDGET.test(nextClause)) {
      parts.push({ ...unit, start, end: i });
      start = i + 1;
      continue;
    }
    // ……责令限期改正，可以处一万元以下罚款: the order is due, the fine is at the organ's discretion;
    // two measures, each with its own modality.
    if (/责令/.test(left) && !/可以/.test(left) && /^(?:并且?)?可以(?:并)?处/.test(rest)) {
      parts.push({ ...unit, start, end: i });
      start = i + 1;
      continue;
    }
    // ……由……部门审核发放，具体审核发放办法由省级人民政府规定: making the detailed rules is
    // the named organ's own norm.
    if (/^具体[^，；。]{0,12}(?:办法|规定|细则|标准|措施)[^，；。]{0,6}由/.test(rest)) {
      parts.push({ ...unit, start, end: i });
      start = i + 1;
      continue;
    }
    // ……可以申请复检，由受理复检的部门作出复检结论: a 由-agent after a clause with its own modal
    // verb takes over the act; the organ's part is a duty of its own.
    // So does a topic with its own 由-agent (……应当给予奖励，奖励的具体办法由市人民政府制定).
    const by = /^(?:[^，；。由]{2,20}?)?由/.exec(rest);
    if (by && findModal(left) && !/的$/.test(left)) {
      const after = rest.slice(by[0].length);
      const agent = matchSubjectActor(after, ctx.kinds, ctx.tier) ?? describedOrgan(after, ctx);
      if (
        agent &&
        isOrganType(agent.actorType) &&
        (by[0].length === 1 || AGENT_VERB.test(after.slice(agent.length)))
      ) {
        parts.push({ ...unit, start, end: i });
        start = i + 1;
        continue;
      }
    }
    const actor =
      matchSubjectActor(rest, ctx.kinds, ctx.tier) ??
      describedOrgan(rest, ctx) ??
      (findModal(left) ? namedPartyBeforeModal(rest) : undefined);
    if (!actor) continue;
    const modal = matchModal(rest.slice(actor.length));
    if (!modal) continue;
    // An adverbial or a time clause before the subject is not a clause of its own
    // (对依法进行的监督检查，生产者不得拒绝; 检验结束后，……部门应当……).
    if (
      !findModal(left) &&
      (LEADING.test(`${left}，`) || /(?:时|后|前|中|内|外|期间)$/.test(left))
    ) {
      continue;
    }
    // An opening phrase with no subject, modal or action (发生突发事件，……) belongs to the clause.
    if (
      !findModal(left) &&
      !matchSubjectActor(left, ctx.kinds, ctx.tier) &&
      !ACTION_START.test(left)
    ) {
      continue;
    }
    parts.push({ ...unit, start, end: i });
    start = i + 1;
  }
  parts.push({ ...unit, start });
  return parts;
}

/**
 * ……可以将产品送交被假冒的企业识别，被假冒企业应当予以配合: after a clause with its own modal
 * verb, a noun phrase typed by its head noun and followed directly by a modal verb is the subject
 * of a new clause (a second party's duty), not part of the first clause's object.
 */
function namedPartyBeforeModal(rest: string): ActorMatch | undefined {
  const m = /^([^，；。、]{2,12}?)(?=应当|必须|不得|可以|有权)/.exec(rest);
  if (!m) return undefined;
  const party = classifySubjectPhrase(m[1]);
  return party && party.actorType !== 'none' && party.length === m[1].length ? party : undefined;
}

function renumberClauses(units: Unit[]): Unit[] {
  let sentence = -1;
  let clause = 0;
  return units.map((u) => {
    if (u.sentence !== sentence) {
      sentence = u.sentence;
      clause = 0;
    }
    return { ...u, clause: clause++ };
  });
}

function unitsOf(ct: CompactText, from: number, ctx: Context): Unit[] {
  return renumberClauses(
    splitUnits(ct.compact, from).flatMap((u) => splitAtNewSubjects(ct.compact, u, ctx)),
  );
}

function contextOf(options: ExtractOptions): Context {
  return {
    kinds: options.departments ?? DEPARTMENT_KINDS,
    tier: (options.context ?? DEFAULT_TEXT_CONTEXT).tier,
    penalty: isPenaltyChapter(options.chapterTitle),
    general: options.generalChapter ?? true,
    coordinating: options.coordinatingDepartment,
    allocations: options.allocations ?? {},
  };
}

/**
 * Extract the statements of one article (duties, and the definitions, sanctions and other
 * provisions around them, each with its kind) and report clauses that state nothing.
 */
export function analyzeArticle(
  article: ArticleInput,
  options: ExtractOptions = {},
): ArticleAnalysis {
  const ctx = contextOf(options);
  const deployment = options.deploymentLevels ?? DEFAULT_DEPLOYMENT;
  const duties: ExtractedDuty[] = [];
  const skipped: SkippedText[] = [];
  const push = (r: UnitResult, where: Where, source: { text: string; offset: number }) =>
    duties.push(toDuty(ctx, deployment, r, where, source));

  for (const paragraph of article.paragraphs) {
    ctx.sentenceModal = undefined;
    ctx.recipient = undefined;
    ctx.applicant = undefined;
    ctx.leadIn = undefined;
    const ct = compactText(paragraph.text);
    const units = unitsOf(ct, headingLength(ct.compact), ctx);
    const last = units[units.length - 1];
    const leadInUnit = paragraph.items.length > 0 && last?.terminator === '：' ? last : undefined;
    let sequence = 0;
    let itemsSkipped: { rule: string; explanation: string } | undefined;

    for (const unit of units) {
      const s = ct.compact.slice(unit.start, unit.end);
      if (unit === leadInUnit) {
        const analysed = analyseUnit(ctx, s, unit, false);
        if (analysed.kind === 'skip') {
          itemsSkipped = { rule: analysed.rule, explanation: analysed.explanation };
          skipped.push({
            paragraph: paragraph.number,
            item: null,
            text: sourceSlice(ct, unit.start, unit.end).text,
            ...itemsSkipped,
          });
          continue;
        }
        const r = analysed.result;
        // The lead-in is a statement of its own only for what it states before the introducing
        // clause: 企业应当落实质量主体责任，推动开展以下质量促进活动： → 企业应当落实质量主体责任.
        const lastComma = Math.max(s.lastIndexOf('，'), s.lastIndexOf(','));
        const introducesOnly = lastComma < 0 || !INTRODUCER.test(s.slice(lastComma + 1));
        // A temporal or conditional clause (……进行查处时，可以行使下列职权：) states nothing.
        const body =
          introducesOnly ||
          r.kind.kind !== 'implementation' ||
          /(?:时|的|中|后|前)$/.test(s.slice(0, lastComma))
            ? undefined
            : analyseUnit(
                ctx,
                s.slice(0, lastComma),
                { ...unit, end: unit.start + lastComma },
                false,
              );
        ctx.leadIn = {
          actor: r.actor,
          source: r.source,
          modality: r.modality,
          modalText: r.modal?.text ?? displaySlice(ct, unit.start, unit.end),
          kind: r.kind.kind === 'implementation' ? undefined : r.kind,
          inferredFrom: r.inferredFrom,
        };
        if (body?.kind === 'duty' && body.result.subject.length > 0) {
          sequence += 1;
          push(
            {
              ...body.result,
              subjectCue: subjectCue(
                'subject.lead-in-body',
                body.result.subject,
                '引导语中引出各项之前的内容另行设定了职责',
              ),
            },
            { paragraph: paragraph.number, item: null, sequence },
            sourceSlice(ct, unit.start, unit.start + lastComma),
          );
        } else if (
          r.kind.kind !== 'implementation' &&
          paragraph.items.length > 0 &&
          r.actor.actorType === 'none'
        ) {
          // A definition or similar lead-in (下列用语的含义：) is itself the statement.
          sequence += 1;
          push(
            r,
            { paragraph: paragraph.number, item: null, sequence },
            sourceSlice(ct, unit.start, unit.end),
          );
        } else {
          skipped.push({
            paragraph: paragraph.number,
            item: null,
            text: sourceSlice(ct, unit.start, unit.end).text,
            rule: 'none.lead-in',
            explanation: '引导语仅引出各项，职责由各项承载',
          });
        }
        continue;
      }
      const analysed = analyseUnit(ctx, s, unit, false);
      if (analysed.kind === 'skip') {
        skipped.push({
          paragraph: paragraph.number,
          item: null,
          text: sourceSlice(ct, unit.start, unit.end).text,
          rule: analysed.rule,
          explanation: analysed.explanation,
        });
        continue;
      }
      sequence += 1;
      push(
        analysed.result,
        { paragraph: paragraph.number, item: null, sequence },
        sourceSlice(ct, unit.start, unit.end),
      );
    }

    for (const item of paragraph.items) {
      const ict = compactText(item.text);
      const itemUnits = unitsOf(ict, itemMarkerLength(ict.compact), ctx);
      let itemSequence = 0;
      ctx.sentenceModal = undefined;
      for (const unit of itemUnits) {
        const text = sourceSlice(ict, unit.start, unit.end).text;
        if (itemsSkipped) {
          skipped.push({ paragraph: paragraph.number, item: item.number, text, ...itemsSkipped });
          continue;
        }
        const analysed = analyseUnit(ctx, ict.compact.slice(unit.start, unit.end), unit, true);
        if (analysed.kind === 'skip') {
          skipped.push({
            paragraph: paragraph.number,
            item: item.number,
            text,
            rule: analysed.rule,
            explanation: analysed.explanation,
          });
          continue;
        }
        itemSequence += 1;
        push(
          analysed.result,
          { paragraph: paragraph.number, item: item.number, sequence: itemSequence },
          { text, offset: sourceSlice(ict, unit.start, unit.end).offset },
        );
      }
    }
    ctx.leadIn = undefined;
  }
  return { duties, skipped };
}

/** Extract the statements (职责与其他条款) of one article, in paragraph, item and sentence order. */
export function extractArticleDuties(
  article: ArticleInput,
  options: ExtractOptions = {},
): ExtractedDuty[] {
  return analyzeArticle(article, options).duties;
}

export { ALL_LEVELS };
