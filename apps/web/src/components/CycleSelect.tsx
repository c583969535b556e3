import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../hooks/useCycles';

export interface CycleSelectProps {
  /** Newest first, as useCycles lists them. */
  cycles: readonly (Pick<Cycle, 'id' | 'title' | 'state'> &
    Partial<Pick<Cycle, 'regulationTitle'>>)[];
  value?: string;
  /** undefined only when cleared (`allowClear`). */
  onChange?: (cycleId: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  /** For a form label's htmlFor (a Form.Item with a name passes it); without one the select labels itself. */
  id?: string;
  style?: CSSProperties;
}

/**
 * Chooses an assessment cycle (考核年度); each option names the cycle, the regulation it
 * assesses (several regulations can have cycles of the same year) and its state.
 */
export function CycleSelect({
  cycles,
  value,
  onChange,
  allowClear = false,
  placeholder,
  id,
  style,
}: CycleSelectProps) {
  const { t } = useTranslation();
  const stateLabel = (state: string) =>
    state === 'open' || state === 'closed' ? t(`common.cycle.${state}`) : state;
  return (
    <Select
      id={id}
      aria-label={id ? undefined : t('common.cycle.label')}
      value={value}
      onChange={(next?: string) => onChange?.(next ?? undefined)}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 220, ...style }}
      options={cycles.map((c) => ({
        value: c.id,
        label: c.regulationTitle
          ? t('common.cycle.optionWithRegulation', {
              title: c.title,
              regulation: c.regulationTitle,
              state: stateLabel(c.state),
            })
          : t('common.cycle.option', { title: c.title, state: stateLabel(c.state) }),
      }))}
    />
  );
}
