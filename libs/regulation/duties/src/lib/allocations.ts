/**
 * A text's own allocation clauses (职责分工条款): who it makes generally responsible, and which
 * department it names as deciding its sanctions. Statements that name no subject (「对……给予
 * 奖励」, 「……的，责令改正，处……罚款」) are attributed from these, never from another text.
 */
import { matchGovernmentActor, matchSubjectActor } from './actors';
import { isPenaltyChapter } from './statement-kind';
import { splitUnits } from './text';
import type {
  AdminLevel,
  AllocatedActor,
  Allocations,
  ArticleInput,
  DepartmentKind,
  JurisdictionTier,
} from './types';

export interface AllocationInput {
  chapterTitle?: string;
  article: ArticleInput;
}

/** The words by which a general clause allocates work: 负责、主管、领导、统筹、统一管理… */
const GENERAL_VERB =
  /负责|主管|领导|统筹|统一管理|监督管理|组织实施|协调|纳入[^，；。]{0,12}规划|加强[^，；。]{0,20}工作/;
/** 主管, 负责……监督管理, and 应当……做好本行政区域内的……监督工作 (the same allocation, older wording). */
const COMPETENT_VERB =
  /主管|负责[^，；。]{0,30}(?:监督管理|管理|工作)|统一管理|监督管理|做好[^，；。]{0,20}(?:监督|管理)[^，；。]{0,8}工作/;
/** 「……规定的行政处罚，由……部门决定」, 「……由……部门依照本法规定处罚」. */
const ENFORCER =
  /(?:行政处罚|处罚|罚款|法律责任)[^。；]{0,60}?由([^，；。]{2,60}?(?:部门|机关|人民政府))(?:按照|依照|依据|根据|在|决定|实施|给予|予以|依法|负责|作出)/;

function local(levels: readonly string[]): boolean {
  return levels.some((l) => l !== 'national');
}

function clauses(text: string): string[] {
  const compact = text
    .replace(/\s/g, '')
    .replace(/^第[零〇一二三四五六七八九十百千两0-9]+条(?:【[^】]*】)?/, '');
  return splitUnits(compact, 0).map((u) => compact.slice(u.start, u.end));
}

function allocated(
  actorText: string,
  article: number,
  paragraph: number,
  clause: string,
): AllocatedActor {
  return { actorText, article, paragraph, clause };
}

/**
 * Find the general-responsibility actor (the first local government clause of the general
 * chapter that allocates work), the competent department (the first local department that
 * 主管/负责…监督管理) and the enforcing department (named for sanctions, or else the competent
 * department). Only the first chapter (or the first ten articles of a text without chapters) is
 * searched for the general clause: that is where drafting practice puts it.
 */
export function findAllocations(
  articles: readonly AllocationInput[],
  kinds: readonly DepartmentKind[],
  tier: JurisdictionTier,
): Allocations {
  let general: AllocatedActor | undefined;
  let competent: AllocatedActor | undefined;
  let enforcement: AllocatedActor | undefined;
  const firstChapter = articles[0]?.chapterTitle;
  articles.forEach(({ chapterTitle, article }, index) => {
    const inGeneral = chapterTitle === firstChapter && index < 15;
    for (const paragraph of article.paragraphs) {
      for (const clause of clauses(paragraph.text)) {
        if (!enforcement || isPenaltyChapter(chapterTitle)) {
          const m = ENFORCER.exec(clause);
          if (m && !enforcement) {
            const actor = matchGovernmentActor(m[1], kinds, tier);
            if (actor)
              enforcement = allocated(actor.text, article.number, paragraph.number, clause);
          }
        }
        if (!inGeneral) continue;
        const actor = matchGovernmentActor(clause, kinds, tier);
        if (!actor || !local(actor.levels)) continue;
        const predicate = clause.slice(actor.length);
        if (
          !competent &&
          actor.actorType === 'department' &&
          actor.departments.length > 0 &&
          COMPETENT_VERB.test(predicate)
        ) {
          competent = allocated(actor.text, article.number, paragraph.number, clause);
        }
        if (!general && actor.actorType === 'government' && GENERAL_VERB.test(predicate)) {
          general = allocated(actor.text, article.number, paragraph.number, clause);
        }
      }
    }
  });
  // The whole allocating article counts: 市人民政府领导……；区、县人民政府负责…… → both levels.
  const widen = (found: AllocatedActor | undefined, type: 'government' | 'department') => {
    if (!found) return found;
    const entry = articles.find((a) => a.article.number === found.article);
    const first = matchGovernmentActor(found.actorText, kinds, tier);
    if (!entry || !first) return found;
    const levels = new Set<AdminLevel>(first.levels);
    for (const paragraph of entry.article.paragraphs) {
      for (const clause of clauses(paragraph.text)) {
        const actor = matchGovernmentActor(clause, kinds, tier);
        if (!actor || actor.actorType !== type || !GENERAL_VERB.test(clause.slice(actor.length)))
          continue;
        if (type === 'department' && !actor.departments.some((d) => first.departments.includes(d)))
          continue;
        // National bodies named beside the local ones do not widen a local allocation.
        actor.levels.filter((l) => l !== 'national').forEach((l) => levels.add(l));
      }
    }
    const ordered = LEVEL_ORDER.filter((l) => levels.has(l));
    return ordered.length > first.levels.length ? { ...found, levels: ordered } : found;
  };
  const widenedCompetent = widen(competent, 'department');
  return {
    general: widen(general, 'government') ?? widenedCompetent,
    competent: widenedCompetent,
    enforcement: enforcement ?? widenedCompetent,
    ...(tier === 'national' ? localDepartmentsOf(articles, kinds) : {}),
  };
}

/** A level word that names local governments (县级以上, 地方, 省级, 设区的市, 当地), in a national text. */
const LOCAL_LEVEL_WORD =
  /县级以上|各级|地方人民政府|省、自治区、直辖市|省级|设区的市|县级|当地|所在地/g;

/**
 * The department kinds a national text gives local work (a local level word before them), and
 * whether it names local 有关部门: see {@link Allocations.localDepartments}.
 */
function localDepartmentsOf(
  articles: readonly AllocationInput[],
  kinds: readonly DepartmentKind[],
): Pick<Allocations, 'localDepartments' | 'localUnnamedDepartments'> {
  const codes = new Set<string>();
  let unnamed = false;
  for (const { article } of articles) {
    for (const paragraph of article.paragraphs) {
      const texts = [paragraph.text, ...paragraph.items.map((i) => i.text)];
      for (const text of texts) {
        const compact = text.replace(/\s/g, '');
        for (const m of compact.matchAll(LOCAL_LEVEL_WORD)) {
          const actor = matchSubjectActor(compact.slice(m.index), kinds, 'national');
          if (!actor || !local(actor.levels) || !actor.actorTypes.includes('department')) continue;
          // 当地公安、交通运输等有关部门: the named kinds, and 有关部门 at large.
          actor.departments.forEach((c) => codes.add(c));
          if (/(?:有关|相关|其他)(?:主管)?部门/.test(actor.text)) unnamed = true;
        }
      }
    }
  }
  return { localDepartments: [...codes], localUnnamedDepartments: unnamed };
}

const LEVEL_ORDER: readonly AdminLevel[] = ['national', 'province', 'prefecture', 'county'];
