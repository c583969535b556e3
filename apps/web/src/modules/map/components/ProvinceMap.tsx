import { Alert, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useFormatters } from '../../overview/hooks/useFormatters';
import { useBoundaries } from '../hooks/useBoundaries';
import { useMapData } from '../hooks/useMapData';
import { bandOf, NO_DATA, type MapMetric } from '../utils/colourBands';
import { metricValue, type MapUnit } from '../utils/mapUnits';
import { projectFeatures } from '../utils/projection';
import { provinceTiles } from '../utils/hubeiTileLayout';
import { tileLabel, tileLayout } from '../utils/tileLayout';
import { tileLines } from '../utils/tileText';
import { MapCanvas, type MapShapeInfo } from './MapCanvas';
import { MapLegend } from './MapLegend';

const CELL = 60;
const GAP = 4;
const GEO_WIDTH = 960;
const GEO_HEIGHT = 560;

export interface ProvinceMapProps {
  cycleId: string;
  /** The province in view (or the prefecture's province). */
  provinceCode: string;
  /** The prefecture in view; null: the whole province. */
  prefectureCode: string | null;
  /** The name of what is shown (the province or the prefecture). */
  scopeName: string;
  /** Whether clicking a prefecture drills into it (province-wide users). */
  canDrill: boolean;
  onDrill: (prefectureCode: string) => void;
  onOpenUnit: (unitCode: string) => void;
}

/**
 * The province (or one prefecture) coloured by completion, score or open urging notices:
 * boundaries when the deployment supplies them, otherwise the schematic tile map where the
 * province has one (Hubei); a province with neither has no map (said so, nothing asked).
 */
