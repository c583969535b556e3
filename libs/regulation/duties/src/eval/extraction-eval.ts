/**
 * Measuring extraction against hand labels (libs/regulation/eval/LABELS.md): one label row per
 * paragraph (款, items included) with the set of values each field takes over the paragraph's
 * statements. Precision and recall are micro-averaged over (paragraph, value) pairs; `tracked`
 * is a yes/no per paragraph.
 */
import type { ExtractedDuty } from '../lib/types';

export const EVAL_FIELDS = ['tracked', 'actor', 'levels', 'modality', 'depts', 'kind'] as const;
export type EvalField = (typeof EVAL_FIELDS)[number];

export interface ParagraphLabel {
  key: string;
  kind: Set<string>;
  actor: Set<string>;
  levels: Set<string>;
  modality: Set<string>;
  depts: Set<string>;
  tracked: boolean;
  line: number;
}

export class LabelFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const HEADER = ['key', 'kind', 'actor', 'levels', 'modality', 'depts', 'tracked'];

function set(value: string): Set<string> {
  const v = value.trim();
  if (v === '-' || v === '') return new Set();
  return new Set(
    v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );
}

/** Parse a label file (TSV with the header of LABELS.md). */
export function parseLabels(tsv: string): ParagraphLabel[] {
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (HEADER.some((h, i) => header[i] !== h)) {
    throw new LabelFormatError(1, `header must start with ${HEADER.join(' ')}`);
  }
  const labels: ParagraphLabel[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 2;
    const f = raw.split('\t');
    if (f.length < 7)
      throw new LabelFormatError(line, `expected at least 7 fields, got ${f.length}`);
    if (!/^\d+\.\d+$/.test(f[0])) throw new LabelFormatError(line, `bad key ${f[0]}`);
    if (seen.has(f[0])) throw new LabelFormatError(line, `duplicate key ${f[0]}`);
    if (f[6] !== '0' && f[6] !== '1') throw new LabelFormatError(line, `tracked must be 0 or 1`);
    seen.add(f[0]);
    labels.push({
      key: f[0],
      kind: set(f[1]),
      actor: set(f[2]),
      levels: set(f[3]),
      modality: set(f[4]),
      depts: set(f[5]),
      tracked: f[6] === '1',
      line,
    });
  });
  return labels;
}

const ACTING_KINDS = new Set(['implementation', 'enforcement', 'prohibition']);

export interface ParagraphPrediction {
  key: string;
  kind: Set<string>;
  actor: Set<string>;
  levels: Set<string>;
  modality: Set<string>;
  depts: Set<string>;
  tracked: boolean;
}

/** Fold the statements of each paragraph into the label's shape. */
export function predictParagraphs(
  articles: ReadonlyArray<{
    number: number;
    paragraphs: ReadonlyArray<{ number: number }>;
    duties: readonly ExtractedDuty[];
  }>,
): ParagraphPrediction[] {
  const out: ParagraphPrediction[] = [];
  for (const a of articles) {
    for (const p of a.paragraphs) {
      const pred: ParagraphPrediction = {
        key: `${a.number}.${p.number}`,
        kind: new Set(),
        actor: new Set(),
        levels: new Set(),
        modality: new Set(),
        depts: new Set(),
        tracked: false,
      };
      for (const d of a.duties.filter((x) => x.paragraph === p.number)) {
        pred.kind.add(d.kind);
        if (d.trackedByDefault) pred.tracked = true;
        if (!ACTING_KINDS.has(d.kind) || d.actorType === 'none') continue;
        (d.actorTypes.length > 0 ? d.actorTypes : [d.actorType]).forEach((t) => pred.actor.add(t));
        pred.modality.add(d.modality);
        if (!d.governmentDuty) continue;
        d.levels.forEach((l) => pred.levels.add(l));
        [...d.departments, ...d.assistingDepartments].forEach((c) => pred.depts.add(c));
        d.unrecognisedDepartments.forEach((n) => pred.depts.add(`?${n}`));
      }
      out.push(pred);
    }
  }
  return out;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Score {
  precision: number;
  recall: number;
}

export interface Mismatch {
  key: string;
  field: EvalField;
  expected: string;
  got: string;
}

export interface TextScore {
  fields: Record<EvalField, FieldScore>;
  mismatches: Mismatch[];
  /** Label keys with no paragraph in the text, and paragraphs without a label. */
  missingKeys: string[];
  unlabelledKeys: string[];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export function finish(s: Score): FieldScore {
  return { ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) };
}

function show(x: Set<string> | boolean): string {
  if (typeof x === 'boolean') return x ? '1' : '0';
  return x.size === 0 ? '-' : [...x].sort().join(',');
}

/** Compare predictions with labels; per field TP/FP/FN over (paragraph, value) pairs. */
export function scoreText(
  labels: readonly ParagraphLabel[],
  predictions: readonly ParagraphPrediction[],
): TextScore {
  const byKey = new Map(predictions.map((p) => [p.key, p]));
  const labelled = new Set(labels.map((l) => l.key));
  const raw = Object.fromEntries(EVAL_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EvalField,
    Score
  >;
  const mismatches: Mismatch[] = [];
  const missingKeys: string[] = [];
  for (const label of labels) {
    const pred = byKey.get(label.key);
    if (!pred) {
      missingKeys.push(label.key);
      continue;
    }
    for (const field of EVAL_FIELDS) {
      if (field === 'tracked') {
        const s = raw.tracked;
        if (label.tracked && pred.tracked) s.tp += 1;
        else if (!label.tracked && pred.tracked) s.fp += 1;
        else if (label.tracked && !pred.tracked) s.fn += 1;
        if (label.tracked !== pred.tracked) {
          mismatches.push({
            key: label.key,
            field,
            expected: show(label.tracked),
            got: show(pred.tracked),
          });
        }
        continue;
      }
      const expected = label[field];
      const got = pred[field];
      const s = raw[field];
      let differs = false;
      for (const v of got) {
        if (expected.has(v)) s.tp += 1;
        else {
          s.fp += 1;
          differs = true;
        }
      }
      for (const v of expected) {
        if (!got.has(v)) {
          s.fn += 1;
          differs = true;
        }
      }
      if (differs)
        mismatches.push({ key: label.key, field, expected: show(expected), got: show(got) });
    }
  }
  const unlabelledKeys = predictions.filter((p) => !labelled.has(p.key)).map((p) => p.key);
  const fields = Object.fromEntries(EVAL_FIELDS.map((f) => [f, finish(raw[f])])) as Record<
    EvalField,
    FieldScore
  >;
  return { fields, mismatches, missingKeys, unlabelledKeys };
}

/** Add up several texts' scores (micro average). */
export function totalScore(scores: readonly TextScore[]): Record<EvalField, FieldScore> {
  return Object.fromEntries(
    EVAL_FIELDS.map((f) => {
      const s = scores.reduce(
        (acc, t) => ({
          tp: acc.tp + t.fields[f].tp,
          fp: acc.fp + t.fields[f].fp,
          fn: acc.fn + t.fields[f].fn,
        }),
        { tp: 0, fp: 0, fn: 0 },
      );
      return [f, finish(s)];
    }),
  ) as Record<EvalField, FieldScore>;
}
