import { resolve } from 'node:path';
import type { EvalField } from '@duty/regulation/duties';
import { TARGETS, belowFloors, evaluateCorpus, formatReport } from '../regulation/eval/corpus-eval';

const USAGE = `Usage: npm run eval:extraction -- --corpus <dir> [--labels <dir>] [--alignment <dir>]
                 [--mismatches] [--check-targets | --floor field=value,...]

Extracts every labelled text of the corpus (texts are read from <dir> at run time, never copied)
and prints precision/recall per field against libs/regulation/eval/labels, and article-alignment
accuracy of the version pairs against libs/regulation/eval/alignment.
  --check-targets  exit 1 when a total is below the acceptance targets (issue 14)
  --floor          exit 1 when a total is below the given floors, e.g. tracked=0.9,alignment=0.45
  --mismatches     list every paragraph whose labels and extraction differ`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function parseFloors(spec: string): Partial<Record<EvalField | 'alignment', number>> {
  const floors: Partial<Record<EvalField | 'alignment', number>> = {};
  for (const part of spec.split(',')) {
    const [field, value] = part.split('=');
    if (!(field in TARGETS) || !/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(value ?? '')) {
      throw new Error(
        `bad floor "${part}": expected field=value with a field of ${Object.keys(TARGETS).join(', ')}`,
      );
    }
    floors[field as EvalField | 'alignment'] = Number(value);
  }
  return floors;
}

async function main(args: string[]): Promise<number> {
  const corpus = option(args, '--corpus');
  if (!corpus || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return corpus ? 0 : 2;
  }
  const labels = option(args, '--labels') ?? 'libs/regulation/eval/labels';
  const alignment = option(args, '--alignment') ?? 'libs/regulation/eval/alignment';
  const report = await evaluateCorpus(resolve(corpus), resolve(labels), resolve(alignment));
  process.stdout.write(`${formatReport(report)}\n`);
  if (args.includes('--mismatches')) {
    for (const t of report.texts) {
      for (const m of t.score.mismatches) {
        process.stdout.write(
          `${t.name}\t${m.key}\t${m.field}\texpected ${m.expected}\tgot ${m.got}\n`,
        );
      }
    }
    for (const p of report.pairs) {
      for (const m of p.score.mismatches) {
        process.stdout.write(
          `${p.name}\t${m.new ?? `-${m.old ?? ''}`}\t${m.expectedKind}→${m.actualKind ?? '-'}\tsources ${m.expectedSources.join(',') || '-'} → ${m.actualSources?.join(',') || '-'}\n`,
        );
      }
    }
  }
  const slowest = Math.max(...report.texts.map((t) => t.extractMs));
  process.stdout.write(`\nSlowest parse + extraction: ${slowest.toFixed(0)} ms (in-process).\n`);
  const floorSpec = option(args, '--floor');
  const floors = args.includes('--check-targets')
    ? TARGETS
    : floorSpec
      ? parseFloors(floorSpec)
      : undefined;
  if (!floors) return 0;
  const failed = belowFloors(report, floors);
  for (const f of failed) {
    process.stdout.write(
      `BELOW ${f.field} ${f.metric}${f.text ? ` (${f.text})` : ''}: ${f.got.toFixed(3)} < ${f.min}\n`,
    );
  }
  process.stdout.write(
    failed.length === 0
      ? 'All figures at or above the floors.\n'
      : `${failed.length} figure(s) below the floors.\n`,
  );
  return failed.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`错误 / Error: ${error.message}\n`);
    process.exit(2);
  },
);
