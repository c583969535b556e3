import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import {
  DutyKind,
  DEPARTMENT_KINDS,
  extractRegulationDuties,
  ExtractedDuty,
  Modality,
  RegulationExtraction,
} from '@duty/regulation/duties';
import {
  Article,
  diffArticles,
  isRegulationParseError,
  normalizeForComparison,
  parseRegulation,
  ParsedRegulation,
} from '@duty/regulation/parser';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionOf, notFound } from '../access/jurisdiction';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { provinceForAction, regulationInJurisdiction } from '../cycle/cycle-scope';
import { syncDepartmentKinds } from '../department/department-kinds.sync';
import { Duty } from '../duty/duty.entity';
import { DutyDepartment } from '../duty/duty-department.entity';
import { NewDutyEvent, recordDutyEvents } from '../duty/duty-events';
import { initialDepartments, initialTracked } from '../duty/duty-defaults';
import { DUTY_KINDS } from '../duty/duty.types';
import { isIsoDate } from '../common/iso-date';
import { AppError } from '../graphql/app-error';
import { RegulationArticle } from './entities/regulation-article.entity';
import { RegulationChapter } from './entities/regulation-chapter.entity';
import { RegulationItem } from './entities/regulation-item.entity';
import { RegulationParagraph } from './entities/regulation-paragraph.entity';
import { RegulationSection } from './entities/regulation-section.entity';
import { RegulationVersion } from './entities/regulation-version.entity';
import { Regulation } from './entities/regulation.entity';
import {
  expirePendingMappings,
  storeMappingSuggestions,
} from '../duty-mapping/duty-mapping-import';
import { carryOverReviews } from './carry-over';
import { ImportRegulationInput, ImportRegulationResult } from './regulation-import.types';
import { checkTitleChange } from './title-change';

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/;
const MAX_TEXT_LENGTH = 2_000_000;

/**
 * Imports a regulation text as a new version: parse, store the structure, extract duties,
 * diff against the previous version, carry reviewed duties over where a paragraph is
 * unchanged and suggest mappings for the duties of reworded articles. All in one transaction: a failed import leaves nothing behind.
 */
@Injectable()
export class RegulationImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * With `principal` (an import through the API), the owner is theirs to decide: a provincial
   * supervisor's imports are their province's regulations (naming another is FORBIDDEN); a system
   * administrator may name one of the deployment's provinces (default: national for a new
   * regulation, the stored owner for a new version).
   */
  async import(
    input: ImportRegulationInput,
    principal?: Principal,
  ): Promise<ImportRegulationResult> {
    validateInput(input);
    const parsed = parseOrFail(input.text);
    const sha256 = createHash('sha256').update(input.text, 'utf8').digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const owned =
        principal && (principal.role === Role.PROVINCIAL_SUPERVISOR || input.ownerProvinceCode)
          ? {
              ...input,
              ownerProvinceCode: await provinceForAction(
                manager,
                principal,
                input.ownerProvinceCode,
                { what: '导入法规', fallback: 'national' },
              ),
            }
          : input;
      // Before the title: another owner's regulation is not compared with.
      const existing = await manager.findOne(Regulation, { where: { code: input.code } });
      if (existing) checkOwner(existing, owned, principal);
      await checkTitleChange(manager, owned, parsed);
      return importParsed(manager, owned, parsed, sha256, principal);
    });
  }
}

function validateInput(input: ImportRegulationInput): void {
  if (!CODE_PATTERN.test(input.code)) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `法规代码“${input.code}”无效：只能使用小写字母、数字和连字符（3–100 个字符），例如 hubei-quality-promotion。`,
      { field: 'code' },
    );
  }
  if (input.effectiveDate !== null && !isIsoDate(input.effectiveDate)) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `施行日期“${input.effectiveDate}”无效，应为 YYYY-MM-DD 格式的日期。`,
      { field: 'effectiveDate' },
    );
  }
  if (input.text.length > MAX_TEXT_LENGTH) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, '法规文本过长（超过 200 万字符）。', {
      field: 'text',
    });
  }
}

