import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { jurisdictionOf } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { assertCycleInJurisdiction, currentCycleId } from '../cycle/cycle-scope';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { shanghaiDate } from '../common/iso-date';
import { AppError } from '../graphql/app-error';
import {
  WorkbenchItemKind,
  WorkbenchItemModel,
  WorkbenchModel,
  WorkbenchSectionKey as K,
  WorkbenchSectionModel,
} from './dto/workbench.models';
import { addDays, DUE_SOON_DAYS, SectionInput, sectionSql } from './workbench-sql';

const SUPERVISOR_SECTIONS: readonly K[] = [
  K.REVIEW_QUEUE,
  K.EXTENSION_REQUESTS,
  K.REASSIGNMENT_REQUESTS,
  K.NOT_APPLICABLE_REQUESTS,
  K.URGING_UNANSWERED,
  K.BEHIND_SCHEDULE,
];

/** The sections of each business role, in the order the page shows them. */
export const SECTIONS_BY_ROLE: Partial<Record<Role, readonly K[]>> = {
  [Role.COUNTY_OPERATOR]: [
    K.URGING_TO_ANSWER,
    K.RETURNED_TASKS,
    K.OVERDUE_TASKS,
    K.DUE_SOON_TASKS,
    K.AWAITING_ACKNOWLEDGEMENT,
    K.UNANSWERED_COMMENTS,
  ],
  [Role.PREFECTURE_SUPERVISOR]: SUPERVISOR_SECTIONS,
  [Role.PROVINCIAL_SUPERVISOR]: SUPERVISOR_SECTIONS,
  [Role.AUDITOR]: [K.RECENT_PACKS, K.INTEGRITY_PROBLEMS],
  [Role.NATIONAL_SUPERVISOR]: [K.RECENT_PACKS, K.INTEGRITY_PROBLEMS],
};

/** Items per section on the workbench, and the most one page of a full list may hold. */
export const DEFAULT_FIRST = 5;
export const MAX_FIRST = 100;

interface CycleRef {
  id: string;
  title: string;
}

type Row = Record<string, unknown>;

