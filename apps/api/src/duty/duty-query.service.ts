import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { jurisdictionOf, namedParams } from '../access/jurisdiction';
import type { Principal } from '../auth/principal';
import { containsPattern, offsetPage } from '../common/query-helpers';
import {
  assertRegulationInJurisdiction,
  regulationJurisdictionSql,
  visibleRegulation,
} from '../cycle/cycle-scope';
import { AppError } from '../graphql/app-error';
import { DutyFilterInput, PageInput } from './dto/duty.inputs';
import { Duty } from './duty.entity';

/** Latest version of every regulation. */
export const LATEST_VERSIONS_SQL = `SELECT DISTINCT ON (regulation_id) id FROM regulation_version ORDER BY regulation_id, version_number DESC`;

/**
 * The duty register with filters, in regulation order (article, paragraph, item, sequence).
 * With a principal (GraphQL callers), only duties of the regulations they see: national ones and
 * those of their provinces. A version or regulation code they do not see is NOT_FOUND, as a
 * missing one is; without a filter naming one, the others' regulations are simply not listed.
 * Without a principal (internal callers), every regulation's.
 */
@Injectable()
export class DutyQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    filter: DutyFilterInput = {},
    page: PageInput = { first: 100, offset: 0 },
    principal?: Principal | null,
  ) {
    return offsetPage(await this.filtered(filter, principal), page);
  }

  /** Every duty matching the filter (for exports; bounded by the size of a regulation). */
  async all(filter: DutyFilterInput = {}, principal?: Principal | null): Promise<Duty[]> {
    return (await this.filtered(filter, principal)).getMany();
  }

  /** With a principal, null for a duty of a regulation they do not see, as for a missing one. */
  async findById(id: string, principal?: Principal | null): Promise<Duty | null> {
    if (
      principal !== undefined &&
      !(await visibleRegulation(this.dataSource.manager, principal, { dutyId: id }))
    ) {
      return null;
    }
    return this.dataSource.getRepository(Duty).findOne({ where: { id } });
  }

  private async filtered(
    filter: DutyFilterInput,
    principal: Principal | null | undefined,
  ): Promise<SelectQueryBuilder<Duty>> {
    if (principal !== undefined) {
      // Named explicitly: answered like a missing version or code (the same error).
      if (filter.versionId) {
        await assertRegulationInJurisdiction(
          this.dataSource.manager,
          principal,
          { versionId: filter.versionId },
          () => new AppError(ErrorCode.NOT_FOUND, '未找到该法规版本。'),
        );
      } else if (filter.regulationCode) {
        const code = filter.regulationCode;
        await assertRegulationInJurisdiction(
          this.dataSource.manager,
          principal,
          { code },
          () => new AppError(ErrorCode.NOT_FOUND, `未找到代码为“${code}”的法规。`),
        );
      }
    }
    const q = this.dataSource
      .getRepository(Duty)
      .createQueryBuilder('d')
      .innerJoin('regulation_article', 'a', 'a.id = d.article_id')
      .innerJoin('regulation_chapter', 'c', 'c.id = a.chapter_id')
      .innerJoin('regulation_paragraph', 'p', 'p.id = d.paragraph_id')
      .orderBy('a.number', 'ASC')
      .addOrderBy('p.number', 'ASC')
      .addOrderBy('d.item_number', 'ASC')
      .addOrderBy('d.sequence', 'ASC');
    if (filter.versionId) {
      q.andWhere('d.version_id = :versionId', { versionId: filter.versionId });
    } else if (filter.regulationCode) {
      q.andWhere(
        `d.version_id = (SELECT v.id FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
                          WHERE r.code = :code ORDER BY v.version_number DESC LIMIT 1)`,
        { code: filter.regulationCode },
      );
    } else {
      q.andWhere(`d.version_id IN (${LATEST_VERSIONS_SQL})`);
      // A named version or code was checked above; the latest versions of every regulation are
      // narrowed to the ones the caller sees.
      if (principal !== undefined) {
        const { bind, params } = namedParams();
        const visible = regulationJurisdictionSql(jurisdictionOf(principal), 'r', bind);
        q.andWhere(
          `EXISTS (SELECT 1 FROM regulation_version sv JOIN regulation r ON r.id = sv.regulation_id
                    WHERE sv.id = d.version_id AND ${visible})`,
          params,
        );
      }
    }
    if (filter.levels?.length) q.andWhere('d.levels && :levels::text[]', { levels: filter.levels });
    if (filter.modalities?.length)
      q.andWhere('d.modality IN (:...modalities)', { modalities: filter.modalities });
    if (filter.actorTypes?.length)
      q.andWhere('d.actor_type IN (:...actorTypes)', { actorTypes: filter.actorTypes });
    if (filter.kinds?.length) q.andWhere('d.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.needsReview !== undefined && filter.needsReview !== null)
      q.andWhere('d.needs_review = :needsReview', { needsReview: filter.needsReview });
    if (filter.reviewStates?.length) {
      q.andWhere('d.review_state IN (:...reviewStates)', { reviewStates: filter.reviewStates });
    }
    if (filter.departmentCodes?.length) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM duty_department dd WHERE dd.duty_id = d.id AND dd.department_code IN (:...departmentCodes))',
        { departmentCodes: filter.departmentCodes },
      );
    }
    if (filter.chapterNumbers?.length)
      q.andWhere('c.number IN (:...chapters)', { chapters: filter.chapterNumbers });
    if (filter.articleNumbers?.length)
      q.andWhere('a.number IN (:...articles)', { articles: filter.articleNumbers });
    if (filter.tracked !== undefined && filter.tracked !== null)
      q.andWhere('d.tracked = :tracked', { tracked: filter.tracked });
    if (filter.governmentOnly) q.andWhere('d.government_duty');
    if (filter.search?.trim()) {
      const like = containsPattern(filter.search);
      q.andWhere('(d.text ILIKE :like OR d.subject ILIKE :like OR d.actor_text ILIKE :like)', {
        like,
      });
    }
    return q;
  }
}