function parseOrFail(text: string): ParsedRegulation {
  try {
    return parseRegulation(text);
  } catch (error) {
    if (isRegulationParseError(error)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, error.message, {
        field: 'text',
        line: error.line,
        parseError: error.code,
      });
    }
    throw error;
  }
}

async function importParsed(
  manager: EntityManager,
  input: ImportRegulationInput,
  parsed: ParsedRegulation,
  sha256: string,
  principal: Principal | undefined,
): Promise<ImportRegulationResult> {
  const versionTitle = parsed.title ?? input.code;
  const regulation = await lockRegulation(
    manager,
    input.code,
    versionTitle,
    input.ownerProvinceCode ?? null,
  );
  checkOwner(regulation, input, principal);
  const previous = await manager.findOne(RegulationVersion, {
    where: { regulationId: regulation.id },
    order: { versionNumber: 'DESC' },
  });
  if (previous && previous.sourceSha256 === sha256) {
    return summarizeExisting(manager, regulation, previous);
  }

  await syncDepartmentKinds(manager);
  const coordinatingDepartment = await coordinatingDepartmentOf(manager, regulation, input);
  // Pure and fast (well under a second for a 40 KB law): the kind of text and its allocation
  // clauses are stored on the version, the duties once the structure has ids.
  const extraction = extractRegulationDuties(parsed, {
    coordinatingDepartment: coordinatingDepartment ?? undefined,
  });
  const version = manager.create(RegulationVersion, {
    id: randomUUID(),
    regulationId: regulation.id,
    versionNumber: (previous?.versionNumber ?? 0) + 1,
    status: input.status,
    effectiveDate: input.effectiveDate,
    title: versionTitle,
    sourceText: input.text,
    sourceSha256: sha256,
    parseWarnings: parsed.warnings.map((w) => ({ code: w.code, line: w.line, message: w.message })),
    textKind: extraction.context.kind,
    jurisdictionTier: extraction.context.tier,
    textContext: {
      evidence: extraction.context.evidence,
      explanation: extraction.context.explanation,
    },
    allocations: extraction.allocations,
    importedBy: input.importedBy,
  });
  await manager.insert(RegulationVersion, version);

  const stored = await storeStructure(manager, version.id, parsed);
  const extracted = storeDuties(stored, extraction, input.importedBy);
  await insertInChunks(manager, Duty, extracted.duties);
  await insertInChunks(manager, DutyDepartment, extracted.departments);
  await recordDutyEvents(manager, extracted.events);

  let carriedOver = 0;
  let mappingSuggestions = 0;
  let changes: ImportRegulationResult['changes'] = [];
  if (previous) {
    const previousArticles = await manager.find(RegulationArticle, {
      where: { versionId: previous.id },
      order: { number: 'ASC' },
    });
    changes = diffArticles(previousArticles, stored.articles);
    carriedOver = await carryOverReviews(manager, {
      previousVersionId: previous.id,
      nextVersionId: version.id,
      changes,
      actor: input.importedBy,
    });
    // Reworded articles: a supervisor decides which old duty each new one continues.
    await expirePendingMappings(manager, previous.id, input.importedBy);
    mappingSuggestions = await storeMappingSuggestions(manager, {
      previousVersionId: previous.id,
      nextVersionId: version.id,
      changes,
    });
  }
  const summary = await summarizeVersion(manager, regulation, version, false);
  return {
    ...summary,
    carriedOver,
    mappingSuggestions,
    changes,
    warnings: version.parseWarnings,
  };
}

/**
 * The coordinating department for this import: the one given (validated against the department
 * kinds, stored on the regulation for later versions), else the stored one.
 */
