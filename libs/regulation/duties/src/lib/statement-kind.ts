/**
 * What a statement does (DutyKind), from the drafting formulas of Chinese legislation:
 * - 立法目的: 为了……，制定本法/本条例/本办法/本规定/本细则/本决定;
 * - 施行日期: 本法自……起施行; ……同时废止;
 * - 用语含义: 本法所称……是指……; ……是指……; 下列用语的含义;
 * - 适用范围 and referral: 本条例适用于……; ……不适用本法; 法律另有规定的，从其规定;
 * - 法律责任: administrative sanctions (责令改正、罚款、没收、吊销、警告、停业整顿、由……依法处罚)
 *   are enforcement; 依法追究刑事责任 / 承担民事（赔偿、连带）责任 / 依法给予处分 are liability;
 * - 不得/禁止: prohibitions; 坚持/遵循……: principles (other); the rest: implementation.
 */
import type { Cue, DutyKind } from './types';

/** 本法, 本条例, 本办法, 本规定, 本细则, 本决定, 本实施办法: how a text names itself. */
export const SELF_REFERENCE = '本(?:实施)?(?:法|条例|办法|规定|细则|决定|规则)';

interface KindRule {
  kind: DutyKind;
  rule: string;
  re: RegExp;
  explanation: string;
}

/** Kinds a whole statement has by its formula, whatever its subject. Checked in order. */
const FORMULA_KINDS: KindRule[] = [
  {
    kind: 'purpose',
    rule: 'kind.purpose',
    re: new RegExp(`^(?:为了?|根据|依据)[^。]*制定${SELF_REFERENCE}$`),
    explanation: '立法目的和依据条款（为了……，制定本法/本条例），不设定职责',
  },
  {
    kind: 'effective_date',
    rule: 'kind.effective-date',
    re: new RegExp(
      `^${SELF_REFERENCE}[^。，；]{0,40}(?:施行|生效)$|^[^。]{0,240}同时废止$|^[^。，；]{0,60}起施行$`,
    ),
    explanation: '施行日期或废止条款，不设定职责',
  },
  {
    kind: 'definition',
    rule: 'kind.definition',
    re: new RegExp(
      `^${SELF_REFERENCE}(?:中)?(?:所称|下列用语|所用|用语)|^[^，。；]{1,40}[，,]?(?:是指|系指)|^[^，。；]{1,40}的含义|^[^，。；]{1,30}的(?:重点|范围|内容|对象|种类|形式)(?:是|为|包括)[：:]?$|^(?![^。；]*(?:应当|可以|必须|不得|禁止|严禁|负责))[^，。；]{2,30}[，,]是(?!否)[^。；]{4,}$`,
    ),
    explanation: '用语含义条款（本法所称……是指……），不设定职责',
  },
  {
    kind: 'scope',
    rule: 'kind.scope',
    re: new RegExp(
      `^${SELF_REFERENCE}适用于|不适用${SELF_REFERENCE}|适用${SELF_REFERENCE}(?:的?有关|相关)?(?:规定)?$|^[^。；]{0,80}(?:遵守|执行)${SELF_REFERENCE}$|^[^。；]{0,60}另有规定的[，,]?(?:从其|依照其|按照其|依照|按照|适用)|^[^。；]{0,60}另有规定的[，,]?[^。；]{0,30}(?:执行|办理)$|^(?!.*(?:应当|可以|必须|不得|禁止|严禁))[^。；]*另有规定的除外$|^(?!.*(?:应当|可以|必须))[^。；]{0,80}(?:按照|依照|参照)[^，；。]{0,40}(?:规定|办法)(?:执行|办理)$|^[^。；]{0,40}(?:法律|法规|国家)[^。；]{0,40}(?:已有|有|已经)[^，；。]{0,10}规定[^，；。]{0,8}的[，,](?:适用其规定|从其规定|依照其规定|(?:依照|按照|适用)[^，；。]{0,60}?规定(?:执行|办理)?)$|^[^。；]{0,10}(?:法律|法规|国家)[^。；]{0,60}规定[^，；。]{0,40}的[，,](?:从其规定|依照其规定|按照其规定)(?:执行|办理)?$|^[^。；]{0,80}还适用[^，；。]{0,60}规定$`,
    ),
    explanation: '适用范围或与其他法律的衔接条款（……另有规定的，从其规定），不设定具体职责',
  },
  {
    kind: 'liability',
    rule: 'kind.liability-exemption',
    re: /不承担[^，；。]{0,8}责任|免除[^，；。]{0,8}责任|免予(?:追究)?[^，；。]{0,6}责任|免予追责|不作负面评价/,
    explanation: '免责条款（不承担……责任、免予追责）：法律责任的规则，不设定职责',
  },
  {
    kind: 'other',
    rule: 'kind.protected-right',
    re: /^[^。；]{0,60}受(?:法律|国家)?(?:依法)?保护$/,
    explanation: '宣示权益受法律保护，不设定具体职责',
  },
];

