import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import { emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { part } from '../helpers/dom.js';
import { skipWithoutWebRTC } from '../helpers/capabilities.js';

/** Everything an element put in the page's DOM, shadow roots included, as text. */
function serialize(node: Node): string {
  let out = '';
  if (node instanceof Element) {
    out += `<${node.localName}`;
    for (const a of node.attributes) out += ` ${a.name}="${a.value}"`;
    out += '>';
    if (node.shadowRoot) out += serialize(node.shadowRoot);
  } else if (node.nodeType === Node.TEXT_NODE) {
    out += node.textContent;
  }
  for (const child of node.childNodes) out += serialize(child);
  return out;
}

/**
 * After a session (connect, live, end), the session token is nowhere a page script, an extension
 * or an analytics tag would find it: not in the DOM, any event's detail, the console, storage,
 * cookies, or a URL the page requested.
 */
describe('no token leaks', function () {
  // Every test here runs a live session.
  before(skipWithoutWebRTC);
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('keeps the session token out of the DOM, events, console, storage, cookies and URLs', async () => {
    const tokens: string[] = [];
    const logged: string[] = [];
    const details: string[] = [];
    const originalFetch = window.fetch;
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await originalFetch(...args);
      if (String(args[0] instanceof Request ? args[0].url : args[0]).includes('/api/reactor-token'))
        tokens.push(((await response.clone().json()) as { jwt: string }).jwt);
      return response;
    };
    for (const m of methods)
      console[m] = (...args: unknown[]) => logged.push(args.map((a) => String(a)).join(' '));
    const record = (e: Event) => details.push(JSON.stringify((e as CustomEvent).detail));
    const types = ['status-change', 'ready', 'end', 'error', 'message', 'idle-warning'].map(
      (t) => `reactor-${t}`,
    );
    for (const type of types) document.addEventListener(type, record);
    try {
      const url = await emulatorUrl();
      const box = await fixture<HTMLDivElement>(
        html`<div
          .innerHTML=${`<reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token" idle-timeout="0"></reactor-session><reactor-balance src="${url}/api/reactor-balance" api-url="${url}"></reactor-balance>`}
        ></div>`,
      );
      const el = box.querySelector('reactor-session') as ReactorSession;
      const ready = oneEvent(el, 'reactor-ready');
      part(el, 'connect-button')!.click();
      await ready;
      await waitFor(() => el.billedSeconds > 1, 'a billed second');
      const end = oneEvent(el, 'reactor-end');
      part(el, 'disconnect-button')!.click();
      await end;
      await el.updateComplete;

      expect(tokens.length).to.be.at.least(1);
      const places: Record<string, string> = {
        dom: serialize(document.documentElement),
        events: details.join('\n'),
        console: logged.join('\n'),
        localStorage: JSON.stringify({ ...localStorage }),
        sessionStorage: JSON.stringify({ ...sessionStorage }),
        cookies: document.cookie,
        urls: performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .join('\n'),
        location: location.href,
      };
      expect(details.length).to.be.at.least(4);
      expect(places.urls).to.contain('/sessions');
      for (const jwt of tokens) {
        // Any 16 characters of the signature: a token cut up or shortened is still a leak.
        const signature = jwt.split('.')[2]!;
        const pieces = Array.from({ length: signature.length - 15 }, (_, i) =>
          signature.slice(i, i + 16),
        );
        for (const [where, text] of Object.entries(places)) {
          expect(text.includes(jwt), `the token is in ${where}`).to.equal(false);
          const piece = pieces.find((p) => text.includes(p));
          expect(piece, `a piece of the token's signature is in ${where}`).to.equal(undefined);
        }
      }
    } finally {
      window.fetch = originalFetch;
      methods.forEach((m, i) => (console[m] = originals[i]!));
      for (const type of types) document.removeEventListener(type, record);
    }
  });
});
