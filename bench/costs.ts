/**
 * The bench's cost figures (see run.ts): what the elements cost a page while nobody uses them,
 * what a live session costs the main thread, and what 50 connect/disconnect cycles leave behind.
 * Each runs in a fresh tab of the bench's browser, with timers and peer connections counted by
 * a script that runs before the page's own.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Emulator } from '../demo/emulator/index.js';

/** Counts timers created and keeps every RTCPeerConnection, before any page script runs. */
const INSTRUMENT = `(() => {
  window.__timers = 0;
  for (const name of ['setTimeout', 'setInterval']) {
    const original = window[name];
    window[name] = function (...args) { window.__timers += 1; return original.apply(this, args); };
  }
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Native {
    // Weakly held: the count must not keep 50 closed connections (and what they point to) alive.
    constructor(...args) { super(...args); window.__pcs.push(new WeakRef(this)); }
  };
})();`;

/** The part of `<reactor-session>` the page scripts below use (the bench has no DOM types of ours). */
type SessionLike = Element & { connect(): Promise<void>; disconnect(): void };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const IDLE_MS = 15_000;
const LIVE_MS = 30_000;
export const CHURN_CYCLES = 50;

export interface Costs {
  idle: { seconds: number; timersPerMinute: number; requestsPerMinute: number };
  live: { seconds: number; mainThreadMsPerSecond: number; timersPerSecond: number };
  churn: {
    cycles: number;
    openPeerConnections: number;
    heapGrowthKb: number;
    /** Of it, the growth over the second half of the cycles. */
    secondHalfHeapGrowthKb: number;
    openSessions: number;
  };
}

async function instrumentedTab(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(INSTRUMENT);
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('reactor-session'));
  return page;
}

/** Reads the page's main-thread busy time (ms) on one DevTools session, enabled once. */
async function mainThreadClock(page: Page): Promise<() => Promise<number>> {
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
}

/**
 * `pageUrl(markup)`: a page of the bench's site with that markup and the classic script;
 * `requests()`: requests the emulator has answered so far (preflights included).
 */
export async function measureCosts(
  browser: Browser,
  emulator: Emulator,
  pageUrl: (markup: string) => string,
  apiUrl: string,
  requests: () => number,
): Promise<Costs> {
  emulator.platform.configure({ gpuDelayMs: 300, latencyMs: 0 });
  const session = `<reactor-session model="helios" api-url="${apiUrl}" token-url="${apiUrl}/api/reactor-token" idle-timeout="0" exclusive="false"></reactor-session>`;

  // Idle: the three elements, no session, no refresh set.
  const idlePage = await instrumentedTab(
    browser,
    pageUrl(
      `<reactor-pricing api-url="${apiUrl}" refresh="0"></reactor-pricing>` +
        `<reactor-balance src="${apiUrl}/api/reactor-balance" refresh="0"></reactor-balance>${session}`,
    ),
  );
  await sleep(2000); // loaded: prices, balance, estimate
  const timersBefore = await idlePage.evaluate(() => (window as { __timers?: number }).__timers!);
  const requestsBefore = requests();
  await sleep(IDLE_MS);
  const timers =
    (await idlePage.evaluate(() => (window as { __timers?: number }).__timers!)) - timersBefore;
  const idleRequests = requests() - requestsBefore;
  await idlePage.close();

  // Live: one session for LIVE_MS.
  const livePage = await instrumentedTab(browser, pageUrl(session));
  await livePage.evaluate(async () => {
    const el = document.querySelector('reactor-session')!;
    const ready = new Promise((r) => el.addEventListener('reactor-ready', r, { once: true }));
    el.shadowRoot!.querySelector<HTMLElement>('[part="connect-button"]')!.click();
    await ready;
  });
  const mainThreadMs = await mainThreadClock(livePage);
  const busyBefore = await mainThreadMs();
  const liveTimersBefore = await livePage.evaluate(
    () => (window as { __timers?: number }).__timers!,
  );
  await sleep(LIVE_MS);
  const busy = (await mainThreadMs()) - busyBefore;
  const liveTimers =
    (await livePage.evaluate(() => (window as { __timers?: number }).__timers!)) - liveTimersBefore;
  await livePage.evaluate(() =>
    document.querySelector<SessionLike>('reactor-session')!.disconnect(),
  );
  await livePage.close();

  // Churn: connect and disconnect the same element, then look at what is left.
  const churnPage = await instrumentedTab(browser, pageUrl(session));
  const heap = async () => {
    const cdp = await churnPage.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const heapBefore = await heap();
  const cycle = (cycles: number) =>
    churnPage.evaluate(async (n: number) => {
      const el = document.querySelector<SessionLike>('reactor-session')!;
      for (let i = 0; i < n; i++) {
        const ready = new Promise((r) => el.addEventListener('reactor-ready', r, { once: true }));
        const ended = new Promise((r) => el.addEventListener('reactor-end', r, { once: true }));
        void el.connect();
        await ready;
        el.disconnect();
        await ended;
      }
    }, cycles);
  // In two halves: growth that goes on in the second half is kept per connect (a leak); growth
  // in the first only is the page warming up (compiled code, first renders, caches).
  await cycle(CHURN_CYCLES / 2);
  await sleep(1000);
  const heapHalfway = await heap();
  await cycle(CHURN_CYCLES / 2);
  await sleep(1000); // the last DELETE answered
  const openPeerConnections = await churnPage.evaluate(
    () =>
      (window as unknown as { __pcs: WeakRef<RTCPeerConnection>[] }).__pcs
        .map((ref) => ref.deref())
        .filter((pc) => pc && pc.connectionState !== 'closed' && pc.signalingState !== 'closed')
        .length,
  );
  const heapAfter = await heap();
  const heapGrowthKb = Math.round((heapAfter - heapBefore) / 1024);
  const secondHalfHeapGrowthKb = Math.round((heapAfter - heapHalfway) / 1024);
  await churnPage.close();
  const ledger = emulator.platform.ledger();
  return {
    idle: {
      seconds: IDLE_MS / 1000,
      timersPerMinute: Math.round((timers * 60_000) / IDLE_MS),
      requestsPerMinute: Math.round((idleRequests * 60_000) / IDLE_MS),
    },
    live: {
      seconds: LIVE_MS / 1000,
      mainThreadMsPerSecond: Math.round((busy / (LIVE_MS / 1000)) * 10) / 10,
      timersPerSecond: Math.round((liveTimers / (LIVE_MS / 1000)) * 10) / 10,
    },
    churn: {
      cycles: CHURN_CYCLES,
      openPeerConnections,
      heapGrowthKb,
      secondHalfHeapGrowthKb,
      openSessions: ledger.filter((e) => e.state !== 'CLOSED').length,
    },
  };
}
