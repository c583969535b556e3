import { comparableRegulationTitle, ParsedRegulation } from '@duty/regulation/parser';
import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { AppError } from '../graphql/app-error';
import { RegulationVersion } from './entities/regulation-version.entity';
import { Regulation } from './entities/regulation.entity';
import { ImportRegulationInput } from './regulation-import.types';

/**
 * Another law's text imported under an existing code would silently become that regulation's
 * next version (and inherit its reviews), so a title that differs from the regulation's —
 * ignoring 《》, whitespace and 草案/修订草案 suffixes — needs `confirmTitleChange`. The latest
 * version's title counts too, so that a confirmed rename is not asked about again.
 */
export async function checkTitleChange(
  manager: EntityManager,
  input: ImportRegulationInput,
  parsed: ParsedRegulation,
): Promise<void> {
  if (input.confirmTitleChange || parsed.title === undefined) return;
  // Locked as importParsed will lock it, so that a concurrent import cannot rename in between.
  const regulation = await manager
    .createQueryBuilder(Regulation, 'r')
    .setLock('pessimistic_write')
    .where('r.code = :code', { code: input.code })
    .getOne();
  // A regulation first imported without a title is stored under its code: nothing to compare.
  if (!regulation || regulation.title === input.code) return;
  const latest = await manager.findOne(RegulationVersion, {
    where: { regulationId: regulation.id },
    order: { versionNumber: 'DESC' },
  });
  const newTitle = comparableRegulationTitle(parsed.title);
  const known = [regulation.title, latest?.title].filter((t): t is string => t !== undefined);
  if (known.some((t) => comparableRegulationTitle(t) === newTitle)) return;
  throw new AppError(
    ErrorCode.VALIDATION_FAILED,
    `第${parsed.titleLine ?? 1}行：新文本的标题“${parsed.title}”与法规代码 ${input.code} 已有的标题“${regulation.title}”不一致。` +
      '如确为该法规的新版本（例如修订后更名），请确认标题变更后重新导入；否则请检查法规代码或所选文件。',
    {
      field: 'title',
      line: parsed.titleLine ?? 1,
      storedTitle: regulation.title,
      newTitle: parsed.title,
    },
  );
}