export function ProvinceMap({
  cycleId,
  provinceCode,
  prefectureCode,
  scopeName,
  canDrill,
  onDrill,
  onOpenUnit,
}: ProvinceMapProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [metric, setMetric] = useState<MapMetric>('completion');
  const tiles = provinceTiles(provinceCode);
  const boundaries = useBoundaries(prefectureCode ?? provinceCode);
  const drawable = tiles !== null || boundaries.status === 'found';
  const data = useMapData(cycleId, metric, drawable);

  // The units in view: the prefecture's, else the province's.
  const inView = useMemo(
    () =>
      (data.units ?? []).filter((u) =>
        prefectureCode
          ? u.code === prefectureCode || u.parentCode === prefectureCode
          : u.code.slice(0, 2) === provinceCode.slice(0, 2),
      ),
    [data.units, prefectureCode, provinceCode],
  );

  const shapeOf = (
    unit: MapUnit,
    rollUp: boolean,
  ): MapShapeInfo & { fill: string; text: string } => {
    const band = data.ready ? bandOf(data.bands, metricValue(unit, metric, rollUp, inView)) : null;
    const drill = canDrill && !prefectureCode && unit.level === 'prefecture';
    return {
      code: unit.code,
      name: unit.code === provinceCode ? `${unit.name}（${t('map.tile.province')}）` : unit.name,
      lines: data.ready ? tileLines(unit, metric, t, f) : [],
      action: drill ? t('map.tile.drill') : t('map.tile.open'),
      onActivate: () => (drill ? onDrill(unit.code) : onOpenUnit(unit.code)),
      fill: band?.fill ?? NO_DATA.fill,
      text: band?.text ?? NO_DATA.text,
    };
  };

  if (boundaries.status === 'loading') {
    return <Skeleton active title={false} paragraph={{ rows: 8 }} />;
  }
  if (!drawable) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noMap')} />;
  }
  if (data.error && !data.loading) {
    return <QueryErrorAlert error={data.error} onRetry={data.retry} />;
  }
  if (!data.units) {
    return <Skeleton active title={false} paragraph={{ rows: 8 }} />;
  }

  const metricLabel = t(`map.metric.${metric}`);
  const ariaLabel = t('map.ariaMap', { scope: scopeName, metric: metricLabel });
  let canvas;
  let note: string;
  if (boundaries.status === 'found') {
    const byCode = new Map(inView.map((u) => [u.code, u]));
    const projected = projectFeatures(boundaries.collection, GEO_WIDTH, GEO_HEIGHT);
    const shapes = projected.flatMap((p) => {
      const unit = byCode.get(p.code);
      return unit ? [{ ...shapeOf(unit, !prefectureCode), path: p }] : [];
    });
    note = t('map.boundarySource');
    canvas = (
      <MapCanvas
        width={GEO_WIDTH}
        height={GEO_HEIGHT}
        maxWidth={GEO_WIDTH}
        label={ariaLabel}
        shapes={shapes}
        renderShape={(shape, bind) => {
          const s = shapes.find((x) => x.code === shape.code)!;
          return (
            <g key={s.code} {...bind}>
              <path d={s.path.d} fill={s.fill} stroke="#ffffff" strokeWidth={1} />
              <text
                x={s.path.labelAt[0]}
                y={s.path.labelAt[1]}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={12}
                fill={s.text}
                pointerEvents="none"
              >
                {tileLabel(s.path.name ?? s.name)}
              </text>
            </g>
          );
        }}
      />
    );
  } else {
    const layout = tileLayout(inView, { ...tiles, only: prefectureCode ?? undefined });
    const shapes = layout.tiles.map((tile) => ({ ...shapeOf(tile.unit, false), tile }));
    const width = layout.columns * CELL;
    const height = layout.rows * CELL;
    note = t('map.schematic');
    canvas = (
      <>
        <MapCanvas
          width={width}
          height={height}
          maxWidth={prefectureCode ? layout.columns * 110 : 960}
          label={ariaLabel}
          shapes={shapes}
          renderShape={(shape, bind) => {
            const s = shapes.find((x) => x.code === shape.code)!;
            const isHead = s.tile.unit.level !== 'county';
            const label = tileLabel(s.tile.unit.name);
            return (
              <g
                key={s.code}
                {...bind}
                transform={`translate(${s.tile.x * CELL + GAP / 2} ${s.tile.y * CELL + GAP / 2})`}
              >
                <rect
                  width={CELL - GAP}
                  height={CELL - GAP}
                  rx={5}
                  fill={s.fill}
                  stroke={isHead ? '#1f1f1f' : 'rgba(0,0,0,0.12)'}
                  strokeWidth={isHead ? 2 : 1}
                />
                <text
                  x={(CELL - GAP) / 2}
                  y={(CELL - GAP) / 2}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  fontSize={label.length > 4 ? 9 : 11}
                  fontWeight={isHead ? 700 : 400}
                  fill={s.text}
                  pointerEvents="none"
                >
                  {label}
                </text>
              </g>
            );
          }}
        >
          {layout.blocks
            .filter((b) => b.width * b.height > 1)
            .map((b) => (
              <rect
                key={b.code}
                x={b.x * CELL}
                y={b.y * CELL}
                width={b.width * CELL}
                height={b.height * CELL}
                rx={8}
                fill="none"
                stroke="#8c8c8c"
                strokeDasharray="4 3"
                aria-hidden
              />
            ))}
        </MapCanvas>
        {layout.unplaced.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('map.unplaced', { names: layout.unplaced.map((u) => u.name).join('、') })}
          />
        )}
      </>
    );
  }

  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Segmented
          size="small"
          aria-label={t('map.metric.label')}
          value={metric}
          onChange={(v) => setMetric(v as MapMetric)}
          options={(['completion', 'score', 'urging'] as const).map((m) => ({
            value: m,
            label: t(`map.metric.${m}`),
          }))}
        />
        <MapLegend metric={metric} bands={data.bands} />
      </Flex>
      {boundaries.status === 'invalid' && (
        <Alert
          type="warning"
          showIcon
          title={t('map.boundaryInvalid', { message: boundaries.message })}
        />
      )}
      {inView.length === 0 ? (
        <Typography.Text type="secondary">{t('map.empty')}</Typography.Text>
      ) : (
        canvas
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note} {canDrill && !prefectureCode ? t('map.hint.drill') : t('map.hint.open')}
      </Typography.Text>
    </Flex>
  );
}
