import type { Indicator, MeasureSpec, ScoringRules } from '@duty/assessment/scoring';
import type { PlanInForce, RankLevel } from '../assessment-scores';
import type { ShownScore } from '../assessment.service';

/**
 * The two assessment documents offices file and circulate, as plain data that the DOCX and the
 * XLSX writers lay out the same way:
 * - the unit's 考核评分表: one row per indicator (序号, 考核内容, 考核指标, 分值, 评分标准,
 *   得分, 情况说明), then the deductions, the bonus, the total, the grade and the rank, and
 *   the lines for signatures;
 * - the province's 考核结果表: one row per unit of a level, in rank order.
 * Pure: no database, no Nest.
 */

export const LEVEL_ZH: Record<RankLevel, string> = {
  province: '省级',
  prefecture: '市州',
  county: '县（市、区）',
};

export interface FormCycle {
  year: number;
  title: string;
}

export interface UnitFormRow {
  /** 序号: 1, 2, … in plan order within chapters. */
  no: number;
  /** 考核内容: the chapter the indicator belongs to (第三章 质量发展), on its first row. */
  chapter: string;
  indicator: string;
  /** 分值: the indicator's marks for this unit (after rescaling), two decimals. */
  marks: string;
  /** 评分标准 */
  criteria: string;
  /** 得分, two decimals. */
  earned: string;
  /** 情况说明: what the score rests on (task outcomes, the value reported). */
  note: string;
}

export interface UnitForm {
  title: string;
  unitName: string;
  unitCode: string;
  year: number;
  rows: UnitFormRow[];
  /** 扣分 lines, each with its points and reason. */
  deductions: Array<{ points: string; reason: string }>;
  /** 加分: applied of requested (capped by the plan). */
  bonus: { applied: string; requested: string };
  total: string;
  grade: string;
  rank: string;
  /** 实时 or 已固化（第 N 版）: a form printed from live scores says so. */
  state: string;
  /** The work items' rule, said once under the table. */
  rulesNote: string;
}

const fixed2 = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

const STATUS_ZH: Record<string, string> = {
  VERIFIED: '已核验',
  SUBMITTED: '已提交',
  RETURNED: '被退回',
  IN_PROGRESS: '推进中',
  NOT_STARTED: '未开始',
};

/** 第三章 质量发展 (chapter numbers in Chinese numerals, as the regulation writes them). */
export function chapterLabel(number: number, title: string | undefined): string {
  const label = `第${chineseNumber(number)}章`;
  return title ? `${label} ${title}` : label;
}

/** 1–99 in Chinese numerals (一, 十, 十二, 二十, 二十一). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}

/** The rule of a work item, said once: what share of marks each task outcome earns. */
export function workRulesNote(rules: ScoringRules): string {
  return (
    `职责类指标按所列职责任务的完成情况计分，每项任务得分比例：已核验 ${percent(rules.verified)}，` +
    `已提交待核验 ${percent(rules.submitted)}，推进中或被退回 ${percent(rules.returnedOrInProgress)}，` +
    `未开始 ${percent(rules.notStarted)}；年度结束时仍逾期的任务 ${percent(rules.overdueAtCycleEnd)}。` +
    '指标得分 = 分值 × 各项任务得分比例的平均值。'
  );
}

function measureCriteria(spec: MeasureSpec, level: RankLevel, unitCode: string): string {
  const unit = spec.unitOfMeasure;
  const override = spec.overrides?.find((o) => o.unitCode === unitCode);
  const target = override ?? spec.levels[level];
  if (!target) return '本级不考核此项';
  const better = spec.direction === 'higher' ? '不低于' : '不高于';
  const worse = spec.direction === 'higher' ? '低于' : '高于';
  switch (spec.scoring) {
    case 'threshold':
      return `${better}${target.target}${unit}得满分，否则不得分`;
    case 'linear':
      return (
        `${better}${target.target}${unit}得满分，${worse}${target.floor}${unit}不得分，` +
        '其间按比例计分'
      );
    case 'banded':
      return (spec.bands ?? [])
        .map((b) => {
          const range =
            b.min === null
              ? `${b.max}${unit}以下`
              : b.max === null
                ? `${b.min}${unit}及以上`
                : `${b.min}–${b.max}${unit}`;
          return `${range}得 ${b.points} 分`;
        })
        .join('；');
  }
}

