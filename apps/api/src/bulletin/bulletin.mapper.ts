import { bulletinDocument } from './bulletin-content';
import { Bulletin } from './bulletin.entity';
import {
  BulletinBlockKind,
  BulletinModel,
  BulletinPeriodKindEnum,
  BulletinStatusEnum,
} from './dto/bulletin.models';

/** The API's view of a bulletin row: its content model and the document both renderers use. */
export function toBulletinModel(b: Bulletin): BulletinModel {
  const c = b.content;
  const doc = bulletinDocument(c);
  return {
    id: b.id,
    scopeUnitCode: b.scopeUnitCode,
    scopeUnitName: c.scope.name,
    cycleId: b.cycleId,
    periodKind: b.periodKind as BulletinPeriodKindEnum,
    period: c.period.key,
    periodLabel: c.period.label,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    asOf: b.asOf,
    title: b.title,
    status: b.status as BulletinStatusEnum,
    number: b.number,
    sha256: b.sha256,
    size: b.size,
    generatedBy: b.generatedBy,
    generatedAt: b.generatedAt,
    publishedBy: b.publishedBy,
    publishedAt: b.publishedAt,
    rowVersion: b.rowVersion,
    downloadPath: `/api/bulletins/${b.id}.docx`,
    issuingBody: c.issuingBody,
    addressee: c.addressee,
    intro: c.intro,
    requirements: c.requirements,
    summary: {
      tasks: c.summary.tasks,
      verified: c.summary.verified,
      submitted: c.summary.submitted,
      overdue: c.summary.overdue,
      completionRate: c.summary.completionRate,
      elapsedFraction: c.summary.elapsedFraction,
      unitsBehind: c.summary.unitsBehind,
    },
    goodPractices: c.goodPractices,
    document: {
      ...doc,
      blocks: doc.blocks.map((block) =>
        block.kind === 'TABLE'
          ? {
              kind: BulletinBlockKind.TABLE,
              text: null,
              columns: block.columns,
              rows: block.rows,
              numeric: block.numeric,
            }
          : {
              kind: block.kind as BulletinBlockKind,
              text: block.text,
              columns: null,
              rows: null,
              numeric: null,
            },
      ),
    },
  };
}
