import { useEffect, type RefObject } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body, .ant-descriptions-view';

/**
 * A table that scrolls sideways inside its own box (a phone, a narrow column) must be
 * scrollable from the keyboard too (WCAG 2.1.1; axe `scrollable-region-focusable`): every such
 * box under `root` gets `tabindex="0"` while it overflows, and loses it when it fits again.
 */
export function useFocusableScrollRegions(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    let frame = 0;
    const update = () => {
      frame = 0;
      element.querySelectorAll<HTMLElement>(SCROLLERS).forEach((box) => {
        const overflows = box.scrollWidth > box.clientWidth + 1;
        if (overflows && box.tabIndex < 0) box.tabIndex = 0;
        if (!overflows && box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const mutations = new MutationObserver(schedule);
    mutations.observe(element, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      mutations.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [root]);
}
