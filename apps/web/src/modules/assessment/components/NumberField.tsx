import { InputNumber, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../utils/format';
import { FieldProblems } from './FieldProblems';

const NO_PROBLEMS: readonly string[] = [];

export interface NumberFieldProps {
  label: string;
  value: number | null;
  editing: boolean;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  step?: number;
  invalid?: boolean;
  /** Problems of this number, shown under the input. */
  problems?: readonly string[];
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
  problems = NO_PROBLEMS,
  width = 110,
}: NumberFieldProps) {
  const { i18n } = useTranslation();
  const problemsId = useId();
  if (!editing) {
    return (
      <Typography.Text strong aria-label={label}>
        {value === null ? '—' : formatPoints(value, i18n.resolvedLanguage ?? i18n.language)}
      </Typography.Text>
    );
  }
  const hasProblems = problems.length > 0;
  return (
    <div style={{ display: 'inline-block', verticalAlign: 'top' }}>
      <InputNumber
        aria-label={label}
        aria-invalid={invalid || hasProblems || undefined}
        aria-describedby={hasProblems ? problemsId : undefined}
        value={value}
        min={min}
        max={max}
        step={step}
        status={invalid || hasProblems ? 'error' : undefined}
        style={{ width }}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      />
      <FieldProblems id={problemsId} messages={problems} />
    </div>
  );
}
