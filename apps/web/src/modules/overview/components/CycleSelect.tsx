import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../graphql/types';

export interface CycleSelectProps {
  cycles: readonly Cycle[];
  value: string | undefined;
  onChange: (cycleId: string) => void;
}

/** The assessment cycle (考核年度) a page shows. */
export function CycleSelect({ cycles, value, onChange }: CycleSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('overview.cycle.label')}
      style={{ minWidth: 240 }}
      value={value}
      onChange={onChange}
      options={cycles.map((c) => ({
        value: c.id,
        label: (
          <span>
            {c.title}{' '}
            <Tag
              color={c.state === 'open' ? 'processing' : 'default'}
              style={{ marginInlineEnd: 0 }}
            >
              {t(c.state === 'open' ? 'overview.cycle.open' : 'overview.cycle.closed')}
            </Tag>
          </span>
        ),
      }))}
    />
  );
}