async function coordinatingDepartmentOf(
  manager: EntityManager,
  regulation: Regulation,
  input: ImportRegulationInput,
): Promise<string | null> {
  if (input.coordinatingDepartment === undefined) return regulation.coordinatingDepartment;
  const code = input.coordinatingDepartment;
  if (code !== null && !DEPARTMENT_KINDS.some((k) => k.code === code)) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `牵头协调部门“${code}”不是已知的部门类别代码（见部门类别列表，例如 market_regulation）。`,
      { field: 'coordinatingDepartment' },
    );
  }
  await manager.update(Regulation, { id: regulation.id }, { coordinatingDepartment: code });
  return code;
}

/**
 * An import names the owner it expects (a provincial supervisor's: their province): a regulation
 * code of another owner is refused, the owner never changes by import. A code of a province's
 * regulation outside the importer's jurisdiction is NOT_FOUND, as for every other operation on
 * it: the answer does not tell that it exists (a national one's refusal is unchanged).
 */
function checkOwner(
  regulation: Regulation,
  input: ImportRegulationInput,
  principal?: Principal,
): void {
  if (principal && !regulationInJurisdiction(jurisdictionOf(principal), regulation)) {
    throw new AppError(ErrorCode.NOT_FOUND, notFound('法规').message, { field: 'code' });
  }
  if (input.ownerProvinceCode === undefined) return;
  if (regulation.ownerProvinceCode === input.ownerProvinceCode) return;
  const message =
    regulation.ownerProvinceCode === null
      ? `法规代码“${input.code}”已用于全国通用的法规，不能作为省级法规导入；全国通用法规的新版本由系统管理员导入。`
      : input.ownerProvinceCode === null
        ? `法规代码“${input.code}”已用于省级法规，不能作为全国通用法规导入。`
        : `法规代码“${input.code}”已用于其他省份的法规，请使用其他法规代码。`;
  throw new AppError(ErrorCode.VALIDATION_FAILED, message, { field: 'code' });
}

/** Finds or creates the regulation and locks its row so concurrent imports number versions in turn. */
async function lockRegulation(
  manager: EntityManager,
  code: string,
  title: string,
  ownerProvinceCode: string | null,
): Promise<Regulation> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(Regulation)
    .values({ code, title: title.replace(/[（(]草案[)）]$/, ''), ownerProvinceCode })
    .orIgnore()
    .execute();
  return manager
    .createQueryBuilder(Regulation, 'r')
    .setLock('pessimistic_write')
    .where('r.code = :code', { code })
    .getOneOrFail();
}

interface StoredStructure {
  chapters: RegulationChapter[];
  sections: RegulationSection[];
  articles: RegulationArticle[];
  paragraphs: RegulationParagraph[];
  items: RegulationItem[];
  parsedArticles: Array<{ parsed: Article; row: RegulationArticle }>;
  paragraphRows: Map<string, RegulationParagraph>;
  itemRows: Map<string, RegulationItem>;
}

