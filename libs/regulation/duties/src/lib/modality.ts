/**
 * Modal verbs (情态动词) and the governing verbs 鼓励/支持/引导 that decide a duty's modality.
 */
import type { Cue, Modality } from './types';

export interface ModalMatch {
  modality: Modality;
  rule: string;
  /** The modal verb as written. */
  text: string;
  /** Offset of the verb in the searched text (after skipped adverbials). */
  offset: number;
  length: number;
  /** Whether the verb is dropped from `subject` (应当/必须/可以) or kept as the action (支持…). */
  strip: boolean;
  explanation: string;
}

interface ModalRule {
  re: RegExp;
  modality: Modality;
  rule: string;
  strip: boolean;
  explanation: (text: string) => string;
}

const MODAL_RULES: ModalRule[] = [
  {
    re: /^应当/,
    modality: 'mandatory',
    rule: 'modality.shall',
    strip: true,
    explanation: () => '“应当”表示义务，为强制性职责',
  },
  {
    re: /^必须/,
    modality: 'mandatory',
    rule: 'modality.must',
    strip: true,
    explanation: () => '“必须”表示义务，为强制性职责',
  },
  {
    re: /^(?:不得|禁止|严禁)/,
    modality: 'mandatory',
    rule: 'modality.shall-not',
    strip: false,
    explanation: (t) => `“${t}”为禁止性规定，按强制性职责处理`,
  },
  {
    re: /^应(?![当该用急对届聘征收付缴税有变时])/,
    modality: 'mandatory',
    rule: 'modality.shall',
    strip: true,
    explanation: () => '“应”（应当）表示义务，为强制性职责',
  },
  {
    re: /^(?:负责(?!人)|主管(?!人员|部门|机关|单位|的)|统一管理|统一负责|是[^，；。]{0,40}?的主管(?:部门|机关))/,
    modality: 'mandatory',
    rule: 'modality.responsible',
    strip: false,
    explanation: (t) => `“${t}”分配职责，为强制性职责`,
  },
  {
    re: /^有权/,
    modality: 'discretionary',
    rule: 'modality.entitled',
    strip: false,
    explanation: () => '“有权”表示授权，为可选择行使的权利',
  },
  {
    re: /^可以/,
    modality: 'discretionary',
    rule: 'modality.may',
    strip: true,
    explanation: () => '“可以”表示授权，为可选择履行的职责',
  },
  {
    // 可在……内申请, 可向……投诉 (convention 45): 可 before a preposition is the short form of 可以.
    re: /^可(?=在|向|按照|依照|依法|根据|自|于|从|由|通过|凭)/,
    modality: 'discretionary',
    rule: 'modality.may',
    strip: true,
    explanation: () => '“可”（可以）表示授权，为可选择履行的职责',
  },
  {
    re: /^鼓励(?:和支持|和引导|、支持|、引导|并支持|并引导|支持|引导)?/,
    modality: 'encouraged',
    rule: 'modality.encourage',
    strip: false,
    explanation: (t) => `支配动词为“${t}”，为鼓励性规定`,
  },
  {
    re: /^支持(?:和引导|、引导|并引导|和鼓励|、鼓励)?/,
    modality: 'encouraged',
    rule: 'modality.support',
    strip: false,
    explanation: (t) => `支配动词为“${t}”，为支持性（鼓励性）规定`,
  },
  {
    re: /^引导(?:和支持|、支持|并支持|和鼓励|、鼓励)?/,
    modality: 'encouraged',
    rule: 'modality.guide',
    strip: false,
    explanation: (t) => `支配动词为“${t}”，为引导性（鼓励性）规定`,
  },
  {
    re: /^允许/,
    modality: 'discretionary',
    rule: 'modality.permit',
    strip: false,
    explanation: () => '“允许”准许其后的主体为某种行为，为可选择的权利',
  },
  {
    re: /^(?:提倡|倡导)/,
    modality: 'encouraged',
    rule: 'modality.advocate',
    strip: false,
    explanation: (t) => `支配动词为“${t}”，为倡导性（鼓励性）规定`,
  },
];

/** Adverbials that may stand between the actor and the modal verb (…部门在各自职责范围内应当…). */
const ADVERBIAL =
  /^(?:依法|依照[^，；。]{0,30}?规定|按照[^，；。]{0,30}?(?:规定|分工|要求|章程|职责)|根据[^，；。]{0,40}?(?:需要|规定|要求|实际|需求|情况|规划)|在[^，；。]{0,30}?(?:范围内|职责内|中|方面|时|前|后)|结合[^，；。]{0,20}?(?:实际|情况)|(?:根据|按照|依照|依据|围绕|结合|针对|对于|为了)[^，；。]{1,50}?[，,]|(?:积极|主动|逐步|大力|进一步|切实|共同|加快|及时|定期|分别|均|都))[，,]?/;

/** Strong modal verbs: they govern the clause wherever they stand after the subject. */
const STRONG =
  /应当|必须|不得|禁止|严禁|可以|有权|负责(?!人)|主管(?!人员|部门|机关|单位|的)|统一管理|是(?=[^，；。]{0,40}?的主管(?:部门|机关))|应(?![当该用急对届聘征收付缴税有变时])|可(?=在|向|按照|依照|依法|根据|自|于|从|由|通过|凭)/g;
const NOT_MODAL_BEFORE = /[相响供适对反效呼答顺感理报承]$/;
/** Legal idioms that contain a modal word but set no duty: 知道或者应当知道. */
const NOT_MODAL_AFTER = /^(?:应当知道|应当承担的)/;

/**
 * The governing modal verb of a clause: at its start (after adverbials), or else the first strong
 * modal verb (应当、必须、不得、禁止、可以、有权、负责、主管) that is not inside a condition
 * (……不得……的，: a condition ends with 的 before a comma) nor inside a noun (相应, 供应).
 */
export function findModal(s: string): ModalMatch | undefined {
  const atStart = matchModal(s);
  if (atStart) return atStart;
  STRONG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STRONG.exec(s)) !== null) {
    if (NOT_MODAL_BEFORE.test(s.slice(0, m.index))) continue;
    if (NOT_MODAL_AFTER.test(s.slice(m.index))) continue;
    const segmentEnd = s.slice(m.index).search(/[，,；;。]/);
    const segment = segmentEnd < 0 ? s.slice(m.index) : s.slice(m.index, m.index + segmentEnd);
    if (/的$/.test(segment) && segmentEnd >= 0) continue;
    const found = matchModal(s.slice(m.index));
    if (found && found.offset === 0) return { ...found, offset: m.index };
  }
  return undefined;
}

/** The modal verb at the start of `s`, or after at most two adverbials. */
export function matchModal(s: string): ModalMatch | undefined {
  let offset = 0;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const rest = s.slice(offset);
    for (const r of MODAL_RULES) {
      const m = r.re.exec(rest);
      if (m) {
        return {
          modality: r.modality,
          rule: r.rule,
          text: m[0],
          offset,
          length: m[0].length,
          strip: r.strip,
          explanation: r.explanation(m[0]),
        };
      }
    }
    const adverbial = ADVERBIAL.exec(rest);
    if (!adverbial) return undefined;
    offset += adverbial[0].length;
  }
  return undefined;
}

export function modalCue(m: ModalMatch): Cue {
  return { field: 'modality', rule: m.rule, text: m.text, explanation: m.explanation };
}

/** Text after removing a stripped modal verb (adverbials before it are kept). */
export function withoutModal(s: string, m: ModalMatch | undefined): string {
  if (!m || !m.strip) return s;
  return s.slice(0, m.offset) + s.slice(m.offset + m.length);
}
