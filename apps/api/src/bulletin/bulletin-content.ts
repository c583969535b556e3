/**
 * The content model of a 情况通报 and the document it reads as. Pure: no Nest, no database.
 *
 * `BulletinContent` is what is stored (jsonb) — the figures as of the period's end and the
 * supervisor's texts. `bulletinDocument` turns it into an ordered list of blocks (headings,
 * paragraphs, tables); the browser preview and the DOCX builder both render those blocks, so
 * what is previewed is what is written.
 */

export type PeriodKind = 'MONTH' | 'QUARTER';

export interface BulletinPeriod {
  kind: PeriodKind;
  /** 2026-11 or 2026-Q4. */
  key: string;
  start: string;
  end: string;
  /** 2026年11月份 / 2026年第四季度 */
  label: string;
  year: number;
}

export interface BulletinUnitRow {
  code: string;
  name: string;
  /** The scope unit's own tasks (省本级 / 州本级): shown, not ranked. */
  self: boolean;
  tasks: number;
  verified: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  returned: number;
  overdue: number;
  completionRate: number;
  /** 1-based rank among the non-self rows with tasks; null otherwise. */
  rank: number | null;
  behind: boolean;
  /** Completion the unit should have reached (threshold × elapsed share). */
  expected: number;
}

export interface BulletinUrgingRow {
  code: string;
  name: string;
  blue: number;
  orange: number;
  red: number;
  /** Issued in the period and not answered by its end. */
  unanswered: number;
}

export interface BulletinOverdueTask {
  taskId: string;
  unitName: string;
  article: number;
  subject: string;
  department: string;
  dueDate: string;
  daysOverdue: number;
  status: string;
}

export interface BulletinGoodPractice {
  taskId: string;
  unitName: string;
  article: number;
  subject: string;
  department: string;
  verifiedOn: string | null;
  comment: string;
}

export interface BulletinContent {
  version: 1;
  scope: { code: string; name: string; level: 'province' | 'prefecture' };
  period: BulletinPeriod;
  asOf: string;
  regulationTitle: string;
  cycle: { id: string; title: string; startDate: string; dueDate: string };
  /** Editable texts. */
  title: string;
  issuingBody: string;
  /** 主送 */
  addressee: string;
  intro: string;
  requirements: string;
  /** 文号 and 印发日期: provisional in a draft, fixed at publication. */
  number: string;
  issueDate: string;
  summary: {
    tasks: number;
    verified: number;
    submitted: number;
    overdue: number;
    completionRate: number;
    elapsedFraction: number;
    threshold: number;
    unitsBehind: number;
  };
  units: BulletinUnitRow[];
  /** null: the urging-notice register does not exist in this installation yet. */
  urging: { rows: BulletinUrgingRow[]; blue: number; orange: number; red: number } | null;
  overdue: { total: number; limit: number; tasks: BulletinOverdueTask[] };
  goodPractices: BulletinGoodPractice[];
}

export type BulletinBlock =
  | { kind: 'HEADING'; text: string }
  | { kind: 'PARAGRAPH'; text: string }
  | { kind: 'TABLE'; columns: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: 'NOTE'; text: string };

