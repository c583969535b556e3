import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentCycle } from '../graphql/types';

export interface CycleSelectProps {
  cycles: AssessmentCycle[];
  value: string | undefined;
  onChange: (cycleId: string) => void;
}

export function CycleSelect({ cycles, value, onChange }: CycleSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('assessment.cycle.label')}
      style={{ minWidth: 260 }}
      value={value}
      onChange={onChange}
      options={cycles.map((c) => ({
        value: c.id,
        label: t('assessment.cycle.option', {
          title: c.title,
          state: t(c.state === 'open' ? 'assessment.cycle.open' : 'assessment.cycle.closed'),
        }),
      }))}
    />
  );
}
