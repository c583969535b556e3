import { Flex, Tooltip, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixCell } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { buildMatrix, HEAT_BANDS, heatBand } from '../utils/heatmap';
import { tasksPath } from '../utils/links';
import { isPrefectureCode } from '../utils/units';
import { AppLink } from './AppLink';

export interface ChapterHeatmapProps {
  cells: readonly MatrixCell[];
  cycleId: string;
  /** Accessible name of the grid. */
  title: string;
}

const cellStyle = { padding: 0, border: '2px solid #fff', minWidth: 64 } as const;

/** Chapter × unit completion: one row per unit, one coloured cell per chapter. */
export function ChapterHeatmap({ cells, cycleId, title }: ChapterHeatmapProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { token } = theme.useToken();
  const { chapters, rows } = useMemo(() => buildMatrix(cells), [cells]);

  return (
    <Flex vertical gap="small">
      <div style={{ overflowX: 'auto' }}>
        <table aria-label={title} style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th
                scope="col"
                style={{ textAlign: 'left', padding: '4px 8px', whiteSpace: 'nowrap' }}
              >
                {t('overview.matrix.unit')}
              </th>
              {chapters.map((c) => (
                <th
                  key={c.number}
                  scope="col"
                  style={{ padding: '4px', fontWeight: 500, fontSize: token.fontSizeSM }}
                >
                  <Tooltip title={c.title}>
                    <span>{f.chapter(c.number)}</span>
                  </Tooltip>
                  <div
                    style={{
                      color: token.colorTextSecondary,
                      fontWeight: 400,
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      maxWidth: 96,
                      margin: '0 auto',
                    }}
                  >
                    {c.title}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitCode}>
                <th
                  scope="row"
                  style={{
                    textAlign: 'left',
                    padding: '4px 8px',
                    fontWeight: 400,
                    whiteSpace: 'nowrap',
                  }}
                >
                  {row.unitName}
                </th>
                {row.cells.map((cell, i) => {
                  const chapter = chapters[i];
                  if (!cell || cell.tasks === 0) {
                    return (
                      <td
                        key={chapter.number}
                        style={{
                          ...cellStyle,
                          background: token.colorFillQuaternary,
                          color: token.colorTextQuaternary,
                          textAlign: 'center',
                        }}
                        aria-label={t('overview.matrix.noTasksLabel', {
                          unit: row.unitName,
                          chapter: f.chapter(chapter.number),
                        })}
                      >
                        —
                      </td>
                    );
                  }
                  const band = heatBand(cell.completionRate);
                  const label = t('overview.matrix.cellLabel', {
                    unit: row.unitName,
                    chapter: f.chapter(chapter.number),
                    verified: f.number(cell.verified),
                    tasks: f.number(cell.tasks),
                    rate: f.percent(cell.completionRate),
                  });
                  const scope = isPrefectureCode(row.unitCode)
                    ? { prefectureCode: row.unitCode }
                    : { unitCode: row.unitCode };
                  return (
                    <td key={chapter.number} style={{ ...cellStyle, background: band.background }}>
                      <AppLink
                        to={tasksPath({ cycleId, ...scope, chapterNumber: chapter.number })}
                        aria-label={label}
                        title={label}
                        style={{
                          display: 'block',
                          padding: '6px 4px',
                          textAlign: 'center',
                          color: band.color,
                          fontVariantNumeric: 'tabular-nums',
                        }}
                      >
                        {f.percent(cell.completionRate)}
                      </AppLink>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flex gap="small" align="center" wrap aria-label={t('overview.matrix.legend')} role="list">
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {t('overview.matrix.legend')}
        </Typography.Text>
        {HEAT_BANDS.map((band, i) => {
          const next = HEAT_BANDS[i + 1];
          const text = next
            ? t('overview.matrix.band', { from: f.percent(band.min), to: f.percent(next.min) })
            : t('overview.matrix.bandTop', { from: f.percent(band.min) });
          return (
            <Flex key={band.min} role="listitem" gap={4} align="center">
              <span
                aria-hidden
                style={{
                  width: 16,
                  height: 12,
                  background: band.background,
                  display: 'inline-block',
                }}
              />
              <span style={{ fontSize: token.fontSizeSM }}>{text}</span>
            </Flex>
          );
        })}
        <Flex role="listitem" gap={4} align="center">
          <span
            aria-hidden
            style={{
              width: 16,
              height: 12,
              background: token.colorFillQuaternary,
              display: 'inline-block',
            }}
          />
          <span style={{ fontSize: token.fontSizeSM }}>{t('overview.matrix.noTasks')}</span>
        </Flex>
      </Flex>
    </Flex>
  );
}
