/**
 * A @web/test-runner plugin: starts the Reactor emulator on a free port for the whole run and
 * serves what the browser tests need from the test server:
 * - `GET /__emulator` → `{url}` of the emulator (a different origin, so CORS is exercised);
 * - `GET /__vendor/reactor-sdk.js` → the official `@reactor-team/js-sdk`, bundled once to plain
 *   ESM with esbuild (its dist imports CommonJS-only react, which the dev server cannot load);
 * - `GET /__bundle/reactor-elements.js` → the shipped bundle, built by `vite build` from
 *   vite.config.ts (lit included, templates minified) without writing `dist/`, so tests run what
 *   a site gets, and a test can load two independent copies (`?copy=a`, `?copy=b`) on one page.
 */
import { build } from 'esbuild';
import { shippedBundle } from './shipped-bundle.js';
import { createEmulator, type Emulator } from '../../demo/emulator/index.js';

interface ServeContext {
  path: string;
}

export function emulatorPlugin() {
  let emulator: Emulator | null = null;
  let sdk: Promise<string> | null = null;
  let library: Promise<string> | null = null;
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
      if (context.path === '/__vendor/reactor-sdk.js') {
        sdk ??= bundleOfficialSdk();
        return { body: await sdk, type: 'js' };
      }
      if (context.path === '/__bundle/reactor-elements.js') {
        library ??= shippedBundle();
        return { body: await library, type: 'js' };
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
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
