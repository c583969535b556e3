import { InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../utils/format';

export interface NumberFieldProps {
  label: string;
  value: number | null;
  editing: boolean;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  step?: number;
  invalid?: boolean;
  width?: number;
}

/** A number of the plan: an input while editing, plain text otherwise. */
export function NumberField({
  label,
  value,
  editing,
  onChange,
  min,
  max,
  step = 1,
  invalid = false,
  width = 110,
}: NumberFieldProps) {
  const { i18n } = useTranslation();
  if (!editing) {
    return (
      <Typography.Text strong aria-label={label}>
        {value === null ? '—' : formatPoints(value, i18n.resolvedLanguage ?? i18n.language)}
      </Typography.Text>
    );
  }
  return (
    <InputNumber
      aria-label={label}
      value={value}
      min={min}
      max={max}
      step={step}
      status={invalid ? 'error' : undefined}
      style={{ width }}
      onChange={(v) => onChange(typeof v === 'number' ? v : null)}
    />
  );
}
