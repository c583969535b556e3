import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../../../app/navigation';

/** A link to a unit's page that stays inside the app (and still opens in a new tab). */
export function UnitLink({
  code,
  cycleId,
  children,
}: {
  code: string;
  cycleId?: string;
  children: ReactNode;
}) {
  const href = `/units/${encodeURIComponent(code)}${cycleId ? `?cycleId=${encodeURIComponent(cycleId)}` : ''}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick}>
      {children}
    </a>
  );
}
