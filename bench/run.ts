/**
 * `npm run bench`: figures, not timed tests. Starts the emulator and a static page server on
 * loopback, drives headless Chromium, and measures in the same run, alternating:
 * - connect: click → ready and ready → first presented frame, `<reactor-session>` (the shipped
 *   classic script) against the official SDK (`@reactor-team/js-sdk`, bundled for the browser),
 *   medians and spread of `BENCH_RUNS` runs (default 11), at GPU delay 300 ms and 0, on loopback
 *   and with a modelled 40 ms per request (preflights included); requests per connect;
 * - size: raw, gzip and brotli of each shipped bundle and of the SDK's browser bundle.
 * Prints a table and writes `bench/results.json`. Exits non-zero only when something failed to
 * run, never on a slow figure.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import * as puppeteer from 'puppeteer-core';
import { createEmulator } from '../demo/emulator/index.js';
import { shippedBundle } from '../scripts/shipped-bundle.js';
import { resolveBrowser } from '../scripts/browser.mjs';
import { type Costs, measureCosts } from './costs.js';

const RUNS = Number(process.env.BENCH_RUNS) || 11;
/** The element clicked at once, the element after the pointer rested on Start, the SDK. */
const WHO = ['element', 'element, hovered', 'sdk'] as const;
type Who = (typeof WHO)[number];

interface Sample {
  readyMs: number;
  frameMs: number;
  /** The element's connect phases (ms from the click), when it marks them. */
  marks?: Record<string, number>;
  requests: number;
  preflights: number;
}

const PAGE = `<!doctype html><html lang="en"><body>
<video id="sdk-video" muted playsinline autoplay></video>
<script src="/reactor-elements.iife.js"></script>
<script type="module">
  const { Reactor } = await import('/sdk.js');
  const frame = (video) => new Promise((resolve) => video.requestVideoFrameCallback(() => resolve(performance.now())));
  window.benchElement = async (api, hover) => {
    const el = document.createElement('reactor-session');
    for (const [k, v] of Object.entries({ model: 'helios', 'api-url': api, 'token-url': api + '/api/reactor-token', 'idle-timeout': '0', exclusive: 'false' })) el.setAttribute(k, v);
    document.body.append(el);
    await el.updateComplete;
    const button = el.shadowRoot.querySelector('[part="connect-button"]');
    if (hover) {
      // A visitor's pointer rests on Start before the click (the element fetches the token then).
      button.dispatchEvent(new PointerEvent('pointerenter'));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const ready = new Promise((resolve) => el.addEventListener('reactor-ready', () => resolve(performance.now()), { once: true }));
    performance.clearMarks();
    const t0 = performance.now();
    button.click();
    const readyAt = await ready;
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('reactor:')).map((m) => [m.name.slice(8), m.startTime - t0]));
    const framedAt = await frame(el.shadowRoot.querySelector('video'));
    const ended = new Promise((resolve) => el.addEventListener('reactor-end', resolve, { once: true }));
    el.disconnect();
    await ended;
    el.remove();
    return { readyMs: readyAt - t0, frameMs: framedAt - readyAt, marks };
  };
  window.benchSdk = async (api) => {
    const video = document.getElementById('sdk-video');
    const t0 = performance.now();
    // The same work as the element: the token from the site's route, then connect.
    const { jwt } = await (await fetch(api + '/api/reactor-token')).json();
    const reactor = new Reactor({ modelName: 'helios', apiUrl: api });
    const ready = new Promise((resolve) => reactor.on('statusChanged', (s) => s === 'ready' && resolve(performance.now())));
    reactor.on('trackReceived', (name, track, stream) => { if (track.kind === 'video') video.srcObject = stream; });
    await reactor.connect(jwt);
    const readyAt = await ready;
    const framedAt = await frame(video);
    await reactor.disconnect(false);
    video.srcObject = null;
    return { readyMs: readyAt - t0, frameMs: framedAt - readyAt };
  };
  window.benchLoaded = true;
</script></body></html>`;

