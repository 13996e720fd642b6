/**
 * A @web/test-runner plugin: gives every test session (one test file in one browser) a Reactor
 * emulator of its own, on its own free port, so files run at once without sharing a ledger,
 * limits, faults or config; and serves what the browser tests need from the test server:
 * - the `reactor-emulator` command → `{url}` of the session's emulator (another origin than the
 *   test page, so CORS is exercised), started on first use and closed once the session is over;
 * - `GET /__emulator` → a JSON answer that is no token (a wrong token route for bad-input tests);
 * - `GET /__vendor/reactor-sdk.js` → the official `@reactor-team/js-sdk`, bundled once to plain
 *   ESM with esbuild (its dist imports CommonJS-only react, which the dev server cannot load);
 * - `GET /__bundle/reactor-elements.js` → the shipped bundle, built by `vite build` from
 *   vite.config.ts (lit included, templates minified) without writing `dist/`, byte for byte
 *   (`shippedFiles`, below), so tests run what a site gets, and a test can load two independent
 *   copies (`?copy=a`, `?copy=b`) on one page;
 * - `GET /__vendor/react-app.js` → `demo/react-app.jsx` with React 19, bundled by esbuild;
 * - `GET /__dist/<file>` → a file of `npm run build`, byte for byte (`shippedFiles`, below);
 * - `GET /__csp/iife.html?api=…`, `/__csp/esm.html?api=…` (+ `/__csp/drive.js`) → plain pages that
 *   load only one build under a strict Content-Security-Policy (see csp-pages.ts).
 */
import { build } from 'esbuild';
import {
  BLOCKED_PAGE,
  CHECKLIST_PAGE,
  CSP_PAGE,
  DRIVER,
  blockedPage,
  checklistPage,
  cspPage,
} from './csp-pages.js';
import { shippedBundle } from '../../scripts/shipped-bundle.js';
import { createEmulator, type Emulator } from '../../demo/emulator/index.js';

interface ServeContext {
  path: string;
  querystring?: string;
}

interface CommandArgs {
  command: string;
  session: { id: string; browser: { isActive(sessionId: string): boolean } };
}

/**
 * The test emulators' video: a smaller, slower stream than the demo's 480 × 270 at 30 fps. Every
 * emulator of the run shares this Node process, and the suite streams up to a dozen sessions at
 * once on two cores: each stream's drawing and encoding here, and its decoding in the browser,
 * is CPU the timers under test do not get. A quarter of the pixels per second is still a real
 * VP8 stream, with frames to count.
 */
const TEST_VIDEO = { width: 320, height: 180, fps: 15 };

/** How often emulators of finished sessions are looked for and closed. */
const SWEEP_MS = 5000;