async function storeStructure(
  manager: EntityManager,
  versionId: string,
  parsed: ParsedRegulation,
): Promise<StoredStructure> {
  const s: StoredStructure = {
    chapters: [],
    sections: [],
    articles: [],
    paragraphs: [],
    items: [],
    parsedArticles: [],
    paragraphRows: new Map(),
    itemRows: new Map(),
  };
  for (const chapter of parsed.chapters) {
    const chapterRow = manager.create(RegulationChapter, {
      id: randomUUID(),
      versionId,
      number: chapter.number,
      title: chapter.title,
      line: chapter.line,
    });
    s.chapters.push(chapterRow);
    const sectionIds = new Map<number, string>();
    for (const section of chapter.sections ?? []) {
      const row = manager.create(RegulationSection, {
        id: randomUUID(),
        chapterId: chapterRow.id,
        number: section.number,
        title: section.title,
        line: section.line,
      });
      sectionIds.set(section.number, row.id);
      s.sections.push(row);
    }
    for (const article of chapter.articles) {
      const articleRow = manager.create(RegulationArticle, {
        id: randomUUID(),
        versionId,
        chapterId: chapterRow.id,
        sectionId:
          article.sectionNumber !== undefined
            ? (sectionIds.get(article.sectionNumber) ?? null)
            : null,
        number: article.number,
        title: article.title ?? null,
        text: article.text,
        fingerprint: normalizeForComparison(article.text),
        line: article.line,
      });
      s.articles.push(articleRow);
      s.parsedArticles.push({ parsed: article, row: articleRow });
      for (const paragraph of article.paragraphs) {
        const paragraphRow = manager.create(RegulationParagraph, {
          id: randomUUID(),
          articleId: articleRow.id,
          number: paragraph.number,
          text: paragraph.text,
          fingerprint: normalizeForComparison(
            [paragraph.text, ...paragraph.items.map((i) => i.text)].join('\n'),
          ),
          line: paragraph.line,
        });
        s.paragraphs.push(paragraphRow);
        s.paragraphRows.set(`${article.number}:${paragraph.number}`, paragraphRow);
        for (const item of paragraph.items) {
          const itemRow = manager.create(RegulationItem, {
            id: randomUUID(),
            paragraphId: paragraphRow.id,
            number: item.number,
            marker: item.marker,
            // Sub-items (目) stay with their item: the item is the smallest tracked unit.
            text: [item.text, ...item.subItems.map((sub) => sub.text)].join('\n'),
            line: item.line,
          });
          s.items.push(itemRow);
          s.itemRows.set(`${article.number}:${paragraph.number}:${item.number}`, itemRow);
        }
      }
    }
  }
  await insertInChunks(manager, RegulationChapter, s.chapters);
  await insertInChunks(manager, RegulationSection, s.sections);
  await insertInChunks(manager, RegulationArticle, s.articles);
  await insertInChunks(manager, RegulationParagraph, s.paragraphs);
  await insertInChunks(manager, RegulationItem, s.items);
  return s;
}

function storeDuties(stored: StoredStructure, extraction: RegulationExtraction, actor: string) {
  const duties: Duty[] = [];
  const departments: DutyDepartment[] = [];
  const events: NewDutyEvent[] = [];
  const rows = new Map(stored.parsedArticles.map(({ row }) => [row.number, row]));
  for (const article of extraction.articles) {
    const row = rows.get(article.number);
    if (!row) continue;
    for (const extracted of article.duties) {
      const paragraph = stored.paragraphRows.get(`${article.number}:${extracted.paragraph}`);
      if (!paragraph) continue;
      const item =
        extracted.item === null
          ? undefined
          : stored.itemRows.get(`${article.number}:${extracted.paragraph}:${extracted.item}`);
      const duty = newDuty(row, paragraph, item, extracted);
      duties.push(duty);
      departments.push(...initialDepartments(duty.id, extracted));
      events.push({
        dutyId: duty.id,
        kind: 'extracted',
        actor,
        before: null,
        after: { ...duty.extracted, tracked: duty.tracked },
      });
    }
  }
  return { duties, departments, events };
}

function newDuty(
  article: RegulationArticle,
  paragraph: RegulationParagraph,
  item: RegulationItem | undefined,
  d: ExtractedDuty,
): Duty {
  const id = randomUUID();
  return {
    id,
    lineageId: id,
    versionId: article.versionId,
    articleId: article.id,
    paragraphId: paragraph.id,
    itemId: item?.id ?? null,
    itemNumber: d.item ?? 0,
    sequence: d.sequence,
    text: d.text,
    subject: d.subject,
    actorText: d.actorText,
    actorType: d.actorType,
    levels: d.levels,
    modality: d.modality,
    kind: d.kind,
    needsReview: d.needsReview,
    governmentDuty: d.governmentDuty,
    tracked: initialTracked(d),
    reviewState: 'extracted',
    cues: d.cues,
    extracted: {
      kind: d.kind,
      actorText: d.actorText,
      actorType: d.actorType,
      levels: d.levels,
      modality: d.modality,
      departments: d.departments,
      assistingDepartments: d.assistingDepartments,
      subject: d.subject,
      inheritedActor: d.inheritedActor,
      actorSource: d.actorSource,
      needsReview: d.needsReview,
    },
    reviewedBy: null,
    reviewedAt: null,
    carriedFromId: null,
    rowVersion: 1,
  } as unknown as Duty;
}