export interface BulletinDocument {
  title: string;
  number: string;
  issuingBody: string;
  issueDate: string;
  /** 2026年12月3日 */
  issueDateText: string;
  addressee: string;
  blocks: BulletinBlock[];
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 in Chinese numerals (十一, 二十, 四十二). */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones ? CHINESE_DIGITS[ones] : ''}`;
}

/** 2026-11-30 → 2026年11月30日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 0.4567 → 45.7% */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A period key: `2026-11` for a month, `2026-Q4` for a quarter. Returns null when the key does
 * not name one (the caller answers VALIDATION_FAILED).
 */
export function parsePeriod(kind: PeriodKind, key: string): BulletinPeriod | null {
  const text = key.trim().toUpperCase();
  if (kind === 'MONTH') {
    const m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m) return null;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
    return {
      kind,
      key: `${year}-${pad(month)}`,
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
      label: `${year}年${month}月份`,
      year,
    };
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(text);
  if (!q) return null;
  const year = Number(q[1]);
  const quarter = Number(q[2]);
  if (year < 2000 || year > 2100) return null;
  const first = quarter * 3 - 2;
  const last = quarter * 3;
  return {
    kind,
    key: `${year}-Q${quarter}`,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
    label: `${year}年第${CHINESE_DIGITS[quarter]}季度`,
    year,
  };
}

/** 《湖北省质量促进条例（草案）》 reads 《湖北省质量促进条例》 in a bulletin title. */
function plainTitle(regulationTitle: string): string {
  return regulationTitle.replace(/[（(](草案|征求意见稿|送审稿|修订草案)[)）]$/, '');
}

export function defaultTitle(period: BulletinPeriod, regulationTitle: string): string {
  return `关于${period.label}《${plainTitle(regulationTitle)}》履职工作推进情况的通报`;
}

export function defaultIssuingBody(scopeName: string): string {
  return `${scopeName}质量工作督查督办办公室`;
}

export function defaultAddressee(level: 'province' | 'prefecture'): string {
  return level === 'province'
    ? '各市、州、直管市、神农架林区人民政府，省直有关部门：'
    : '各县、市人民政府，州直有关部门：';
}

export function defaultIntro(
  period: BulletinPeriod,
  regulationTitle: string,
  level: 'province' | 'prefecture',
): string {
  const area = level === 'province' ? '全省' : '全州（市）';
  return `为推动《${plainTitle(regulationTitle)}》各项职责落实落地，现将${period.label}${area}履职工作推进情况通报如下。`;
}

export const DEFAULT_REQUIREMENTS = [
  '各地各部门要对照本通报，逐项梳理逾期和进度滞后任务，明确责任人和完成时限，按期提交佐证材料。',
  '收到督办单的单位要及时签收并反馈办理情况，对仍未完成的事项将按规定升级督办。',
  '各地要认真学习借鉴典型做法，结合实际抓好推广，确保年度履职任务全面完成。',
].join('\n');

/**
 * Whether a unit is behind schedule as of a date: verified ÷ tasks < threshold × elapsed, compared
 * exactly on integers as analytics does (threshold in thousandths, elapsed as days ÷ span).
 */
export function elapsedShare(
  cycle: { startDate: string; dueDate: string },
  asOf: string,
): { num: number; den: number } {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const span = day(cycle.dueDate) - day(cycle.startDate);
  if (span === 0) return { num: day(asOf) >= day(cycle.startDate) ? 1 : 0, den: 1 };
  const elapsed = Math.min(Math.max(day(asOf) - day(cycle.startDate), 0), span);
  return { num: elapsed, den: span };
}

export function isBehind(
  verified: number,
  tasks: number,
  threshold: number,
  share: { num: number; den: number },
): boolean {
  const t = Math.round(threshold * 1000);
  return tasks > 0 && verified * share.den * 1000 < t * share.num * tasks;
}

/** Ranks the non-self rows with tasks by completion rate (ties: more verified, then unit code). */
export function rankUnits(rows: BulletinUnitRow[]): BulletinUnitRow[] {
  const ranked = rows
    .filter((r) => !r.self && r.tasks > 0)
    .sort(
      (a, b) =>
        // Exact comparison of verified/tasks by cross multiplication.
        b.verified * a.tasks - a.verified * b.tasks ||
        b.verified - a.verified ||
        a.code.localeCompare(b.code),
    );
  const rankOf = new Map(ranked.map((r, i) => [r.code, i + 1]));
  return rows.map((r) => ({ ...r, rank: rankOf.get(r.code) ?? null }));
}

const STATUS_ZH: Record<string, string> = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '推进中',
  SUBMITTED: '已提交',
  RETURNED: '已退回',
  VERIFIED: '已核验',
};

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The bulletin as the blocks both renderers lay out, in reading order. */
export function bulletinDocument(c: BulletinContent): BulletinDocument {
  const blocks: BulletinBlock[] = [];
  let section = 0;
  const heading = (text: string) =>
    blocks.push({ kind: 'HEADING', text: `${SECTION_NUMERALS[section++]}、${text}` });
  const paragraph = (text: string) => blocks.push({ kind: 'PARAGRAPH', text });
  const area = c.scope.level === 'province' ? '全省' : `${c.scope.name}`;
  const asOf = chineseDate(c.asOf);
  const s = c.summary;

  for (const line of lines(c.intro)) paragraph(line);

  heading('总体情况');
  paragraph(
    `截至${asOf}，${area}共有履职任务${s.tasks}项，已核验办结${s.verified}项，已提交待核验${s.submitted}项，` +
      `完成率${percent(s.completionRate)}；考核年度时间进度${percent(s.elapsedFraction)}。` +
      `逾期未完成任务${s.overdue}项，进度滞后单位${s.unitsBehind}个。`,
  );

  heading('各地完成情况及排名');
  const ranked = c.units.filter((u) => u.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const rest = c.units.filter((u) => u.rank === null);
  blocks.push({
    kind: 'TABLE',
    columns: ['排名', '单位', '任务数', '已核验', '已提交', '推进中', '未开始', '逾期', '完成率'],
    numeric: [true, false, true, true, true, true, true, true, true],
    rows: [...ranked, ...rest].map((u) => [
      u.rank === null ? '—' : String(u.rank),
      u.behind ? `${u.name}（滞后）` : u.name,
      String(u.tasks),
      String(u.verified),
      String(u.submitted),
      String(u.inProgress + u.returned),
      String(u.notStarted),
      String(u.overdue),
      u.tasks ? percent(u.completionRate) : '—',
    ]),
  });
  blocks.push({
    kind: 'NOTE',
    text:
      '注：完成率＝已核验任务数÷任务总数；按完成率由高到低排名，完成率相同时已核验任务多者在前；' +
      `${c.scope.level === 'province' ? '省本级' : '本级'}及无任务的单位不参与排名。推进中含被退回重办的任务。`,
  });

  heading('进度滞后单位');
  const behind = c.units.filter((u) => u.behind);
  if (behind.length === 0) {
    paragraph(`截至${asOf}，没有完成率低于应达进度（时间进度×${percent(s.threshold)}）的单位。`);
  } else {
    paragraph(
      `按时间进度${percent(s.elapsedFraction)}、应达完成率为时间进度的${percent(s.threshold)}计算，` +
        `以下${behind.length}个单位进度滞后：${behind.map((u) => u.name).join('、')}。`,
    );
    blocks.push({
      kind: 'TABLE',
      columns: ['单位', '完成率', '应达进度', '差距'],
      numeric: [false, true, true, true],
      rows: behind.map((u) => [
        u.name,
        percent(u.completionRate),
        percent(u.expected),
        percent(Math.max(u.expected - u.completionRate, 0)),
      ]),
    });
  }

  heading('督办单情况');
  if (c.urging === null) {
    paragraph('本系统尚未启用三色督办单，本期无督办单统计。');
  } else if (c.urging.rows.length === 0) {
    paragraph(`${c.period.label}未发出督办单。`);
  } else {
    const u = c.urging;
    const unanswered = u.rows.reduce((sum, r) => sum + r.unanswered, 0);
    paragraph(
      `${c.period.label}共发出督办单${u.blue + u.orange + u.red}份，其中蓝色${u.blue}份、橙色${u.orange}份、红色${u.red}份；` +
        `截至${asOf}尚有${unanswered}份未反馈。`,
    );
    blocks.push({
      kind: 'TABLE',
      columns: ['单位', '蓝色', '橙色', '红色', '合计', '未反馈'],
      numeric: [false, true, true, true, true, true],
      rows: u.rows.map((r) => [
        r.name,
        String(r.blue),
        String(r.orange),
        String(r.red),
        String(r.blue + r.orange + r.red),
        String(r.unanswered),
      ]),
    });
  }

  heading('逾期未完成任务');
  if (c.overdue.total === 0) {
    paragraph(`截至${asOf}，没有逾期未完成的任务。`);
  } else {
    const shown = c.overdue.tasks.length;
    paragraph(
      `截至${asOf}，共有${c.overdue.total}项任务超过截止日期仍未提交或未通过核验` +
        (shown < c.overdue.total ? `，以下列出逾期时间最长的${shown}项。` : '，清单如下。'),
    );
    blocks.push({
      kind: 'TABLE',
      columns: ['单位', '条款', '职责', '牵头部门', '截止日期', '逾期天数', '状态'],
      numeric: [false, false, false, false, false, true, false],
      rows: c.overdue.tasks.map((t) => [
        t.unitName,
        `第${chineseNumber(t.article)}条`,
        t.subject,
        t.department,
        t.dueDate,
        String(t.daysOverdue),
        STATUS_ZH[t.status] ?? t.status,
      ]),
    });
  }

  heading('典型做法');
  if (c.goodPractices.length === 0) {
    paragraph('本期未选取典型做法。');
  } else {
    c.goodPractices.forEach((g, i) => {
      paragraph(
        `（${chineseNumber(i + 1)}）${g.unitName}：第${chineseNumber(g.article)}条“${g.subject}”（${g.department}）` +
          `${g.verifiedOn ? `，已于${chineseDate(g.verifiedOn)}核验办结` : ''}。${g.comment}`,
      );
    });
  }

  heading('下一步工作要求');
  lines(c.requirements).forEach((line, i) =>
    paragraph(`${i + 1}. ${line.replace(/^\d+[.、．]\s*/, '')}`),
  );

  blocks.push({
    kind: 'NOTE',
    text:
      `数据说明：本通报数据截至${asOf}，依据系统中的任务状态变更历史（履职记录）还原当日状态统计，` +
      `不受此后办理情况影响；考核年度为“${c.cycle.title}”（${chineseDate(c.cycle.startDate)}至${chineseDate(c.cycle.dueDate)}）。`,
  });

  return {
    title: c.title,
    number: c.number,
    issuingBody: c.issuingBody,
    issueDate: c.issueDate,
    issueDateText: chineseDate(c.issueDate),
    addressee: c.addressee,
    blocks,
  };
}
