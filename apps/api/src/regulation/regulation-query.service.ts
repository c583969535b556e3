import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { diffArticles } from '@duty/regulation/parser';
import { DataSource } from 'typeorm';
import { AppError } from '../graphql/app-error';
import { RegulationArticle } from './entities/regulation-article.entity';
import { RegulationVersion } from './entities/regulation-version.entity';
import { Regulation } from './entities/regulation.entity';

@Injectable()
export class RegulationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<Regulation[]> {
    return this.dataSource.getRepository(Regulation).find({ order: { code: 'ASC' } });
  }

  byCode(code: string): Promise<Regulation | null> {
    return this.dataSource.getRepository(Regulation).findOne({ where: { code } });
  }

  versionById(id: string): Promise<RegulationVersion | null> {
    return this.dataSource.getRepository(RegulationVersion).findOne({ where: { id } });
  }

  async diff(versionId: string, againstVersionId?: string) {
    const to = await this.versionById(versionId);
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
    const [before, after] = await Promise.all([this.articles(from.id), this.articles(to.id)]);
    return { from, to, changes: diffArticles(before, after) };
  }

  async diffFromPrevious(versionId: string) {
    const version = await this.versionById(versionId);
    if (!version || version.versionNumber === 1) return null;
    return this.diff(versionId);
  }

  private articles(versionId: string) {
    return this.dataSource
      .getRepository(RegulationArticle)
      .find({ where: { versionId }, order: { number: 'ASC' } });
  }
}
