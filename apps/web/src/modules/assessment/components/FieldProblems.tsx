import { Typography } from 'antd';

export interface FieldProblemsProps {
  /** For the field's aria-describedby. */
  id: string;
  messages: readonly string[];
}

/** The problems of one plan field, shown under it. */
export function FieldProblems({ id, messages }: FieldProblemsProps) {
  if (messages.length === 0) return null;
  return (
    <div id={id}>
      {messages.map((m, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {m}
        </Typography.Text>
      ))}
    </div>
  );
}