/** Administrative sanctions and orders against a violator (行政处罚与行政命令). */
export const SANCTION =
  /^(?:并处|并|可以|应当|依法|予以|由[^，；。]{0,50}?(?:部门|机关|人民政府|机构))*(?:责令|处以|处[^，；。]{0,40}?罚款|罚款|没收|吊销|暂扣|撤销[^，；。]{0,16}?(?:资格|许可|证|登记|执照|决定|认定)|暂停[^，；。]{0,10}?(?:资格|许可|业务|营业|生产|销售)|取消[^，；。]{0,12}?(?:资格|认定|称号)|警告|通报批评|停业整顿|停产停业|关闭|查封|扣押|给予(?:行政)?处罚|(?:依照|按照)[^，；。]{0,60}?(?:规定|法律|法)(?:的规定)?(?:予以|给予|进行)?(?:处罚|查处)|(?:依法)?(?:予以)?(?:处罚|查处)|禁止其|列入[^，；。]{0,16}?名单|记入[^，；。]{0,16}?(?:档案|记录))/;
const SANCTION_ANYWHERE =
  /(?:责令|罚款|没收|吊销|暂扣)(?![的所])|(?:给予|予以|依法|进行)(?:行政)?处罚|处罚$|查处$|停业整顿|停产停业|撤销[^，；。]{0,16}?(?:资格|许可|执照|认定)|取消[^，；。]{0,12}?资格/;
/** 「本法规定的行政处罚由……部门决定」: who exercises the power to sanction. */
const PENALTY_ALLOCATION =
  /(?:行政处罚|处罚)[^，；。]{0,40}?[，,]?由[^，；。]{2,50}?(?:决定|实施|作出|负责)/;

/** Legal consequence without an administrative measure: criminal, civil or disciplinary. */
const LIABILITY =
  /^(?:依法|并|还|应当)*(?:消除影响|恢复名誉|赔礼道歉|返还财产|停止侵害|支付违约金)|^(?:依法|并|还|应当|由[^，；。]{0,30}?)*(?:赔偿|恢复原状|折价赔偿|支付[^，；。]{0,60}?赔偿金|追究[^，；。]{0,10}?责任|承担[^，；。]{0,12}?(?:民事|赔偿|连带|刑事|法律)责任|(?:承担|负)[^，；。]{0,6}?(?:赔偿|连带)责任|给予[^，；。]{0,40}?处分|处分|赔偿[^，；。]{0,10}?损失|依照[^，；。]{0,40}?(?:追究|承担)[^，；。]{0,10}?责任)/;
const LIABILITY_ANYWHERE =
  /追究[^，；。]{0,10}?责任|(?:民事|赔偿|连带|刑事)责任|给予[^，；。]{0,40}?处分|(?:依法|予以)处分/;
/** A principle: the main verb is 坚持/遵循 or the statement names 原则/方针. */
const PRINCIPLE =
  /^(?:应当)?(?:坚持|遵循|贯彻|有利于)|^[^，；。]{0,16}(?:制定|工作|活动|标准)(?:应当|必须)?有利于|^[^，；。]{0,30}(?:应当)?(?:坚持|遵循)[^，；。]{0,60}(?:原则|方针)|^[^，；。]{0,20}(?:工作|事业|活动)[，,]?(?:应当|必须)?(?:面向|坚持|遵循|贯彻)|^全社会/;

