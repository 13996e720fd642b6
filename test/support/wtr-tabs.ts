/**
 * A @web/test-runner plugin for what a visitor does with tabs, which page script cannot do to
 * itself. Each tab is a real browser tab on a plain page that runs one `<reactor-session>` with
 * the built classic script (`/__unload/tab.html`):
 * - `reactor-close-tab` opens a tab, waits until its session is live, and closes the tab (a tab
 *   close, not a synthetic event: in Firefox it shuts the tab's content process down);
 * - `reactor-tab` drives a tab step by step: `open` (optionally without waiting for a session),
 *   `close`, `reload`, `away-and-back` (navigate, then history back: the back/forward cache),
 *   `hide` (another tab comes to the front, so this one is hidden and its timers throttled),
 *   `show` (this tab comes to the front again), `freeze` and `resume` (the browser's page
 *   lifecycle), `eval` (an expression in the tab), `click` (a part of its session, by name) and
 *   `touch` (a finger held on an element of its player, then lifted).
 *   `open` with `phone: true` emulates a phone first where the browser can (Chromium's device
 *   emulation: a 390 × 844 touch screen, so the primary pointer is coarse), and answers whether
 *   the page sees a coarse pointer.
 * - `reactor-quit-browser` starts a second browser of the same engine, runs a session in it, and
 *   quits that whole browser (what a visitor does with Ctrl+Q or the window's close button).
 * `REACTOR_TAB_CLOSES` sets how many tabs the tab-close test closes per run (default 3).
 * A command must answer within 20 s, so long waits stay in the tests.
 */
import * as puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import { resolveBrowser, resolveFirefox } from '../../scripts/browser.mjs';
import {
  EMBED_PAGE,
  PASTE_PAGE,
  WIX_PAGE,
  embedPage,
  pastedPage,
  wixPage,
} from './builder-pages.js';

interface CommandArgs {
  command: string;
  payload?: unknown;
  session: { id: string; browser: { type?: string; name?: string } };
}

const TAB_PAGE = '/__unload/tab.html';
const AWAY_PAGE = '/__unload/away.html';

function tabPage(apiUrl: string, tokenQuery: string, attrs: string, model = 'helios'): string {
  // No pagehide listener of the page's own: one registered before the element's, and already
  // warm, would take Firefox's abort in its place and hide a bug (see `UnloadController`).
  return `<!doctype html>
<html lang="en">
<meta name="viewport" content="width=device-width, initial-scale=1">
<body>
<reactor-session model="${model}" api-url="${apiUrl}" token-url="${apiUrl}/api/reactor-token${tokenQuery}"
  ${attrs || 'idle-timeout="0" autoconnect'}></reactor-session>
<script src="/__dist/reactor-elements.iife.js"></script>
<script>
  const el = document.querySelector('reactor-session');
  el.addEventListener('reactor-ready', (event) => {
    window.reactorReady = event.detail.sessionId;
  });
  el.addEventListener('reactor-end', (event) => {
    window.reactorEnd = event.detail.reason;
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted) window.reactorRestored = true;
  });
</script>
</body>
</html>`;
}

interface OpenArgs {
  apiUrl: string;
  expiresAfter?: number;
  /** The element's attributes besides model, api-url and token-url. */
  attrs?: string;
  /** Wait until the session is live (default true). */
  waitReady?: boolean;
  /** A builder's page instead of the plain one: `wix`, the player in a cross-origin iframe. */
  page?: 'wix';
  /** A phone's screen and touch, where the browser can emulate them. */
  phone?: boolean;
  /** The model (default helios). */
  model?: string;
  /** The phone's device pixels per CSS pixel (default 3, a phone's; 1 renders cheaper). */
  scale?: number;
}

type TabArgs =
  | ({ op: 'open' } & OpenArgs)
  | {
      op: 'close' | 'reload' | 'away-and-back' | 'hide' | 'show' | 'freeze' | 'resume';
      tab: number;
    }
  | { op: 'eval'; tab: number; js: string }
  | { op: 'click'; tab: number; part: string }
  | { op: 'touch'; tab: number; selector: string; holdMs: number };

