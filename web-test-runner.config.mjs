import { writeSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { resolveBrowser, resolveFirefox } from './scripts/browser.mjs';
import { emulatorPlugin } from './test/support/wtr-emulator.ts';
import { matrixPlugin } from './test/support/wtr-matrix.ts';
import { tabsPlugin } from './test/support/wtr-tabs.ts';

// Both engines by default; REACTOR_BROWSERS=chromium (or firefox) runs one, for quick local work.
const wanted = (process.env.REACTOR_BROWSERS ?? 'chromium,firefox').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  const chromium = await resolveBrowser();
  console.log(`[reactor-elements] browser: ${chromium.label}`);
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: chromium.executablePath,
        headless: chromium.headless,
        args: chromium.args,
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  const firefox = resolveFirefox();
  if (firefox) {
    console.log(`[reactor-elements] browser: ${firefox.label}`);
    // puppeteer-core drives Firefox over WebDriver BiDi; the runner names it "Firefox".
    browsers.push(
      chromeLauncher({
        puppeteer,
        launchOptions: {
          browser: 'firefox',
          executablePath: firefox.executablePath,
          headless: true,
        },
      }),
    );
  } else {
    console.log(
      '[reactor-elements] Firefox not found (install firefox-esr): the browser suite runs in Chromium only',
    );
  }
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['development'] },
  // One test file at a time, one engine after the other: the tests share one stateful emulator.
  concurrency: 1,
  concurrentBrowsers: 1,
  // Piped output (CI, logs): plain lines, so a failure is never erased by the progress bar.
  staticLogging: !process.stdout.isTTY,
  plugins: [
    emulatorPlugin(),
    tabsPlugin(),
    matrixPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers,
  testFramework: { config: { timeout: 15000 } },
  // The official SDK logs every step at debug level; keep warnings and errors.
  filterBrowserLogs: ({ type, args }) =>
    type !== 'debug' && !String(args[0]).includes('Lit is in dev mode'),
};

// The runner exits with code 1 and no summary when it is interrupted (it stops on SIGINT) or
// when an uncaught exception in this process stops it (in the emulator, say). While it runs it
// buffers console output, and a process that exits drops that buffer: so these lines go
// straight to stderr, and a red run that printed no failure still says why.
const say = (line) => writeSync(2, `[reactor-elements] ${line}\n`);
process.on('SIGINT', () => say('the browser suite got SIGINT'));
process.on('uncaughtException', (error) =>
  say(`an uncaught exception stops the browser suite: ${error?.stack ?? error}`),
);
process.on('exit', (code) => {
  if (code !== 0) say(`the browser suite exited with code ${code}`);
});
