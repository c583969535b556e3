import { useEffect, type RefObject } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body, .ant-descriptions-view';
/** Quiet time after the last change before the boxes are measured. */
const SETTLE_MS = 80;

/**
 * A table that scrolls sideways inside its own box (a phone, a narrow column) must be
 * scrollable from the keyboard too (WCAG 2.1.1; axe `scrollable-region-focusable`): every such
 * box under `root` gets `tabindex="0"` while it overflows, and loses it when it fits again.
 */
export function useFocusableScrollRegions(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    // Measuring forces a layout: do it once the page has settled (a burst of mutations while a
    // page renders its rows costs one measurement, not one per frame).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      timer = undefined;
      element.querySelectorAll<HTMLElement>(SCROLLERS).forEach((box) => {
        const overflows = box.scrollWidth > box.clientWidth + 1;
        if (overflows && box.tabIndex < 0) box.tabIndex = 0;
        if (!overflows && box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
      });
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, SETTLE_MS);
    };
    const mutations = new MutationObserver(schedule);
    mutations.observe(element, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      mutations.disconnect();
      window.removeEventListener('resize', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [root]);
}
