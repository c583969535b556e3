import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NO_DATA, type ColourBand, type MapMetric } from '../utils/colourBands';

export interface MapLegendProps {
  metric: MapMetric;
  bands: readonly ColourBand[];
}

/** The colour bands of the metric, plus “no data”. */
export function MapLegend({ metric, bands }: MapLegendProps) {
  const { t } = useTranslation();
  const swatch = (fill: string) => (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        borderRadius: 3,
        background: fill,
        border: '1px solid rgba(0,0,0,0.15)',
      }}
    />
  );
  return (
    <Flex gap="small" wrap align="center" role="list" aria-label={t('map.legend.title')}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`map.legend.${metric}`)}
      </Typography.Text>
      {bands.map((band) => (
        <Flex key={band.key} gap={4} align="center" role="listitem" data-legend-band={band.key}>
          {swatch(band.fill)}
          <Typography.Text style={{ fontSize: 12 }}>{band.label}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={4} align="center" role="listitem">
        {swatch(NO_DATA.fill)}
        <Typography.Text style={{ fontSize: 12 }}>{t('map.legend.noData')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
