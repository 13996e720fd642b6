/**
 * Tells a request the browser blocked from a network failure: both reject the same way, but a
 * block is the site's setup (a page's Content-Security-Policy without the origin in
 * `connect-src`, or an `http:` URL from an `https:` page) and a failure the visitor's connection.
 * The browser reports a CSP block as a `securitypolicyviolation` event; mixed content it reports
 * to nobody, so it is told from the two URLs.
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

/**
 * Why a page at `page` may not fetch `url` (absolute) when it is mixed content: an `http:` URL
 * from an `https:` page, unless on loopback (which browsers treat as secure). Else null.
 */
export const mixedContent = (url: string, page = location.href): string | null =>
  page.startsWith('https:') && /^http:\/\/(?!(localhost|127\.[\d.]+|\[::1\])[:/])/.test(url)
    ? `${new URL(url).origin} is http, and browsers block it from an https page (mixed content): use https.`
    : null;