export function tabsPlugin() {
  const tabs = new Map<number, Page>();
  let nextTab = 1;

  async function readyId(tab: Page): Promise<string> {
    const ready = await tab.waitForFunction(
      () => (window as { reactorReady?: string }).reactorReady,
      { timeout: 15_000, polling: 50 },
    );
    return (await ready.jsonValue()) as string;
  }

  async function open(runner: Page, args: OpenArgs) {
    const ttl = args.expiresAfter ? `&expires_after=${args.expiresAfter}` : '';
    const attrs = args.attrs ? `&attrs=${encodeURIComponent(args.attrs)}` : '';
    const model = args.model ? `&model=${encodeURIComponent(args.model)}` : '';
    const path =
      args.page === 'wix'
        ? wixPath(runner.url(), args.apiUrl)
        : `${TAB_PAGE}?api=${encodeURIComponent(args.apiUrl)}${ttl}${attrs}${model}`;
    const tab = await newTabBeside(runner);
    if (args.phone)
      await tab
        .setViewport({
          width: 390,
          height: 844,
          deviceScaleFactor: args.scale ?? 3,
          isMobile: true,
          hasTouch: true,
        })
        .catch(() => undefined); // no device emulation (Firefox): the page says so below
    await tab.goto(new URL(path, runner.url()).href);
    const id = nextTab++;
    tabs.set(id, tab);
    const phone = await tab.evaluate(() => matchMedia('(pointer: coarse)').matches);
    const sessionId = args.waitReady === false ? null : await readyId(tab);
    return { tab: id, sessionId, phone };
  }

  async function drive(runner: Page, args: TabArgs): Promise<unknown> {
    if (args.op === 'open') return open(runner, args);
    const tab = tabs.get(args.tab);
    if (!tab) throw new Error(`no tab ${args.tab}`);
    switch (args.op) {
      case 'close':
        tabs.delete(args.tab);
        await tab.close();
        return true;
      case 'reload':
        await tab.reload();
        return true;
      case 'away-and-back': {
        await tab.goto(new URL(AWAY_PAGE, tab.url()).href);
        await tab.goBack();
        return tab.evaluate(() => ({
          restored: (window as { reactorRestored?: boolean }).reactorRestored === true,
        }));
      }
      case 'hide':
        await runner.bringToFront();
        return tab.evaluate(() => document.visibilityState);
      case 'show':
        await tab.bringToFront();
        return tab.evaluate(() => document.visibilityState);
      case 'freeze':
      case 'resume': {
        // The browser's own page lifecycle (Chromium's DevTools protocol): a frozen page runs
        // no task; it fires `freeze` first, and `resume` when thawed. Null where unsupported.
        try {
          const cdp = await tab.createCDPSession();
          await cdp.send('Page.setWebLifecycleState', {
            state: args.op === 'freeze' ? 'frozen' : 'active',
          });
          await cdp.detach();
          return true;
        } catch {
          return null; // Firefox (WebDriver BiDi): no lifecycle control
        }
      }
      case 'eval':
        return tab.evaluate(args.js);
      case 'touch': {
        // A finger on the middle of an element of the player's shadow root, held, then lifted.
        const box = await tab.evaluate((selector: string) => {
          const el = document.querySelector('reactor-session')!;
          const rect = el.shadowRoot!.querySelector(selector)?.getBoundingClientRect();
          return rect && { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }, args.selector);
        if (!box) return null;
        // What may let go of a hold before the finger lifts: the window losing the focus
        // (another test's window opening) or the page being hidden, as they should; a
        // pointercancel would be the browser taking the touch for a gesture.
        // A script as text: the test runner's compiler would rename a function's helpers.
        await tab.evaluate(`{
          window.interruptions = [];
          const note = (event) => window.interruptions.push(event.type);
          addEventListener('blur', note);
          addEventListener('pointercancel', note, true);
          document.addEventListener('visibilitychange', note);
        }`);
        await tab.touchscreen.touchStart(box.x, box.y);
        await new Promise((resolve) => setTimeout(resolve, args.holdMs));
        // When the finger lifted, on the clock the test emulator (in this process) stamps with.
        const liftedAt = Date.now();
        await tab.touchscreen.touchEnd();
        const interruptions = await tab.evaluate(
          () => (window as unknown as { interruptions: string[] }).interruptions,
        );
        return { liftedAt, interruptions };
      }
      case 'click':
        return tab.evaluate((name: string) => {
          const el = document.querySelector('reactor-session')!;
          const target = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
          target?.click();
          return Boolean(target);
        }, args.part);
    }
  }

  return {
    name: 'reactor-tabs',
    serve(context: { path: string; querystring?: string }) {
      if (context.path === AWAY_PAGE) return { body: '<!doctype html><p>away</p>', type: 'html' };
      const query = new URLSearchParams(context.querystring);
      if (context.path === WIX_PAGE)
        return { body: wixPage(query.get('frame') ?? ''), type: 'html' };
      if (context.path === PASTE_PAGE)
        return { body: pastedPage(query.get('html') ?? ''), type: 'html' };
      if (context.path === EMBED_PAGE)
        return {
          body: embedPage(
            query.get('api') ?? '',
            query.get('origin') ?? '',
            query.get('attrs') ?? undefined,
            query.get('model') ?? undefined,
          ),
          type: 'html',
        };
      if (context.path !== TAB_PAGE) return undefined;
      const ttl = query.get('expires_after');
      return {
        body: tabPage(
          query.get('api') ?? '',
          ttl ? `?expires_after=${Number(ttl)}` : '',
          query.get('attrs') ?? '',
          query.get('model') ?? undefined,
        ),
        type: 'html',
      };
    },
    async executeCommand({ command, payload, session }: CommandArgs) {
      if (command === 'reactor-tab-closes') return Number(process.env.REACTOR_TAB_CLOSES) || 3;
      if (command === 'reactor-quit-browser') {
        const launcher = session.browser as unknown as { getPage(id: string): Page };
        const base = launcher.getPage(session.id).url();
        return quitBrowser(session.browser.name ?? '', base, payload as OpenArgs);
      }
      if (command !== 'reactor-close-tab' && command !== 'reactor-tab') return undefined;
      const launcher = session.browser as unknown as { getPage(id: string): Page };
      const runner = launcher.getPage(session.id);
      // Wrapped: a command that answers null or undefined counts as unknown to the runner.
      if (command === 'reactor-tab') return { value: await drive(runner, payload as TabArgs) };
      // `expiresAfter`: the token route's lifetime; `holdMs`: how long the session stays live.
      const { holdMs, ...args } = payload as OpenArgs & { holdMs?: number };
      const { tab, sessionId } = await open(runner, args);
      if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs));
      const closedAt = Date.now();
      await drive(runner, { op: 'close', tab });
      return { sessionId, closedAt };
    },
  };
}

