import { useSyncExternalStore } from 'react';

// Minimal client-side navigation until a router is added (react-router is not a dependency
// yet). The API serves index.html for every non-API path, so deep links work.

const NAVIGATE_EVENT = 'duty:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;
const currentSearch = () => window.location.search;

/** The current path; re-renders on `navigate` and on browser back / forward. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

/** The current query string (e.g. `?status=SUBMITTED`); re-renders when it changes. */
export function useLocationSearch(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, currentSearch, () => '');
  return new URLSearchParams(search);
}

/** Goes to `path` (which may carry a query string). */
export function navigate(path: string): void {
  if (path === `${window.location.pathname}${window.location.search}`) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
