import { registerSW } from 'virtual:pwa-register';

let registered = false;

/**
 * The service worker keeps the app's code on the phone so it opens with no
 * network once it has been opened (vite.config.ts, Workbox precache). A new
 * build is taken at the next start, never in the middle of a form.
 *
 * It is registered at the first paint. Measured on slow 3G (docs/performance.md),
 * waiting until after sign-in did not make the login form come sooner and made
 * the worklist 4–5 s slower: the precache's downloads also fill the HTTP cache
 * with the chunks the member's pages need next.
 */
export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  registerSW({ immediate: true });
}
