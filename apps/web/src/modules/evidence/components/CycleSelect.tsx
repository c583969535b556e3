import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

export interface CycleOptionSource {
  id: string;
  title: string;
  state: string;
}

/** Assessment cycles, newest first, each with its state (进行中 / 已结束). */
export function CycleSelect({
  cycles,
  value,
  onChange,
  allowClear = false,
  placeholder,
  id,
  style,
}: {
  cycles: readonly CycleOptionSource[];
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const stateLabel = (state: string) =>
    state === 'open' || state === 'closed' ? t(`evidence.cycleState.${state}`) : state;
  return (
    <Select
      id={id}
      value={value}
      onChange={(next?: string) => onChange?.(next ?? undefined)}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: 220, ...style }}
      options={cycles.map((c) => ({
        value: c.id,
        label: t('evidence.cycleOption', { title: c.title, state: stateLabel(c.state) }),
      }))}
    />
  );
}
