/**
 * Pages for the strict-CSP test: a plain page that loads only a built bundle and one external
 * driver script, under `default-src 'self'; script-src 'self'; style-src 'self'` (no inline
 * script or style allowed), as a site owner would paste it.
 */
export const CSP_PAGE = /^\/__csp\/(iife|esm)\.html$/;

/**
 * `/__csp/blocked.html?jwt=…`: a page whose `connect-src` leaves out the API origin, with the
 * library's source and a fixed token, that tries one session and reports what it was told. A
 * page of its own, not an `srcdoc` frame: Firefox does not match `'self'` in an `srcdoc` frame's
 * policy to the parent's origin, so the frame could not load the library at all.
 */
export const BLOCKED_PAGE = '/__csp/blocked.html';

export function blockedPage(apiUrl: string, jwt: string): string {
  return `<!doctype html>
<meta http-equiv="Content-Security-Policy"
  content="default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self'">
<reactor-session model="helios" api-url="${apiUrl}"></reactor-session>
<script type="module">
  const logged = [];
  console.error = (...args) => logged.push(args.join(' '));
  await import('/src/index.ts');
  const el = document.querySelector('reactor-session');
  el.token = ${JSON.stringify(jwt)};
  await el.updateComplete;
  const error = new Promise((r) => el.addEventListener('reactor-error', (e) => r(e.detail), { once: true }));
  el.connect();
  const detail = await error;
  await el.updateComplete;
  parent.postMessage({ blocked: true, detail,
    shown: el.shadowRoot.querySelector('[part="error"]').textContent.trim(), logged }, '*');
</script>`;
}

/**
 * `/__csp/checklist.html?api=…`: the same policy (the API origin, and so the emulator's token
 * route, left out of `connect-src`), with `<reactor-session debug>` and the checklist: it reports
 * the checklist's lines once they have run.
 */
export const CHECKLIST_PAGE = '/__csp/checklist.html';

export function checklistPage(apiUrl: string): string {
  return `<!doctype html>
<meta http-equiv="Content-Security-Policy"
  content="default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self'">
<reactor-session model="helios" api-url="${apiUrl}" token-url="${apiUrl}/api/reactor-token" debug></reactor-session>
<script type="module">
  await import('/src/index.ts');
  await import('/src/debug/index.ts');
  const el = document.querySelector('reactor-session');
  await el.updateComplete;
  const debug = el.shadowRoot.querySelector('reactor-debug');
  const { detail } = await new Promise((r) =>
    debug.addEventListener('reactor-debug-checks', r, { once: true }));
  parent.postMessage({ checklist: true, checks: detail.checks }, '*');
</script>`;
}

/** The policy of the pages; `?trusted-types` adds Trusted Types (lit's policy is `lit-html`). */
export function cspPolicy(apiUrl: string, trustedTypes: boolean): string {
  const base = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${apiUrl}`;
  return trustedTypes
    ? `${base}; require-trusted-types-for 'script'; trusted-types lit-html`
    : base;
}

export function cspPage(format: 'iife' | 'esm', apiUrl: string, trustedTypes = false): string {
  const policy = cspPolicy(apiUrl, trustedTypes);
  const library =
    format === 'iife'
      ? '<script src="/__dist/reactor-elements.iife.js"></script>'
      : '<script type="module" src="/__dist/reactor-elements.js"></script>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>reactor-elements under a strict CSP (${format})</title>
</head>
<body>
<reactor-pricing api-url="${apiUrl}" model="helios"></reactor-pricing>
<reactor-session model="helios" api-url="${apiUrl}" token-url="${apiUrl}/api/reactor-token" idle-timeout="0"></reactor-session>
<reactor-balance src="${apiUrl}/api/reactor-balance" api-url="${apiUrl}" refresh="0"></reactor-balance>
${library}
<script src="/__csp/drive.js" defer></script>
</body>
</html>`;
}

/**
 * Drives the page like a visitor: waits for the tags, starts a session, lets it run a second,
 * ends it, and reports to the parent what it saw, including every CSP violation.
 */
export const DRIVER = `(() => {
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
  const text = (el, name) =>
    (el.shadowRoot.querySelector('[part~="' + name + '"]')?.textContent || '').replace(/\\s+/g, ' ').trim();
  const until = async (test) => {
    for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const report = (data) => parent.postMessage({ csp: true, ...data }, '*');
  (async () => {
    await customElements.whenDefined('reactor-session');
    const session = document.querySelector('reactor-session');
    const pricing = document.querySelector('reactor-pricing');
    const balance = document.querySelector('reactor-balance');
    await until(() => text(session, 'cost').includes('credits') && text(pricing, 'row') && text(balance, 'amount'));
    const ready = new Promise((r) => session.addEventListener('reactor-ready', r, { once: true }));
    session.shadowRoot.querySelector('[part="connect-button"]').click();
    await ready;
    await until(() => session.billedSeconds >= 1);
    const video = session.shadowRoot.querySelector('video');
    await until(() => video.readyState >= 2);
    const videoWidth = video.videoWidth;
    const ended = new Promise((r) => session.addEventListener('reactor-end', (e) => r(e.detail), { once: true }));
    session.shadowRoot.querySelector('[part="disconnect-button"]').click();
    const detail = await ended;
    report({
      global: typeof window.ReactorElements,
      pricing: text(pricing, 'row'),
      balance: text(balance, 'amount'),
      videoWidth,
      sessionId: detail.sessionId,
      reason: detail.reason,
      violations,
    });
  })().catch((error) => report({ error: String(error), violations }));
})();
`;
