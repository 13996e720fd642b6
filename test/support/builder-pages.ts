/**
 * Pages that put our snippet where site builders put it, for the builder fixtures
 * (test/e2e/builders.test.ts):
 * - `embedPage(api, script)`: what an owner pastes into an embed box: the classic bundle, a price
 *   line and a player, and a small driver that reports to the parent page (`postMessage`,
 *   `{builder: …}`: the status, the video, where the Sound button is, the checklist's lines) and
 *   obeys it (`start`, `end`). Served at `/__builder/embed.html?api=…` (a
 *   Wix-like iframe loads it from another origin) and inlined as a Framer-like `srcdoc`;
 * - `/__builder/wix.html?api=…&frame=…`: a builder's page holding that embed in a cross-origin
 *   iframe with Wix's own sandbox and allow attributes, for the tab commands (wtr-tabs.ts): it
 *   sets `window.reactorReady` when the embedded session is live.
 */
export const EMBED_PAGE = '/__builder/embed.html';
/** `/__builder/paste.html?html=…`: a plain page of the given markup, and the driver. */
export const PASTE_PAGE = '/__builder/paste.html';
export const WIX_PAGE = '/__builder/wix.html';

/** Wix's "Embed HTML" iframe attributes, as its own markup sets them. */
export const WIX_SANDBOX =
  'allow-same-origin allow-forms allow-popups allow-modals allow-scripts allow-pointer-lock';

const DRIVER = `
const el = document.querySelector('reactor-session');
const price = document.querySelector('reactor-pricing');
const say = (data) => parent.postMessage({ builder: true, ...data }, '*');
const rectOf = (node) => {
  if (!node) return null;
  const r = node.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
};
const report = () => {
  const video = el.shadowRoot && el.shadowRoot.querySelector('video');
  const row = price.shadowRoot && price.shadowRoot.querySelector('[part~="row"]');
  say({
    status: el.status,
    sessionId: el.sessionId,
    price: row ? row.textContent.replace(/\\s+/g, ' ').trim() : '',
    videoWidth: video ? video.videoWidth : 0,
    muted: video ? video.muted : null,
    paused: video ? video.paused : null,
    sound: rectOf(el.shadowRoot && el.shadowRoot.querySelector('[part~="mute-button"]')),
    checks: [...((el.shadowRoot && el.shadowRoot.querySelector('reactor-debug')?.shadowRoot?.querySelectorAll('[part~="item"]')) || [])].map((li) => li.dataset.level + ' ' + li.textContent.replace(/\\s+/g, ' ').trim()),
    error: (el.shadowRoot && el.shadowRoot.querySelector('[part~="error"]')?.textContent.trim()) || '',
  });
};
el.addEventListener('reactor-status-change', report);
el.addEventListener('reactor-error', report);
addEventListener('message', (event) => {
  if (event.data === 'start') el.connect();
  if (event.data === 'end') el.disconnect();
  if (event.data === 'report') report();
});
setInterval(report, 250);
`;

/**
 * The embed: the bundle from `origin` (the test server), the elements, the driver. With `debug`
 * among `attrs`, the checklist script too.
 */
export function embedPage(
  api: string,
  origin: string,
  attrs = 'idle-timeout="0"',
  model = 'helios',
): string {
  const debug = /\bdebug\b/.test(attrs)
    ? `<script src="${origin}/__dist/reactor-elements.debug.js"></script>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"></head>
<body>
<script src="${origin}/__dist/reactor-elements.iife.js"></script>${debug}
<reactor-pricing api-url="${api}" model="${model}"></reactor-pricing>
<reactor-session model="${model}" api-url="${api}" token-url="${api}/api/reactor-token" ${attrs}></reactor-session>
<script>${DRIVER}</script>
</body></html>`;
}

/** A builder's page with the embed in a cross-origin, Wix-sandboxed iframe (`frame`: its URL). */
export function wixPage(frame: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A Wix-like page</title></head>
<body>
<h1>My landing page</h1>
<iframe src="${frame}" sandbox="${WIX_SANDBOX}" allow="fullscreen" width="640" height="520"></iframe>
<script>
addEventListener('message', (event) => {
  if (event.data && event.data.builder && event.data.status === 'ready') window.reactorReady = event.data.sessionId;
});
</script>
</body></html>`;
}

/** A plain page of `markup` (a snippet as an owner pasted it), with the driver. */
export function pastedPage(markup: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"></head>
<body>
${markup}
<script>${DRIVER}</script>
</body></html>`;
}