export function emulatorPlugin() {
  const emulators = new Map<
    string,
    { emulator: Emulator; url: Promise<string>; done(): boolean }
  >();
  let sweeper: ReturnType<typeof setInterval> | null = null;
  let sdk: Promise<string> | null = null;
  let reactApp: Promise<string> | null = null;
  const reactWrappers: Record<string, Promise<string>> = {};

  /** The emulator of a test session, started on first use. */
  function emulatorOf(session: CommandArgs['session']): Promise<string> {
    let entry = emulators.get(session.id);
    if (!entry) {
      const emulator = createEmulator({ video: TEST_VIDEO });
      const done = () => !session.browser.isActive(session.id);
      entry = { emulator, url: emulator.listen(0), done };
      emulators.set(session.id, entry);
    }
    return entry.url;
  }

  /** Closes the emulators whose test session is over (or all of them). */
  async function sweep(all = false): Promise<void> {
    const over = [...emulators].filter(([, entry]) => all || entry.done());
    for (const [id] of over) emulators.delete(id);
    await Promise.all(over.map(([, entry]) => entry.emulator.close()));
  }

  return {
    name: 'reactor-emulator',
    serverStart() {
      sweeper = setInterval(() => void sweep(), SWEEP_MS);
      sweeper.unref();
    },
    async serverStop() {
      if (sweeper) clearInterval(sweeper);
      await sweep(true);
    },
    async executeCommand({ command, session }: CommandArgs) {
      if (command !== 'reactor-emulator') return undefined;
      return { url: await emulatorOf(session) };
    },
    async serve(context: ServeContext) {
      if (context.path === '/__emulator') {
        return { body: JSON.stringify({ emulator: 'one per test session' }), type: 'json' };
      }
      if (context.path === '/__vendor/react-app.js') {
        reactApp ??= bundle('demo/react-app.jsx', { 'process.env.NODE_ENV': '"production"' });
        return { body: await reactApp, type: 'js' };
      }
      const wrappers = /^\/__vendor\/react(18|19)-wrappers\.js$/.exec(context.path);
      if (wrappers) {
        const react = wrappers[1]!;
        reactWrappers[react] ??= bundle(
          'test/fixtures/react18/app.jsx',
          { 'process.env.NODE_ENV': '"production"' },
          react === '18' ? REACT_18 : REACT_19,
        );
        return { body: await reactWrappers[react], type: 'js' };
      }
      if (context.path === '/__vendor/reactor-sdk.js') {
        sdk ??= bundleOfficialSdk();
        return { body: await sdk, type: 'js' };
      }

      const query = new URLSearchParams(context.querystring);
      const csp = CSP_PAGE.exec(context.path);
      if (csp) {
        const trustedTypes = query.has('trusted-types');
        return {
          body: cspPage(csp[1] as 'iife' | 'esm', query.get('api') ?? '', trustedTypes),
          type: 'html',
        };
      }
      if (context.path === '/__csp/drive.js') return { body: DRIVER, type: 'js' };
      if (context.path === BLOCKED_PAGE) {
        return {
          body: blockedPage(query.get('api') ?? '', query.get('jwt') ?? ''),
          type: 'html',
        };
      }
      if (context.path === CHECKLIST_PAGE)
        return { body: checklistPage(query.get('api') ?? ''), type: 'html' };
      return undefined;
    },
  };
}

const bundleOfficialSdk = () =>
  bundle('@reactor-team/js-sdk', { 'process.env.NODE_ENV': '"production"' });

/** React 18 from its fixture's workspace, React 19 from the root: one React per bundle. */
const REACT_18 = {
  react: 'test/fixtures/react18/node_modules/react',
  'react-dom': 'test/fixtures/react18/node_modules/react-dom',
};
const REACT_19 = { react: 'node_modules/react', 'react-dom': 'node_modules/react-dom' };

async function bundle(
  entry: string,
  define: Record<string, string>,
  alias: Record<string, string> = {},
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    alias: Object.fromEntries(Object.entries(alias).map(([name, path]) => [name, `./${path}`])),
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    platform: 'browser',
    define,
    jsx: 'automatic',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const DIST = /^\/__dist\/(reactor-elements(?:\.iife|\.debug|\.[a-z]{2})?\.js)$/;

/**
 * Koa middleware of the test server: the shipped files byte for byte, ahead of the runner's own
 * transforms (its esbuild pass re-prints every script it serves, and a pinned script line's
 * `integrity` is the shipped file's). `GET /__bundle/reactor-elements.js` is the ES module the
 * suite imports; `GET /__dist/<file>` a file of `npm run build` (the two bundles, the locale
 * scripts, the checklist script), served as a CDN serves it: to any origin.
 */
export function shippedFiles() {
  return async (
    ctx: { path: string; body: unknown; type: string; set(key: string, value: string): void },
    next: () => Promise<void>,
  ) => {
    const file =
      ctx.path === '/__bundle/reactor-elements.js'
        ? 'reactor-elements.js'
        : DIST.exec(ctx.path)?.[1];
    if (!file) return next();
    ctx.body = await shippedBundle(file);
    ctx.type = 'application/javascript';
    ctx.set('Access-Control-Allow-Origin', '*');
  };
}
