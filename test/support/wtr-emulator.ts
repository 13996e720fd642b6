/**
 * A @web/test-runner plugin: starts the Reactor emulator on a free port for the whole run and
 * serves what the browser tests need from the test server:
 * - `GET /__emulator` → `{url}` of the emulator (a different origin, so CORS is exercised);
 * - `GET /__vendor/reactor-sdk.js` → the official `@reactor-team/js-sdk`, bundled once to plain
 *   ESM with esbuild (its dist imports CommonJS-only react, which the dev server cannot load);
 * - `GET /__bundle/reactor-elements.js` → the shipped bundle, built by `vite build` from
 *   vite.config.ts (lit included, templates minified) without writing `dist/`, so tests run what
 *   a site gets, and a test can load two independent copies (`?copy=a`, `?copy=b`) on one page;
 * - `GET /__vendor/react-app.js` → `demo/react-app.jsx` with React 19, bundled by esbuild;
 * - `GET /__dist/<file>` → a file of `npm run build`: the two bundles and the locale scripts;
 * - `GET /__csp/iife.html`, `/__csp/esm.html` (+ `/__csp/drive.js`) → plain pages that load only
 *   one build under a strict Content-Security-Policy (see csp-pages.ts).
 */
import { build } from 'esbuild';
import { BLOCKED_PAGE, CSP_PAGE, DRIVER, blockedPage, cspPage } from './csp-pages.js';
import { shippedBundle } from '../../scripts/shipped-bundle.js';
import { createEmulator, type Emulator } from '../../demo/emulator/index.js';

interface ServeContext {
  path: string;
}

export function emulatorPlugin() {
  let emulator: Emulator | null = null;
  let sdk: Promise<string> | null = null;
  let reactApp: Promise<string> | null = null;
  return {
    name: 'reactor-emulator',
    async serverStart() {
      emulator = createEmulator();
      const url = await emulator.listen(0);
      console.log(`[reactor-elements] emulator: ${url}`);
    },
    async serverStop() {
      await emulator?.close();
    },
    async serve(context: ServeContext) {
      if (context.path === '/__emulator') {
        return { body: JSON.stringify({ url: emulator?.url }), type: 'json' };
      }
      if (context.path === '/__vendor/react-app.js') {
        reactApp ??= bundle('demo/react-app.jsx', { 'process.env.NODE_ENV': '"production"' });
        return { body: await reactApp, type: 'js' };
      }
      if (context.path === '/__vendor/reactor-sdk.js') {
        sdk ??= bundleOfficialSdk();
        return { body: await sdk, type: 'js' };
      }
      const dist = /^\/__dist\/(reactor-elements(?:\.iife|\.[a-z]{2})?\.js)$/.exec(context.path);
      if (dist) return { body: await shippedBundle(dist[1]), type: 'js' };
      const csp = CSP_PAGE.exec(context.path);
      if (csp) {
        const trustedTypes = (context as { querystring?: string }).querystring === 'trusted-types';
        return {
          body: cspPage(csp[1] as 'iife' | 'esm', emulator!.url!, trustedTypes),
          type: 'html',
        };
      }
      if (context.path === '/__csp/drive.js') return { body: DRIVER, type: 'js' };
      if (context.path === BLOCKED_PAGE) {
        const jwt = new URLSearchParams((context as { querystring?: string }).querystring).get(
          'jwt',
        );
        return { body: blockedPage(emulator!.url!, jwt ?? ''), type: 'html' };
      }
      if (context.path === '/__bundle/reactor-elements.js') {
        return { body: await shippedBundle(), type: 'js' };
      }
      return undefined;
    },
  };
}

const bundleOfficialSdk = () =>
  bundle('@reactor-team/js-sdk', { 'process.env.NODE_ENV': '"production"' });

async function bundle(entry: string, define: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [entry],
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
