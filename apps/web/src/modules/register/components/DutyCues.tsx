import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duty } from '../graphql/types';

/** Why each field has its value: the rule that fired and the words it matched. */
export function DutyCues({ duty }: { duty: Duty }) {
  const { t } = useTranslation();
  if (duty.cues.length === 0) return null;
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: 'cues',
          label: t('register.duty.cues'),
          children: (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {duty.cues.map((cue, i) => (
                <li key={i}>
                  <Typography.Text strong>{t(`register.cueFields.${cue.field}`)}</Typography.Text>
                  {'：'}
                  <Typography.Text mark>{cue.text}</Typography.Text> <span>{cue.explanation}</span>{' '}
                  <Typography.Text type="secondary">
                    {t('register.duty.cueRule', { rule: cue.rule })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
