/**
 * A @web/test-runner plugin: starts the Reactor emulator on a free port for the whole run and
 * serves what the browser tests need from the test server:
 * - `GET /__emulator` → `{url}` of the emulator (a different origin, so CORS is exercised);
 * - `GET /__vendor/reactor-sdk.js` → the official `@reactor-team/js-sdk`, bundled once to plain
 *   ESM with esbuild (its dist imports CommonJS-only react, which the dev server cannot load).
 */
import { build } from 'esbuild';
import { createEmulator, type Emulator } from '../../demo/emulator/index.js';

interface ServeContext {
  path: string;
}

export function emulatorPlugin() {
  let emulator: Emulator | null = null;
  let sdk: Promise<string> | null = null;
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
      return undefined;
    },
  };
}

async function bundleOfficialSdk(): Promise<string> {
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