/**
 * The workbench (工作台): each business role's to-do list. One SQL statement per section
 * (workbench-sql.ts) counts the whole list and returns its first items, inside the caller's
 * jurisdiction; every card links to the full list, whose length is the count.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async workbench(
    principal: Principal,
    cycleId: string | null | undefined,
    first: number,
  ): Promise<WorkbenchModel> {
    checkFirst(first);
    const keys = SECTIONS_BY_ROLE[principal.role as Role] ?? [];
    const cycle = await this.cycle(principal, cycleId);
    const today = this.today();
    const sections = await Promise.all(
      keys.map((key) => this.section(principal, key, cycle, today, first, 0)),
    );
    return { cycleId: cycle?.id ?? null, cycleTitle: cycle?.title ?? null, today, sections };
  }

  /** One section in full, a page at a time (the list behind `/workbench/<key>`). */
  async fullSection(
    principal: Principal,
    key: K,
    cycleId: string | null | undefined,
    first: number,
    offset: number,
  ): Promise<WorkbenchSectionModel> {
    checkFirst(first);
    if (!Number.isInteger(offset) || offset < 0) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '偏移量须为不小于 0 的整数。', {
        fields: { offset: 'invalid' },
      });
    }
    if (!(SECTIONS_BY_ROLE[principal.role as Role] ?? []).includes(key)) {
      throw new AppError(ErrorCode.FORBIDDEN, '您的角色没有该工作台栏目。');
    }
    const cycle = await this.cycle(principal, cycleId);
    return this.section(principal, key, cycle, this.today(), first, offset);
  }

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  /**
   * The cycle asked for (NOT_FOUND when absent or another province's), else the caller's
   * current one: the newest open cycle of their provinces, else the newest.
   */
  private async cycle(
    principal: Principal,
    cycleId: string | null | undefined,
  ): Promise<CycleRef | null> {
    const id = cycleId
      ? (await assertCycleInJurisdiction(this.dataSource.manager, principal, cycleId)).id
      : await currentCycleId(this.dataSource.manager, principal);
    if (!id) return null;
    const [row] = await this.dataSource.query<CycleRef[]>(
      `SELECT id, title FROM assessment_cycle WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  private async section(
    principal: Principal,
    key: K,
    cycle: CycleRef | null,
    today: string,
    limit: number,
    offset: number,
  ): Promise<WorkbenchSectionModel> {
    const input: SectionInput = {
      jurisdiction: jurisdictionOf(principal),
      verifierPrefecture: principal.role === Role.PREFECTURE_SUPERVISOR ? principal.unitCode : null,
      userId: principal.userId,
      unitCode: principal.unitCode,
      departmentId: principal.departmentId,
      cycleId: cycle?.id ?? null,
      today,
      now: this.clock.now(),
      limit,
      offset,
    };
    const statement = sectionSql(key, input);
    const [row] = await this.dataSource.query<Array<{ total: number; items: Row[] }>>(
      statement.sql,
      statement.params,
    );
    return {
      key,
      count: Number(row.total),
      items: row.items.map((item) => toItem(item, cycle?.id ?? null)),
      today,
      link: sectionLink(key, cycle?.id ?? null, today),
    };
  }
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `每页条数须在 1 到 ${MAX_FIRST} 之间。`, {
      fields: { first: 'invalid' },
    });
  }
}

/** A query string of the defined values, e.g. `?cycleId=…&status=RETURNED`. */
function query(params: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Where the full list of a section lives (its count is the length of that list). */
export function sectionLink(key: K, cycleId: string | null, today: string): string {
  switch (key) {
    case K.RETURNED_TASKS:
      return `/tasks${query({ cycleId, status: 'RETURNED' })}`;
    case K.OVERDUE_TASKS:
      return `/tasks${query({ cycleId, overdue: '1' })}`;
    case K.DUE_SOON_TASKS:
      // The task list's dueAfter / dueBefore are exclusive: today … today + 14 inclusive.
      return `/tasks${query({
        cycleId,
        status: 'NOT_STARTED,IN_PROGRESS,RETURNED',
        dueAfter: addDays(today, -1),
        dueBefore: addDays(today, DUE_SOON_DAYS + 1),
      })}`;
    case K.REVIEW_QUEUE:
      return `/review${query({ cycleId })}`;
    case K.BEHIND_SCHEDULE:
      return `/overview${query({ cycleId })}#overview-behind-schedule`;
    default:
      return `/workbench/${key}${query({ cycleId })}`;
  }
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Where one item's work is done. */
function itemLink(kind: WorkbenchItemKind, r: Row, cycleId: string | null): string {
  switch (kind) {
    case WorkbenchItemKind.UNIT:
      return `/units/${encodeURIComponent(String(r.unitCode))}${query({ cycleId })}`;
    case WorkbenchItemKind.EVIDENCE_PACK:
      return `/evidence${query({ cycleId: str(r.cycleId), unitCode: str(r.unitCode) })}`;
    case WorkbenchItemKind.STORAGE_CHECK:
      return '/evidence';
    case WorkbenchItemKind.CHAIN_BREAK:
      return r.note === 'task_event' ? '/task-log' : '/evidence';
    default:
      return `/tasks/${String(r.taskId)}`;
  }
}

function toItem(r: Row, cycleId: string | null): WorkbenchItemModel {
  const kind = r.kind as WorkbenchItemKind;
  return {
    id: String(r.id),
    kind,
    link: itemLink(kind, r, cycleId),
    taskId: str(r.taskId),
    unitCode: str(r.unitCode),
    unitName: str(r.unitName),
    articleNumber: num(r.articleNumber),
    articleTitle: str(r.articleTitle),
    dutySubject: str(r.dutySubject),
    departmentName: str(r.departmentName),
    toDepartmentName: str(r.toDepartmentName),
    reference: str(r.reference),
    colour: str(r.colour),
    acknowledged:
      r.acknowledged === null || r.acknowledged === undefined ? null : Boolean(r.acknowledged),
    status: str(r.status),
    dueDate: str(r.dueDate),
    targetDate: str(r.targetDate),
    at: r.at ? new Date(String(r.at)) : null,
    actor: str(r.actor),
    note: str(r.note),
    total: num(r.total),
    verified: num(r.verified),
    completionRate: num(r.completionRate),
    expected: num(r.expected),
  };
}
