/**
 * A @web/test-runner plugin for leaving a page the way a visitor does, which page script cannot
 * do to itself: the `reactor-close-tab` command opens a real browser tab on a plain page that
 * runs one session with the built classic script, waits until it is live, and closes the tab
 * (a tab close, not a synthetic event: in Firefox it shuts the tab's content process down).
 * `REACTOR_TAB_CLOSES` sets how many times per run (default 3), for a longer count by hand.
 */
import type { Page } from 'puppeteer-core';

interface CommandArgs {
  command: string;
  payload?: unknown;
  session: { id: string; browser: { type?: string } };
}

const TAB_PAGE = '/__unload/tab.html';

function tabPage(apiUrl: string, tokenQuery: string): string {
  // No pagehide listener of the page's own: one registered before the element's, and already
  // warm, would take Firefox's abort in its place and hide a bug (firefox-unload.md, §1).
  return `<!doctype html>
<html lang="en">
<body>
<reactor-session model="helios" api-url="${apiUrl}" token-url="${apiUrl}/api/reactor-token${tokenQuery}"
  idle-timeout="0" autoconnect></reactor-session>
<script src="/__dist/reactor-elements.iife.js"></script>
<script>
  document.querySelector('reactor-session').addEventListener('reactor-ready', (event) => {
    window.reactorReady = event.detail.sessionId;
  }, { once: true });
</script>
</body>
</html>`;
}

export function tabsPlugin() {
  return {
    name: 'reactor-tabs',
    serve(context: { path: string; querystring?: string }) {
      if (context.path !== TAB_PAGE) return undefined;
      const query = new URLSearchParams(context.querystring);
      const ttl = query.get('expires_after');
      return {
        body: tabPage(query.get('api') ?? '', ttl ? `?expires_after=${Number(ttl)}` : ''),
        type: 'html',
      };
    },
    async executeCommand({ command, payload, session }: CommandArgs) {
      // How many tabs a run closes (one command each: a command must answer within 20 s).
      if (command === 'reactor-tab-closes') return Number(process.env.REACTOR_TAB_CLOSES) || 3;
      if (command !== 'reactor-close-tab') return undefined;
      // `expiresAfter`: the token route's lifetime; `holdMs`: how long the session stays live.
      const { apiUrl, expiresAfter, holdMs } = payload as {
        apiUrl: string;
        expiresAfter?: number;
        holdMs?: number;
      };
      const launcher = session.browser as unknown as { getPage(id: string): Page };
      const runner = launcher.getPage(session.id);
      const ttl = expiresAfter ? `&expires_after=${expiresAfter}` : '';
      const url = new URL(`${TAB_PAGE}?api=${encodeURIComponent(apiUrl)}${ttl}`, runner.url()).href;
      const tab = await runner.browser().newPage();
      await tab.goto(url);
      const ready = await tab.waitForFunction(
        () => (window as { reactorReady?: string }).reactorReady,
        { timeout: 15_000, polling: 50 },
      );
      const sessionId = (await ready.jsonValue()) as string;
      if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs));
      await tab.close();
      return { sessionId };
    },
  };
}