/**
 * The Wix-like page on the runner's origin, its embed on another loopback origin (`localhost` and
 * `127.0.0.1` are two origins of the one test server), autoconnecting.
 */
export function wixPath(runnerUrl: string, apiUrl: string): string {
  const runner = new URL(runnerUrl);
  const other = new URL(runnerUrl);
  other.hostname = runner.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const frame = `${other.origin}${EMBED_PAGE}?api=${encodeURIComponent(apiUrl)}&origin=${encodeURIComponent(other.origin)}&attrs=${encodeURIComponent('idle-timeout="0" autoconnect')}`;
  return `${WIX_PAGE}?frame=${encodeURIComponent(frame)}`;
}

/**
 * A new tab in the runner page's window and browser context (so `hide` can put the runner in
 * front of it, and it shares the runner's storage and locks). Chromium puts a context's new tab
 * in that context's window; Firefox puts a tab opened without a reference in the window focused
 * last, another test file's, so there the tab is made with WebDriver BiDi's `referenceContext`.
 */
async function newTabBeside(runner: Page): Promise<Page> {
  type BrowsingContext = object;
  const context = runner.browserContext() as ReturnType<Page['browserContext']> & {
    userContext?: {
      createBrowsingContext(
        type: 'tab',
        options: { referenceContext: BrowsingContext },
      ): Promise<BrowsingContext>;
    };
  };
  const contextOf = (page: Page) =>
    (page.mainFrame() as { browsingContext?: BrowsingContext }).browsingContext;
  const reference = contextOf(runner);
  if (!context.userContext || !reference) return context.newPage();
  const created = await context.userContext.createBrowsingContext('tab', {
    referenceContext: reference,
  });
  const tab = (await context.pages()).find((page) => page && contextOf(page) === created);
  if (!tab) throw new Error('the new tab has no page');
  return tab;
}

/** A second browser of the runner's engine: a live session in it, then the browser quits. */
async function quitBrowser(engine: string, base: string, args: OpenArgs) {
  const firefox = /firefox/i.test(engine) ? resolveFirefox() : null;
  const chromium = firefox ? null : await resolveBrowser();
  const browser = await puppeteer.launch(
    firefox
      ? { browser: 'firefox', executablePath: firefox.executablePath, headless: true }
      : { executablePath: chromium!.executablePath, headless: true, args: chromium!.args },
  );
  try {
    const page = await browser.newPage();
    const path = `${TAB_PAGE}?api=${encodeURIComponent(args.apiUrl)}`;
    await page.goto(new URL(path, base).href);
    const ready = await page.waitForFunction(
      () => (window as { reactorReady?: string }).reactorReady,
      { timeout: 15_000, polling: 50 },
    );
    const sessionId = (await ready.jsonValue()) as string;
    const quitAt = Date.now();
    await browser.close();
    return { sessionId, quitAt };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
