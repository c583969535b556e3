/**
 * Rules-based, explainable extraction of duties (职责) from one article (条). The rules and the
 * judgement calls behind them are documented in README.md; every field of every duty carries at
 * least one {@link Cue} naming the rule that chose it.
 */
import {
  type ActorMatch,
  defaultGovernmentActor,
  describeLevels,
  matchDepartmentTail,
  matchPartyList,
  matchSubjectActor,
} from './actors';
import { DEFAULT_LEAD_DEPARTMENT_CODE, DEPARTMENT_KINDS } from './departments';
import { type ModalMatch, matchModal, modalCue, withoutModal } from './modality';
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
  ArticleInput,
  Cue,
  DepartmentKind,
  ExtractOptions,
  ExtractedDuty,
  Modality,
} from './types';

/** A sentence or clause that states no duty, and why (for reviewers and tests). */
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

interface NonObligationRule {
  re: RegExp;
  rule: string;
  explanation: string;
}

/** Statements that are not obligations: purpose, basis, scope, definitions, principles, dates. */
const NON_OBLIGATIONS: NonObligationRule[] = [
  {
    re: /^为了.*制定本(?:条例|办法|规定)$/,
    rule: 'none.purpose',
    explanation: '立法目的和依据条款（为了……制定本条例），不设定职责',
  },
  {
    re: /^根据.*制定本(?:条例|办法|规定)$/,
    rule: 'none.purpose',
    explanation: '立法依据条款（根据……制定本条例），不设定职责',
  },
  {
    re: /^本(?:条例|办法|规定)(?:适用于|所称|中)|适用本(?:条例|办法|规定)/,
    rule: 'none.scope',
    explanation: '适用范围或用语定义条款，不设定职责',
  },
  {
    re: /^本(?:条例|办法|规定)自.*(?:施行|生效)$/,
    rule: 'none.effective-date',
    explanation: '施行日期条款，不设定职责',
  },
  {
    re: /同时废止$/,
    rule: 'none.repeal',
    explanation: '废止条款，不设定职责',
  },
  {
    re: /^[\u4e00-\u9fff]{0,12}(?:工作|活动)(?:应当)?(?:坚持|遵循)/,
    rule: 'none.principle',
    explanation: '基本原则条款（……工作坚持……），主语不是履职主体，不设定具体职责',
  },
];

/** The last clause of a lead-in that only introduces the items (推动开展以下质量促进活动：). */
const INTRODUCER = /以下|下列|如下/;
const ASSISTING = /^(?:会同|配合|协同|联合)/;
const ENCOURAGE_RULE = 'modality.encourage';

interface CarriedActor {
  actor: ActorMatch;
}

interface Context {
  kinds: readonly DepartmentKind[];
  /** Last explicit subject in the article (鼓励 parties are objects, not subjects). */
  carried?: CarriedActor;
  /** Governing modal of the current sentence, inherited by its ；-clauses. */
  sentenceModal?: { sentence: number; modal: ModalMatch };
  /** For items: the lead-in's actor and modality. */
  leadIn?: { actor: ActorMatch; modality: Modality; modalText: string };
}

interface UnitResult {
  actor: ActorMatch;
  source: ActorSource;
  modality: Modality;
  modalityCue: Cue;
  subject: string;
  subjectCue: Cue;
  modal?: ModalMatch;
}

type Analysed =
  { kind: 'duty'; result: UnitResult } | { kind: 'skip'; rule: string; explanation: string };

