import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { diffArticles, redline } from '@duty/regulation/parser';
import { DataSource, In } from 'typeorm';
import { jurisdictionOf, namedParams } from '../access/jurisdiction';
import type { Principal } from '../auth/principal';
import { isUuid } from '../common/uuid';
import { regulationInJurisdiction, regulationJurisdictionSql } from '../cycle/cycle-scope';
import { AppError } from '../graphql/app-error';
import { RegulationArticle } from './entities/regulation-article.entity';
import { RegulationVersion } from './entities/regulation-version.entity';
import { Regulation } from './entities/regulation.entity';

@Injectable()
export class RegulationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The regulations the caller sees, by code: the national ones (全国通用) and those owned by the
   * provinces of their jurisdiction (every one for the whole country).
   */
  list(principal: Principal | null): Promise<Regulation[]> {
    const { bind, params } = namedParams();
    return this.dataSource
      .getRepository(Regulation)
      .createQueryBuilder('r')
      .where(regulationJurisdictionSql(jurisdictionOf(principal), 'r', bind), params)
      .orderBy('r.code', 'ASC')
      .getMany();
  }

  /** The regulation, if the caller sees it (see `list`); null otherwise. */
  async byCode(principal: Principal | null, code: string): Promise<Regulation | null> {
    const regulation = await this.dataSource.getRepository(Regulation).findOne({ where: { code } });
    return regulation && regulationInJurisdiction(jurisdictionOf(principal), regulation)
      ? regulation
      : null;
  }

  /**
   * The version; with a principal, only of a regulation they see (null otherwise). Without one
   * (internal callers), any.
   */
  async versionById(id: string, principal?: Principal | null): Promise<RegulationVersion | null> {
    // Not a UUID: no version (PostgreSQL would answer an error, not an empty result).
    if (!isUuid(id)) return null;
    const version = await this.dataSource
      .getRepository(RegulationVersion)
      .findOne({ where: { id }, relations: principal !== undefined ? { regulation: true } : {} });
    if (!version || principal === undefined) return version;
    const visible =
      !!version.regulation &&
      regulationInJurisdiction(jurisdictionOf(principal), version.regulation);
    delete version.regulation;
    return visible ? version : null;
  }

  /** With a principal (GraphQL callers), only versions of regulations they see. */
  async diff(
    principal: Principal | null | undefined,
    versionId: string,
    againstVersionId?: string,
  ) {
    const { from, to } = await this.comparedVersions(principal, versionId, againstVersionId);
    const [before, after] = await Promise.all([this.articles(from.id), this.articles(to.id)]);
    return { from, to, changes: diffArticles(before, after) };
  }

  /** The version and the one it is compared with (default: the previous one), of one regulation. */
  private async comparedVersions(
    principal: Principal | null | undefined,
    versionId: string,
    againstVersionId?: string,
  ) {
    const to = await this.versionById(versionId, principal);
    if (!to) throw new AppError(ErrorCode.NOT_FOUND, '未找到该法规版本。');
    const from = againstVersionId
      ? await this.versionById(againstVersionId)
      : await this.dataSource.getRepository(RegulationVersion).findOne({
          where: { regulationId: to.regulationId, versionNumber: to.versionNumber - 1 },
        });
    if (!from) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        againstVersionId
          ? '未找到用于比较的法规版本。'
          : '这是该法规的第一个版本，没有可比较的上一版本。',
      );
    }
    if (from.regulationId !== to.regulationId) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '只能比较同一部法规的两个版本。');
    }
    return { from, to };
  }

  /**
   * Word-level redline of article `to` of a version against article(s) `from` of the version
   * compared with (default: the previous one). Several `from` articles (a merge) are read as one
   * text, in article order.
   */
  async articleRedline(
    principal: Principal | null,
    versionId: string,
    from: number[],
    to: number,
    againstVersionId?: string,
  ) {
    const sources = [...new Set(from)].sort((a, b) => a - b);
    if (sources.length < 1 || sources.length > 20) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请指定 1 至 20 条用于比较的旧条文。', {
        field: 'from',
      });
    }
    const { from: older, to: newer } = await this.comparedVersions(
      principal,
      versionId,
      againstVersionId,
    );
    const repo = this.dataSource.getRepository(RegulationArticle);
    const [oldArticles, newArticle] = await Promise.all([
      repo.find({ where: { versionId: older.id, number: In(sources) }, order: { number: 'ASC' } }),
      repo.findOne({ where: { versionId: newer.id, number: to } }),
    ]);
    const missing = sources.filter((n) => !oldArticles.some((a) => a.number === n));
    if (!newArticle || missing.length) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        !newArticle
          ? `第 ${newer.versionNumber} 版没有第 ${to} 条。`
          : `第 ${older.versionNumber} 版没有第 ${missing.join('、')} 条。`,
      );
    }
    const oldText = oldArticles.map((a) => a.text).join('\n');
    return {
      from: sources,
      to,
      oldText,
      newText: newArticle.text,
      segments: redline(oldText, newArticle.text),
    };
  }

  async diffFromPrevious(versionId: string) {
    const version = await this.versionById(versionId);
    if (!version || version.versionNumber === 1) return null;
    return this.diff(undefined, versionId);
  }

  private articles(versionId: string) {
    return this.dataSource
      .getRepository(RegulationArticle)
      .find({ where: { versionId }, order: { number: 'ASC' } });
  }
}