/** PostgreSQL takes at most 65535 parameters per statement. */
async function insertInChunks<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: T[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await manager.insert(entity, rows.slice(i, i + size) as never);
  }
}

async function summarizeExisting(
  manager: EntityManager,
  regulation: Regulation,
  version: RegulationVersion,
): Promise<ImportRegulationResult> {
  const summary = await summarizeVersion(manager, regulation, version, true);
  return {
    ...summary,
    carriedOver: 0,
    mappingSuggestions: 0,
    changes: [],
    warnings: version.parseWarnings,
  };
}

/** Counts straight from the database, so the summary reports what is stored. */
async function summarizeVersion(
  manager: EntityManager,
  regulation: Regulation,
  version: RegulationVersion,
  alreadyImported: boolean,
): Promise<
  Omit<ImportRegulationResult, 'carriedOver' | 'mappingSuggestions' | 'changes' | 'warnings'>
> {
  const [counts] = await manager.query(
    `SELECT
       (SELECT count(*) FROM regulation_chapter WHERE version_id = $1)::int AS chapters,
       (SELECT count(*) FROM regulation_section s JOIN regulation_chapter c ON c.id = s.chapter_id WHERE c.version_id = $1)::int AS sections,
       (SELECT count(*) FROM regulation_article WHERE version_id = $1)::int AS articles,
       (SELECT count(*) FROM regulation_paragraph p JOIN regulation_article a ON a.id = p.article_id WHERE a.version_id = $1)::int AS paragraphs,
       (SELECT count(*) FROM regulation_item i JOIN regulation_paragraph p ON p.id = i.paragraph_id JOIN regulation_article a ON a.id = p.article_id WHERE a.version_id = $1)::int AS items,
       (SELECT count(*) FROM duty WHERE version_id = $1)::int AS duties,
       (SELECT count(*) FROM duty WHERE version_id = $1 AND government_duty)::int AS "governmentDuties",
       (SELECT count(*) FROM duty WHERE version_id = $1 AND tracked)::int AS "trackedDuties",
       (SELECT count(*) FROM duty WHERE version_id = $1 AND needs_review)::int AS "needsReview"`,
    [version.id],
  );
  const byModality: Array<{ modality: Modality; count: number }> = await manager.query(
    `SELECT modality, count(*)::int AS count FROM duty WHERE version_id = $1 GROUP BY modality`,
    [version.id],
  );
  const dutiesByModality: Record<Modality, number> = {
    mandatory: 0,
    encouraged: 0,
    discretionary: 0,
    declarative: 0,
  };
  for (const row of byModality) dutiesByModality[row.modality] = row.count;
  const byKind: Array<{ kind: DutyKind; count: number }> = await manager.query(
    `SELECT kind, count(*)::int AS count FROM duty WHERE version_id = $1 GROUP BY kind`,
    [version.id],
  );
  const dutiesByKind = Object.fromEntries(DUTY_KINDS.map((k) => [k, 0])) as Record<
    DutyKind,
    number
  >;
  for (const row of byKind) dutiesByKind[row.kind] = row.count;
  return {
    regulationId: regulation.id,
    versionId: version.id,
    versionNumber: version.versionNumber,
    alreadyImported,
    title: version.title,
    textKind: version.textKind,
    tier: version.jurisdictionTier,
    ...counts,
    dutiesByModality,
    dutiesByKind,
  };
}