async function sdkBundle(): Promise<string> {
  const result = await build({
    entryPoints: ['@reactor-team/js-sdk'],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    }),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

const PHASES = ['token', 'created', 'gpu', 'ice', 'answer', 'ready'] as const;

/** Median time spent in each connect phase (from the previous mark; the first from the click). */
function phases(samples: Sample[]): Record<string, number> | undefined {
  if (!samples.every((s) => s.marks && PHASES.every((p) => p in s.marks!))) return undefined;
  return Object.fromEntries(
    PHASES.map((p, i) => [
      p,
      Math.round(median(samples.map((s) => s.marks![p]! - (i ? s.marks![PHASES[i - 1]!]! : 0)))),
    ]),
  );
}

function sizes(code: string) {
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

async function main() {
  const [esm, iife, sdk] = await Promise.all([
    shippedBundle('reactor-elements.js'),
    shippedBundle('reactor-elements.iife.js'),
    sdkBundle(),
  ]);
  const emulator = createEmulator();
  const counts = { requests: 0, preflights: 0 };
  const api = await listen((req, res) => {
    if (!req.url?.startsWith('/_emulator')) {
      counts.requests += 1;
      if (req.method === 'OPTIONS') counts.preflights += 1;
    }
    emulator.handler(req, res);
  });
  const files: Record<string, [string, string]> = {
    '/': [PAGE, 'text/html'],
    '/reactor-elements.iife.js': [iife, 'text/javascript'],
    '/sdk.js': [sdk, 'text/javascript'],
  };
  const site = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    if (url.pathname === '/page.html') {
      // A plain page with the classic script and the given markup (the cost figures).
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(
        `<!doctype html><html lang="en"><body>${url.searchParams.get('markup') ?? ''}<script src="/reactor-elements.iife.js"></script></body></html>`,
      );
      return;
    }
    const file = files[req.url ?? '/'];
    res.writeHead(file ? 200 : 404, { 'Content-Type': file?.[1] ?? 'text/plain' });
    res.end(file?.[0] ?? 'not found');
  });
  const chromium = await resolveBrowser();
  const browser = await puppeteer.launch({
    executablePath: chromium.executablePath,
    headless: true,
    args: [...chromium.args, '--autoplay-policy=no-user-gesture-required'],
  });
  const connect: Record<string, unknown>[] = [];
  let costs: Costs | undefined;
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => (window as { benchLoaded?: boolean }).benchLoaded);
    for (const gpuDelayMs of [300, 0]) {
      for (const latencyMs of [0, 40]) {
        emulator.platform.configure({ gpuDelayMs, latencyMs, sessionsPerMinute: 1_000_000 });
        const runs: Record<Who, Sample[]> = { element: [], 'element, hovered': [], sdk: [] };
        // One warm-up each (first-connect costs: the bundle's first run, the peer stack).
        for (let i = -1; i < RUNS; i++) {
          for (const who of i % 2 ? WHO : [...WHO].reverse()) {
            counts.requests = counts.preflights = 0;
            const fn = who === 'sdk' ? 'benchSdk' : 'benchElement';
            const run = (name: string, url: string, hover: boolean) =>
              (window as unknown as Record<string, (a: string, h: boolean) => Promise<unknown>>)[
                name
              ]!(url, hover);
            const sample = (await page.evaluate(
              run,
              fn,
              api.url,
              who === 'element, hovered',
            )) as Omit<Sample, 'requests' | 'preflights'>;
            if (i >= 0) runs[who].push({ ...sample, ...counts });
          }
        }
        for (const who of WHO) {
          const r = runs[who];
          connect.push({
            who,
            gpuDelayMs,
            latencyMs,
            readyMedian: Math.round(median(r.map((s) => s.readyMs))),
            readySpread: spread(r.map((s) => s.readyMs)),
            frameMedian: Math.round(median(r.map((s) => s.frameMs))),
            // What the visitor sees: the click until the first frame on screen.
            clickToFrameMedian: Math.round(median(r.map((s) => s.readyMs + s.frameMs))),
            requests: median(r.map((s) => s.requests)),
            preflights: median(r.map((s) => s.preflights)),
            phases: phases(r),
          });
        }
      }
    }
    costs = await measureCosts(
      browser,
      emulator,
      (markup) => `${site.url}/page.html?markup=${encodeURIComponent(markup)}`,
      api.url,
      () => counts.requests,
    );
  } finally {
    await browser.close();
    site.close();
    api.close();
    await emulator.close();
  }
  const size = {
    'reactor-elements.js': sizes(esm),
    'reactor-elements.iife.js': sizes(iife),
    '@reactor-team/js-sdk (browser bundle)': sizes(sdk),
  };
  const results = {
    date: new Date().toISOString(),
    runs: RUNS,
    browser: chromium.label,
    connect,
    costs,
    size,
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Connect (Chromium, click → ready, ms; median of ${RUNS}, spread; ready → frame)`);
  console.log(
    '| who | GPU delay | per request | click → ready | spread | → frame | click → frame | requests | preflights |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const c of connect)
    console.log(
      `| ${c.who} | ${c.gpuDelayMs} | ${c.latencyMs} | ${c.readyMedian} | ${c.readySpread} | ${c.frameMedian} | ${c.clickToFrameMedian} | ${c.requests} | ${c.preflights} |`,
    );
  console.log("\nThe element's phases (median ms spent in each, from the click)");
  console.log(`| who | GPU delay | per request | ${PHASES.join(' | ')} |`);
  console.log(`| --- | --- | --- | ${PHASES.map(() => '---').join(' | ')} |`);
  for (const c of connect.filter((x) => x.who !== 'sdk' && x.phases)) {
    const p = c.phases as Record<string, number>;
    const cells = PHASES.map((k) => p[k]).join(' | ');
    console.log(`| ${c.who as string} | ${c.gpuDelayMs} | ${c.latencyMs} | ${cells} |`);
  }
  const pairs = connect.filter((c) => c.who !== 'sdk');
  for (const e of pairs) {
    const s = connect.find(
      (c) => c.who === 'sdk' && c.gpuDelayMs === e.gpuDelayMs && c.latencyMs === e.latencyMs,
    )!;
    console.log(
      `GPU ${e.gpuDelayMs as number} ms, ${e.latencyMs as number} ms/request: ${e.who as string} is ${((s.readyMedian as number) / (e.readyMedian as number)).toFixed(2)}× the SDK's speed to ready, ${((s.clickToFrameMedian as number) / (e.clickToFrameMedian as number)).toFixed(2)}× to the first frame; over the GPU delay: ${(e.readyMedian as number) - (e.gpuDelayMs as number)} ms`,
    );
  }
  if (costs) {
    const { idle, live, churn } = costs;
    console.log('\nCosts');
    console.log('| what | figure |');
    console.log('| --- | --- |');
    console.log(
      `| idle page (pricing, balance, session; no refresh), ${idle.seconds} s | ${idle.timersPerMinute} timers/min, ${idle.requestsPerMinute} requests/min |`,
    );
    console.log(
      `| live session, ${live.seconds} s | ${live.mainThreadMsPerSecond} ms main thread per s, ${live.timersPerSecond} timers/s |`,
    );
    console.log(
      `| after ${churn.cycles} connect/disconnect cycles | ${churn.openPeerConnections} open peer connections, heap ${churn.heapGrowthKb >= 0 ? '+' : ''}${churn.heapGrowthKb} KB (${churn.secondHalfHeapGrowthKb >= 0 ? '+' : ''}${churn.secondHalfHeapGrowthKb} KB in the last ${churn.cycles / 2}), ${churn.openSessions} sessions open in the ledger |`,
    );
  }
  console.log('\nSize (bytes)');
  console.log('| file | raw | gzip -9 | brotli 11 |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, s] of Object.entries(size))
    console.log(`| ${name} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
}

main().then(
  // Exit at once: the WebRTC native addon of the emulator can crash in its teardown at a
  // normal exit (SIGSEGV, exit 139) after every figure was written.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
