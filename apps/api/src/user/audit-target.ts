import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AuditTargetKind {
  USER = 'USER',
  SESSION = 'SESSION',
  CYCLE = 'CYCLE',
  UNIT = 'UNIT',
  TASK = 'TASK',
  BULLETIN = 'BULLETIN',
  EVIDENCE = 'EVIDENCE',
  OTHER = 'OTHER',
}
registerEnumType(AuditTargetKind, { name: 'AuditTargetKind' });

/** One thing a security audit entry is about, with a readable name where one exists. */
@ObjectType('AuditTarget')
export class AuditTargetModel {
  @Field(() => AuditTargetKind)
  kind!: AuditTargetKind;

  @Field({ description: 'The stored identifier (username, id, code or hash).' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name for display: a person “name（office）”, a unit, cycle or bulletin title.',
  })
  name!: string | null;
}

const PREFIXES: Record<string, AuditTargetKind> = {
  user: AuditTargetKind.USER,
  session: AuditTargetKind.SESSION,
  cycle: AuditTargetKind.CYCLE,
  unit: AuditTargetKind.UNIT,
  task: AuditTargetKind.TASK,
  bulletin: AuditTargetKind.BULLETIN,
  sha256: AuditTargetKind.EVIDENCE,
};

/**
 * Splits a stored target (`user:enshi-zhou`, `session:<uuid>`, `cycle:<id> unit:<code>`,
 * `evidence sha256:<hex>` …) into its parts; text it does not recognise is one OTHER part.
 */
export function parseAuditTarget(
  target: string | null | undefined,
): Omit<AuditTargetModel, 'name'>[] {
  if (!target?.trim()) return [];
  const parts: Omit<AuditTargetModel, 'name'>[] = [];
  for (const token of target.trim().split(/\s+/)) {
    if (token === 'evidence') continue; // `evidence sha256:<hex>`
    const colon = token.indexOf(':');
    const kind = colon > 0 ? PREFIXES[token.slice(0, colon)] : undefined;
    if (kind && token.length > colon + 1) parts.push({ kind, id: token.slice(colon + 1) });
    else return [{ kind: AuditTargetKind.OTHER, id: target.trim() }];
  }
  return parts;
}
