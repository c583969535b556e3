import { act, render, screen } from '@testing-library/react';
import { usePrefersReducedMotion } from './useReducedMotion';

/** A matchMedia whose answer the test changes, telling its listeners like a browser does. */
function controllableMedia(initial: boolean) {
  let matches = initial;
  const listeners = new Set<() => void>();
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query === '(prefers-reduced-motion: reduce)' && matches;
    },
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  return {
    set(next: boolean) {
      matches = next;
      listeners.forEach((listener) => listener());
    },
    listeners,
    restore() {
      window.matchMedia = original;
    },
  };
}

function Probe() {
  return <span>{usePrefersReducedMotion() ? 'reduced' : 'full'}</span>;
}

describe('usePrefersReducedMotion', () => {
  it('follows the system setting, also when it changes while the page is open', () => {
    const media = controllableMedia(true);
    try {
      const { unmount } = render(<Probe />);
      expect(screen.getByText('reduced')).toBeTruthy();
      act(() => media.set(false));
      expect(screen.getByText('full')).toBeTruthy();
      unmount();
      expect(media.listeners.size).toBe(0);
    } finally {
      media.restore();
    }
  });

  it('is full motion where the browser cannot tell', () => {
    const media = controllableMedia(false);
    try {
      render(<Probe />);
      expect(screen.getByText('full')).toBeTruthy();
    } finally {
      media.restore();
    }
  });
});
