/**
 * Tells a request the page's Content-Security-Policy blocked from a network failure: both reject
 * the same way, but one is the site's setup (add the origin to `connect-src`) and the other the
 * visitor's connection. The browser reports a block as a `securitypolicyviolation` event.
 */
const blocked = new Set<string>();
let listening = false;

/** Starts noting the origins that `connect-src` blocks (once per page). */
export function watchConnectSrc(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective !== 'connect-src') return;
    try {
      blocked.add(new URL(event.blockedURI).origin);
    } catch {
      /* not a URL (e.g. "inline") */
    }
  });
}

/** True when the page's CSP blocked a request to `origin` (the event comes a task later). */
export async function blockedByCsp(origin: string): Promise<boolean> {
  if (!listening) return false;
  await new Promise((resolve) => setTimeout(resolve, 0));
  return blocked.has(origin);
}
