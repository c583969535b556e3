import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/uuid';
import { Principal } from '../auth/principal';
import { jurisdictionOf, notFound, provinceInJurisdiction } from './jurisdiction';

/**
 * The province of each assessment cycle (考核年度), which never changes once the cycle exists,
 * read once and kept. It decides whether a cycle is there for a reader at all: a cycle of
 * another province answers like a missing one (NOT_FOUND), at the entry of every GraphQL
 * operation that names a cycle (AccessGuard) and in the HTTP routes that take one.
 */
@Injectable()
export class CycleProvinces {
  private readonly known = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** The cycle's province (XX0000); undefined when there is no such cycle. */
  async of(cycleId: string): Promise<string | undefined> {
    if (!isUuid(cycleId)) return undefined;
    const hit = this.known.get(cycleId);
    if (hit) return hit;
    const [row]: Array<{ province_code: string }> = await this.dataSource.query(
      `SELECT province_code FROM assessment_cycle WHERE id = $1`,
      [cycleId],
    );
    if (!row) return undefined; // not remembered: the cycle may be created later
    if (this.known.size >= 10_000) this.known.clear();
    this.known.set(cycleId, row.province_code);
    return row.province_code;
  }

  /**
   * NOT_FOUND when the cycle exists but belongs to a province outside the principal's
   * jurisdiction. A missing cycle passes: the operation itself answers for it.
   */
  async assertVisible(principal: Principal | null, cycleId: string): Promise<void> {
    const province = await this.of(cycleId);
    if (province && !provinceInJurisdiction(jurisdictionOf(principal), province)) {
      throw notFound('考核年度');
    }
  }
}

/**
 * The cycle ids an operation's arguments name: `cycleId` at the top, or in an argument object
 * (input, filter, selection …). Strings only; anything else is the operation's to validate.
 */
export function cycleIdsInArgs(args: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const take = (value: unknown) => {
    if (typeof value === 'string') ids.push(value);
  };
  for (const [key, value] of Object.entries(args ?? {})) {
    if (key === 'cycleId') take(value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      take((value as Record<string, unknown>).cycleId);
    }
  }
  return ids;
}
