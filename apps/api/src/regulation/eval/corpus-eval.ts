import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  EVAL_FIELDS,
  type EvalField,
  type FieldScore,
  type TextScore,
  extractRegulationDuties,
  parseLabels,
  predictParagraphs,
  scoreText,
  totalScore,
} from '@duty/regulation/duties';
import {
  type AlignmentScore,
  alignArticles,
  parseAlignmentLabels,
  parseRegulation,
  scoreAlignment,
} from '@duty/regulation/parser';

/** The acceptance targets of issue 14 (precision and recall per field; alignment accuracy). */
export const TARGETS: Record<EvalField | 'alignment', number> = {
  tracked: 0.95,
  actor: 0.95,
  levels: 0.95,
  modality: 0.95,
  depts: 0.9,
  kind: 0.9,
  alignment: 0.95,
};

export interface TextReport {
  name: string;
  textKind: string;
  paragraphs: number;
  statements: number;
  extractMs: number;
  score: TextScore;
}

export interface PairReport {
  name: string;
  old: string;
  score: AlignmentScore;
  alignMs: number;
}

export interface CorpusReport {
  texts: TextReport[];
  total: Record<EvalField, FieldScore>;
  pairs: PairReport[];
}

async function text(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/**
 * The older text of a version pair by the corpus naming convention `<name>-<year>.txt`: the same
 * name with the latest earlier year.
 */
export function olderVersion(files: readonly string[], newer: string): string | undefined {
  const m = /^(.*)-(\d{4})$/.exec(newer);
  if (!m) return undefined;
  return files
    .map((f) => f.replace(/\.txt$/, ''))
    .map((f) => /^(.*)-(\d{4})$/.exec(f))
    .filter((x): x is RegExpExecArray => x !== null && x[1] === m[1] && Number(x[2]) < Number(m[2]))
    .sort((a, b) => Number(b[2]) - Number(a[2]))[0]?.[0];
}

/**
 * Extract every labelled text of the corpus and compare with the labels; align every labelled
 * version pair and compare with its alignment labels. Texts are read from `corpusDir` at run time.
 */
export async function evaluateCorpus(
  corpusDir: string,
  labelsDir: string,
  alignmentDir: string,
): Promise<CorpusReport> {
  const corpus = (await readdir(corpusDir)).filter((f) => f.endsWith('.txt')).sort();
  const labelFiles = (await readdir(labelsDir)).filter((f) => f.endsWith('.tsv')).sort();
  const texts: TextReport[] = [];
  for (const file of labelFiles) {
    const name = file.replace(/\.tsv$/, '');
    if (!corpus.includes(`${name}.txt`)) throw new Error(`no text ${name}.txt in ${corpusDir}`);
    const source = await text(join(corpusDir, `${name}.txt`));
    const started = performance.now();
    const parsed = parseRegulation(source, { strictNumbering: false });
    const extraction = extractRegulationDuties(parsed);
    const extractMs = performance.now() - started;
    const articles = parsed.chapters.flatMap((c) => c.articles);
    const predictions = predictParagraphs(
      extraction.articles.map((a) => ({
        number: a.number,
        paragraphs: articles.find((x) => x.number === a.number)?.paragraphs ?? [],
        duties: a.duties,
      })),
    );
    const score = scoreText(parseLabels(await text(join(labelsDir, file))), predictions);
    texts.push({
      name,
      textKind: extraction.context.kind,
      paragraphs: predictions.length,
      statements: extraction.articles.reduce((n, a) => n + a.duties.length, 0),
      extractMs,
      score,
    });
  }
  const pairs: PairReport[] = [];
  const alignmentFiles = (await readdir(alignmentDir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.tsv'))
    .sort();
  for (const file of alignmentFiles) {
    const name = file.replace(/\.tsv$/, '');
    const old = olderVersion(corpus, name);
    if (!old) throw new Error(`no earlier version of ${name} in ${corpusDir}`);
    const [prev, next] = await Promise.all([
      text(join(corpusDir, `${old}.txt`)),
      text(join(corpusDir, `${name}.txt`)),
    ]);
    const articlesOf = (t: string) =>
      parseRegulation(t, { strictNumbering: false }).chapters.flatMap((c) => c.articles);
    const started = performance.now();
    const changes = alignArticles(articlesOf(prev), articlesOf(next));
    const alignMs = performance.now() - started;
    pairs.push({
      name,
      old,
      alignMs,
      score: scoreAlignment(changes, parseAlignmentLabels(await text(join(alignmentDir, file)))),
    });
  }
  return { texts, total: totalScore(texts.map((t) => t.score)), pairs };
}

const pct = (x: number) => x.toFixed(3);

/** The report as a Markdown table (printed by the CLI and pasted into the README). */
export function formatReport(report: CorpusReport): string {
  const lines: string[] = [];
  const header = ['text', 'kind', '¶', ...EVAL_FIELDS.map((f) => `${f} P/R`)];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ':--').join('|')}|`);
  for (const t of report.texts) {
    lines.push(
      `| ${t.name} | ${t.textKind} | ${t.paragraphs} | ${EVAL_FIELDS.map((f) => `${pct(t.score.fields[f].precision)}/${pct(t.score.fields[f].recall)}`).join(' | ')} |`,
    );
  }
  lines.push(
    `| **total** | | ${report.texts.reduce((n, t) => n + t.paragraphs, 0)} | ${EVAL_FIELDS.map((f) => `**${pct(report.total[f].precision)}/${pct(report.total[f].recall)}**`).join(' | ')} |`,
  );
  lines.push(
    `| target | | | ${EVAL_FIELDS.map((f) => `≥ ${TARGETS[f].toFixed(2)}`).join(' | ')} |`,
  );
  if (report.pairs.length > 0) {
    lines.push(
      '',
      '| version pair | new articles | sources right | kind right | removed found | align ms |',
      '|:--|--:|--:|--:|--:|--:|',
    );
    for (const p of report.pairs) {
      const s = p.score;
      lines.push(
        `| ${p.old} → ${p.name} | ${s.articles} | ${s.sourcesCorrect} (${pct(s.sourceAccuracy)}) | ${s.kindCorrect} (${pct(s.kindAccuracy)}) | ${s.removed.found}/${s.removed.labelled} | ${p.alignMs.toFixed(0)} |`,
      );
    }
  }
  return lines.join('\n');
}

export interface Floor {
  field: EvalField | 'alignment';
  metric: 'precision' | 'recall' | 'accuracy';
  min: number;
  got: number;
  text?: string;
}

/** Every total and pair figure below `floors` (a field's minimum, or the alignment's). */
export function belowFloors(
  report: CorpusReport,
  floors: Partial<Record<EvalField | 'alignment', number>>,
): Floor[] {
  const failed: Floor[] = [];
  for (const f of EVAL_FIELDS) {
    const min = floors[f];
    if (min === undefined) continue;
    for (const metric of ['precision', 'recall'] as const) {
      const got = report.total[f][metric];
      if (got < min) failed.push({ field: f, metric, min, got });
    }
  }
  const min = floors.alignment;
  if (min !== undefined) {
    for (const p of report.pairs) {
      if (p.score.sourceAccuracy < min) {
        failed.push({
          field: 'alignment',
          metric: 'accuracy',
          min,
          got: p.score.sourceAccuracy,
          text: p.name,
        });
      }
    }
  }
  return failed;
}