/** The unit's 考核评分表 from its shown score (live or frozen) and the plan in force. */
export function unitForm(
  score: ShownScore,
  plan: PlanInForce,
  cycle: FormCycle,
  chapterTitles: Map<number, string>,
): UnitForm {
  const indicators = new Map<string, Indicator>(plan.plan.indicators.map((i) => [i.id, i]));
  const order = new Map(plan.plan.indicators.map((ind, i) => [ind.id, i]));
  const breakdown = [...score.breakdown].sort((a, b) => {
    const ia = indicators.get(a.indicatorId);
    const ib = indicators.get(b.indicatorId);
    return (
      (ia?.chapter ?? 0) - (ib?.chapter ?? 0) ||
      (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0)
    );
  });
  let lastChapter: number | null = null;
  const rows = breakdown.map((b, i): UnitFormRow => {
    const indicator = indicators.get(b.indicatorId);
    const chapter = indicator?.chapter ?? 0;
    const firstOfChapter = chapter !== lastChapter;
    lastChapter = chapter;
    let criteria: string;
    let note: string;
    if (b.measure && indicator?.measure) {
      const m = b.measure;
      criteria = measureCriteria(indicator.measure, score.level, score.code);
      const unit = indicator.measure.unitOfMeasure;
      note =
        m.value === null
          ? '未上报'
          : m.source === 'adjusted'
            ? `上报 ${m.reported ?? '—'}${unit}，核定 ${m.adjusted}${unit}`
            : `上报 ${m.value}${unit}`;
    } else {
      criteria = `按 ${b.tasks.length} 项职责任务完成情况计分`;
      const counts = new Map<string, number>();
      for (const t of b.tasks) {
        const key = t.rule === 'overdue' ? '逾期' : (STATUS_ZH[t.status] ?? t.status);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      note = [...counts].map(([label, count]) => `${label} ${count} 项`).join('，') || '无任务';
    }
    return {
      no: i + 1,
      chapter: firstOfChapter ? chapterLabel(chapter, chapterTitles.get(chapter)) : '',
      indicator: indicator?.name ?? b.indicatorId,
      marks: fixed2(b.marks),
      criteria,
      earned: fixed2(b.earned),
      note,
    };
  });
  return {
    title: `${score.unitName}${cycle.year}年度质量工作考核评分表`,
    unitName: score.unitName,
    unitCode: score.code,
    year: cycle.year,
    rows,
    deductions: score.deductions.map((d) => ({ points: fixed2(d.points), reason: d.reason })),
    bonus: { applied: fixed2(score.bonus.applied), requested: fixed2(score.bonus.requested) },
    total: fixed2(score.score),
    grade: score.grade,
    rank: `${LEVEL_ZH[score.level]}第 ${score.rank} 名`,
    state: score.frozen ? `已固化（第 ${score.resultSetVersion} 版）` : '实时计分（未固化）',
    rulesNote: workRulesNote(plan.plan.rules),
  };
}

export interface ResultTableRow {
  rank: number;
  unitName: string;
  unitCode: string;
  score: string;
  grade: string;
  /** 备注: the manual deductions' reasons, or that the unit had tasks found not applicable. */
  note: string;
}

export interface ResultTable {
  title: string;
  level: RankLevel;
  year: number;
  rows: ResultTableRow[];
  /** Units per grade, in the plan's band order (优秀 3，良好 5 …). */
  gradeCounts: Array<{ grade: string; count: number }>;
  state: string;
}

/** The province's 考核结果表 of one level, in rank order (ties keep their shared rank). */
export function resultTable(
  scores: ShownScore[],
  plan: PlanInForce,
  cycle: FormCycle,
  level: RankLevel,
): ResultTable {
  const rows = [...scores]
    .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code))
    .map((s): ResultTableRow => ({
      rank: s.rank,
      unitName: s.unitName,
      unitCode: s.code,
      score: fixed2(s.score),
      grade: s.grade,
      note: [
        ...s.deductions
          .filter((d) => !d.taskId)
          .map((d) => `扣 ${fixed2(d.points)} 分：${d.reason}`),
        s.notApplicableTasks > 0 ? `${s.notApplicableTasks} 项任务不适用` : '',
      ]
        .filter(Boolean)
        .join('；'),
    }));
  const gradeCounts = plan.plan.bands.map((band) => ({
    grade: band.grade,
    count: scores.filter((s) => s.grade === band.grade).length,
  }));
  const frozen = scores.length > 0 && scores.every((s) => s.frozen);
  return {
    title: `${cycle.year}年度质量工作考核结果（${LEVEL_ZH[level]}）`,
    level,
    year: cycle.year,
    rows,
    gradeCounts,
    state: frozen
      ? `已固化（第 ${scores[0].resultSetVersion} 版）`
      : '实时计分（未固化，仅供参考）',
  };
}
