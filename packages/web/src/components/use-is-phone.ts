import { useSyncExternalStore } from 'react';

/** Below antd's `md` breakpoint (768 px) tables turn into lists and the navigation into a drawer. */
const phoneQuery = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(phoneQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(phoneQuery).matches,
    () => true,
  );
}
