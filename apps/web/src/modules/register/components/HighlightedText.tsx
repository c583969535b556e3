import { Tooltip } from 'antd';
import { useMemo } from 'react';
import type { Duty } from '../graphql/types';
import { segmentText } from '../utils/highlight';

export interface HighlightedTextProps {
  text: string;
  duties: Duty[];
  /** Duties passing the filter; the others are shown but not highlighted. */
  isActive: (duty: Duty) => boolean;
  /** Number shown with a duty (its place in the article). */
  numberOf: (duty: Duty) => number;
}

/** Paragraph or item text with each duty's statement marked and numbered. */
export function HighlightedText({ text, duties, isActive, numberOf }: HighlightedTextProps) {
  const segments = useMemo(() => segmentText(text, duties), [text, duties]);
  const byId = new Map(duties.map((d) => [d.id, d]));
  return (
    <>
      {segments.map((s, i) => {
        const duty = s.dutyId ? byId.get(s.dutyId) : undefined;
        if (!duty) return <span key={i}>{s.text}</span>;
        const active = isActive(duty);
        return (
          <Tooltip key={i} title={duty.subject}>
            <mark
              data-duty-id={duty.id}
              className={active ? 'register-duty-mark' : undefined}
              style={{
                background: active ? '#fff1b8' : 'transparent',
                borderBottom: active ? '2px solid #faad14' : '1px dashed #d9d9d9',
                padding: '0 1px',
              }}
            >
              {s.text}
              <sup style={{ color: '#ad6800', marginInlineStart: 1 }}>{numberOf(duty)}</sup>
            </mark>
          </Tooltip>
        );
      })}
    </>
  );
}