function actorCue(source: ActorSource, actor: ActorMatch): Cue {
  const text = actor.text;
  switch (source) {
    case 'explicit':
      return {
        field: 'actor',
        rule: 'actor.explicit',
        text,
        explanation: `句首主语“${text}”为履职主体`,
      };
    case 'encouraged-party':
      return {
        field: 'actor',
        rule: 'actor.encouraged-party',
        text,
        explanation: `“鼓励${text}……”：被鼓励从事该行为的“${text}”为主体`,
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
    case 'default':
      return {
        field: 'actor',
        rule: 'actor.default-general',
        text,
        explanation: `本条未写明主体；第四条规定质量促进工作由县级以上人民政府负责，推定为“${text}”，需人工确认`,
      };
  }
}

function declarativeCue(text: string): Cue {
  return {
    field: 'modality',
    rule: 'modality.no-modal-verb',
    text,
    explanation:
      '无“应当/必须/可以/鼓励/支持/引导”等情态或支配动词，为宣示性规定（一般按强制性职责跟踪）',
  };
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
  if (unit.clause > 0 && sm && sm.sentence === unit.sentence) {
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

function fallbackActor(ctx: Context): { actor: ActorMatch; source: ActorSource } {
  if (ctx.leadIn) return { actor: ctx.leadIn.actor, source: 'lead-in' };
  if (ctx.carried) return { actor: ctx.carried.actor, source: 'previous' };
  return { actor: defaultGovernmentActor(ctx.kinds), source: 'default' };
}

function subjectCue(rule: string, text: string, explanation: string): Cue {
  return { field: 'subject', rule, text, explanation };
}

function analyseUnit(ctx: Context, s: string, unit: Unit, isItem: boolean): Analysed {
  for (const n of NON_OBLIGATIONS) {
    if (n.re.test(s)) return { kind: 'skip', rule: n.rule, explanation: n.explanation };
  }
  // 1. An explicit subject at the start of the clause.
  const explicit = matchSubjectActor(s, ctx.kinds);
  if (explicit) {
    const rest = s.slice(explicit.length);
    if (trimPunctuation(rest).length === 0) {
      return { kind: 'skip', rule: 'none.actor-only', explanation: '只有主体，没有职责事项' };
    }
    ctx.carried = { actor: explicit };
    const modal = matchModal(rest);
    const subject = trimPunctuation(withoutModal(rest, modal));
    if (modal && modal.strip) ctx.sentenceModal = { sentence: unit.sentence, modal };
    return {
      kind: 'duty',
      result: {
        actor: explicit,
        source: 'explicit',
        modality: modal ? modal.modality : 'declarative',
        modalityCue: modal ? modalCue(modal) : declarativeCue(s),
        subject,
        subjectCue: subjectCue(
          modal?.strip ? 'subject.after-modal' : 'subject.after-actor',
          subject,
          modal?.strip
            ? `主语“${explicit.text}”和“${modal.text}”之后的内容为职责事项`
            : `主语“${explicit.text}”之后的内容为职责事项`,
        ),
        modal,
      },
    };
  }
  const modal = matchModal(s);
  // 2. 鼓励 X …: X is the party encouraged to act.
  if (modal && modal.rule === ENCOURAGE_RULE) {
    const partyAt = modal.offset + modal.length;
    const party = matchPartyList(s.slice(partyAt));
    if (party) {
      const subject = trimPunctuation(s.slice(partyAt + party.length));
      return {
        kind: 'duty',
        result: {
          actor: party,
          source: 'encouraged-party',
          modality: modal.modality,
          modalityCue: modalCue(modal),
          subject,
          subjectCue: subjectCue(
            'subject.after-encouraged-party',
            subject,
            `“${modal.text}${party.text}”之后的内容为被鼓励的行为`,
          ),
          modal,
        },
      };
    }
  }
  // 3. No subject: the actor is inherited (lead-in, previous subject, or the general default).
  const { actor, source } = fallbackActor(ctx);
  if (modal) {
    if (modal.strip) ctx.sentenceModal = { sentence: unit.sentence, modal };
    const subject = trimPunctuation(withoutModal(s, modal));
    return {
      kind: 'duty',
      result: {
        actor,
        source,
        modality: modal.modality,
        modalityCue: modalCue(modal),
        subject,
        subjectCue: subjectCue(
          modal.strip ? 'subject.after-modal' : 'subject.whole-clause',
          subject,
          modal.strip
            ? `“${modal.text}”之后的内容为职责事项`
            : `本句无主语，整句（含“${modal.text}”）为职责事项`,
        ),
        modal,
      },
    };
  }
  const inherited = inheritedModality(ctx, unit, s);
  const subject = trimPunctuation(s);
  return {
    kind: 'duty',
    result: {
      actor,
      source,
      modality: inherited.modality,
      modalityCue: inherited.cue,
      subject,
      subjectCue: isItem
        ? subjectCue('subject.item', subject, '项的内容为职责事项')
        : subjectCue('subject.whole-clause', subject, '本句无主语，整句为职责事项'),
    },
  };
}

function assistingDepartments(
  subject: string,
  kinds: readonly DepartmentKind[],
): { codes: string[]; cues: Cue[] } {
  const m = ASSISTING.exec(subject);
  if (!m) return { codes: [], cues: [] };
  const tail = matchDepartmentTail(subject.slice(m[0].length), kinds);
  if (!tail) return { codes: [], cues: [] };
  const text = subject.slice(0, m[0].length + tail.length);
  return {
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

function suggestedLead(governmentDuty: boolean, departments: string[]): string | null {
  if (!governmentDuty) return null;
  if (departments.length === 1) return departments[0];
  if (departments.length === 0 || departments.includes(DEFAULT_LEAD_DEPARTMENT_CODE)) {
    return DEFAULT_LEAD_DEPARTMENT_CODE;
  }
  return departments[0];
}

function toDuty(
  r: UnitResult,
  where: { paragraph: number; item: number | null; sequence: number },
  source: { text: string; offset: number },
  kinds: readonly DepartmentKind[],
): ExtractedDuty {
  const governmentDuty = r.actor.actorType === 'government' || r.actor.actorType === 'department';
  const assisting = governmentDuty
    ? assistingDepartments(r.subject, kinds)
    : { codes: [], cues: [] };
  const departments = [...r.actor.departments];
  const cues: Cue[] = [
    actorCue(r.source, r.actor),
    ...r.actor.cues,
    r.modalityCue,
    ...assisting.cues,
    r.subjectCue,
  ];
  if (governmentDuty && r.actor.levels.length > 0 && !cues.some((c) => c.field === 'levels')) {
    cues.push({
      field: 'levels',
      rule: 'levels.inherited',
      text: r.actor.text,
      explanation: `层级随主体确定：${describeLevels(r.actor.levels)}`,
    });
  }
  return {
    paragraph: where.paragraph,
    item: where.item,
    sequence: where.sequence,
    text: source.text,
    offset: source.offset,
    actorText: tidy(r.actor.text),
    actorType: r.actor.actorType,
    actorTypes: [...r.actor.actorTypes],
    actorSource: r.source,
    levels: governmentDuty ? [...r.actor.levels] : [],
    modality: r.modality,
    departments,
    assistingDepartments: assisting.codes.filter((c) => !departments.includes(c)),
    unrecognisedDepartments: [...r.actor.unrecognisedDepartments],
    suggestedLeadDepartment: suggestedLead(governmentDuty, departments),
    subject: tidy(r.subject),
    governmentDuty,
    inheritedActor: r.source === 'previous' || r.source === 'lead-in' || r.source === 'default',
    cues,
  };
}

/**
 * Split a unit at a comma that starts a new subject with its own modal verb
 * (……，企业应当……): one sentence, two duties. Commas under one subject stay together, so
 * `应当推行…，鼓励、支持构建…` remains a single mandatory duty governed by 应当.
 */
function splitAtNewSubjects(compact: string, unit: Unit, kinds: readonly DepartmentKind[]): Unit[] {
  const parts: Unit[] = [];
  let start = unit.start;
  for (let i = unit.start + 1; i < unit.end; i += 1) {
    if (compact[i] !== '，' && compact[i] !== ',') continue;
    const rest = compact.slice(i + 1, unit.end);
    const actor = matchSubjectActor(rest, kinds);
    if (!actor) continue;
    const modal = matchModal(rest.slice(actor.length));
    if (!modal) continue;
    parts.push({ ...unit, start, end: i });
    start = i + 1;
  }
  parts.push({ ...unit, start });
  return parts;
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

function unitsOf(ct: CompactText, from: number, kinds: readonly DepartmentKind[]): Unit[] {
  return renumberClauses(
    splitUnits(ct.compact, from).flatMap((u) => splitAtNewSubjects(ct.compact, u, kinds)),
  );
}

/**
 * Extract duties and report the sentences that state none (with the rule that excluded them).
 */
export function analyzeArticle(
  article: ArticleInput,
  options: ExtractOptions = {},
): ArticleAnalysis {
  const kinds = options.departments ?? DEPARTMENT_KINDS;
  const ctx: Context = { kinds };
  const duties: ExtractedDuty[] = [];
  const skipped: SkippedText[] = [];

  for (const paragraph of article.paragraphs) {
    ctx.sentenceModal = undefined;
    ctx.leadIn = undefined;
    const ct = compactText(paragraph.text);
    const units = unitsOf(ct, headingLength(ct.compact), kinds);
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
        // The lead-in is a duty of its own only for what it states before the introducing clause:
        // 企业应当落实质量主体责任，推动开展以下质量促进活动： → 企业应当落实质量主体责任.
        const lastComma = Math.max(s.lastIndexOf('，'), s.lastIndexOf(','));
        const introducesOnly = lastComma < 0 || !INTRODUCER.test(s.slice(lastComma + 1));
        const body = introducesOnly
          ? undefined
          : analyseUnit(
              ctx,
              s.slice(0, lastComma),
              { ...unit, end: unit.start + lastComma },
              false,
            );
        // From here on, the items inherit the lead-in's actor and modality.
        const r = analysed.result;
        ctx.leadIn = {
          actor: r.actor,
          modality: r.modality,
          modalText: r.modal?.text ?? displaySlice(ct, unit.start, unit.end),
        };
        if (body?.kind === 'duty' && body.result.subject.length > 0) {
          sequence += 1;
          duties.push(
            toDuty(
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
              kinds,
            ),
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
      duties.push(
        toDuty(
          analysed.result,
          { paragraph: paragraph.number, item: null, sequence },
          sourceSlice(ct, unit.start, unit.end),
          kinds,
        ),
      );
    }

    for (const item of paragraph.items) {
      const ict = compactText(item.text);
      const itemUnits = unitsOf(ict, itemMarkerLength(ict.compact), kinds);
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
        duties.push(
          toDuty(
            analysed.result,
            { paragraph: paragraph.number, item: item.number, sequence: itemSequence },
            { text, offset: sourceSlice(ict, unit.start, unit.end).offset },
            kinds,
          ),
        );
      }
    }
    ctx.leadIn = undefined;
  }
  return { duties, skipped };
}

/** Extract the duties (职责) stated in one article, in paragraph, item and sentence order. */
export function extractArticleDuties(
  article: ArticleInput,
  options: ExtractOptions = {},
): ExtractedDuty[] {
  return analyzeArticle(article, options).duties;
}
