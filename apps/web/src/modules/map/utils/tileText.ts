import type { TFunction } from 'i18next';
import type { MapMetric } from './colourBands';
import { openNotices, type MapUnit } from './mapUnits';

type Format = { percent: (rate: number) => string; number: (n: number) => string };

/** The lines of a unit's tooltip (and its accessible name): name, then the figures. */
export function tileLines(unit: MapUnit, metric: MapMetric, t: TFunction, f: Format): string[] {
  const lines: string[] = [];
  if (metric === 'completion' || metric === 'urging') {
    lines.push(
      unit.own.tasks > 0
        ? t('map.tile.completion', {
            rate: f.percent(unit.own.completionRate),
            verified: f.number(unit.own.verified),
            tasks: f.number(unit.own.tasks),
          })
        : t('map.tile.noTasks'),
    );
    if (unit.withChildren && unit.withChildren.tasks > 0) {
      lines.push(
        t('map.tile.withChildren', {
          rate: f.percent(unit.withChildren.completionRate),
          verified: f.number(unit.withChildren.verified),
          tasks: f.number(unit.withChildren.tasks),
        }),
      );
    }
    if (unit.own.overdue > 0) lines.push(t('map.tile.overdue', { n: f.number(unit.own.overdue) }));
  }
  if (metric === 'score') {
    lines.push(
      unit.score
        ? t('map.tile.score', {
            score: f.number(unit.score.score),
            grade: unit.score.grade,
            rank: unit.score.rank,
          })
        : t('map.tile.noScore'),
    );
  }
  if (metric === 'urging' && unit.urging) {
    lines.push(
      t('map.tile.urging', {
        n: openNotices(unit),
        blue: unit.urging.blue,
        orange: unit.urging.orange,
        red: unit.urging.red,
      }),
    );
  }
  return lines;
}