export interface KindMatch {
  kind: DutyKind;
  cue: Cue;
}

function cue(rule: string, text: string, explanation: string): Cue {
  return { field: 'kind', rule, text, explanation };
}

/** The formula kinds (purpose, effective date, definition, scope) of a whole statement. */
export function formulaKind(s: string): KindMatch | undefined {
  for (const r of FORMULA_KINDS) {
    const m = r.re.exec(s);
    if (m) return { kind: r.kind, cue: cue(r.rule, m[0], r.explanation) };
  }
  return undefined;
}

/**
 * The predicate of a conditional statement: what follows its last condition (……的，). In
 * 「生产者……的，责令改正」 the condition names the violator; the predicate the sanction.
 */
export function afterConditions(s: string): { predicate: string; offset: number } {
  let offset = 0;
  const re = /的[，,]|的[；;]?$/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m.index + m[0].length < s.length) offset = m.index + m[0].length;
  }
  return { predicate: s.slice(offset), offset };
}

/**
 * Sanction or liability by the predicate: `predicate` is the text after the actor, modal verb
 * and conditions. In a 法律责任/罚则 chapter a sanction word anywhere in the predicate counts.
 */
export function consequenceKind(
  predicate: string,
  inPenaltyChapter: boolean,
  whole?: string,
): KindMatch | undefined {
  const p = predicate.replace(/^[，,]+/, '');
  const allocation = PENALTY_ALLOCATION.exec(whole ?? p);
  if (allocation) {
    return {
      kind: 'enforcement',
      cue: cue(
        'kind.enforcement-allocation',
        allocation[0],
        `“${allocation[0]}”分配行政处罚权（执法权力），不是实施任务`,
      ),
    };
  }
  const liability = LIABILITY.exec(p);
  if (liability) {
    return {
      kind: 'liability',
      cue: cue(
        'kind.liability',
        liability[0],
        `“${liability[0]}”为法律责任的承担（刑事、民事或处分），不是行政执法措施，也不设定实施任务`,
      ),
    };
  }
  const sanction = SANCTION.exec(p);
  if (sanction) {
    return {
      kind: 'enforcement',
      cue: cue(
        'kind.enforcement',
        sanction[0],
        `“${sanction[0]}”为对违法行为的处罚或责令措施（执法权力），不是实施任务`,
      ),
    };
  }
  if (inPenaltyChapter) {
    const any = SANCTION_ANYWHERE.exec(p);
    if (any) {
      return {
        kind: 'enforcement',
        cue: cue(
          'kind.enforcement-chapter',
          any[0],
          `法律责任章中的“${any[0]}”为处罚措施（执法权力），不是实施任务`,
        ),
      };
    }
    const liabilityAnywhere = LIABILITY_ANYWHERE.exec(p);
    if (liabilityAnywhere) {
      return {
        kind: 'liability',
        cue: cue(
          'kind.liability-chapter',
          liabilityAnywhere[0],
          `法律责任章中的“${liabilityAnywhere[0]}”为法律责任的承担`,
        ),
      };
    }
  }
  return undefined;
}

export function principleKind(predicate: string): KindMatch | undefined {
  const m = PRINCIPLE.exec(predicate);
  if (!m) return undefined;
  return {
    kind: 'other',
    cue: cue('kind.principle', m[0], `“${m[0]}”为原则或方针性规定，不设定具体实施任务`),
  };
}

export function implementationCue(text: string): Cue {
  return cue(
    'kind.implementation',
    text,
    '主体应当、可以或被鼓励实施的行为（职责、职权或倡导），不是处罚、禁止或定义',
  );
}

export function prohibitionCue(text: string): Cue {
  return cue('kind.prohibition', text, `“${text}”为禁止性规定`);
}

/** 法律责任, 罚则, 法律责任与奖惩…: chapters that hold a text's sanctions. */
export function isPenaltyChapter(title: string | undefined): boolean {
  return !!title && /法律责任|罚则|处罚/.test(title.replace(/\s/g, ''));
}
