import { writeSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import {
  resolveBrowser,
  resolveFirefox,
  resolveWebKit,
  startWebKitDriver,
} from './scripts/browser.mjs';
import { shippedFiles, emulatorPlugin } from './test/support/wtr-emulator.ts';
import { fixtureServers, fixturesPlugin } from './test/support/wtr-fixtures.ts';
import { matrixPlugin } from './test/support/wtr-matrix.ts';
import { tabsPlugin } from './test/support/wtr-tabs.ts';
import { failureReporter } from './test/support/wtr-failures.ts';
import { timingReporter } from './test/support/wtr-timing.ts';
import { defaultReporter } from '@web/test-runner';

// Test files at once per engine, and both engines at once. Each test session (one file in one
// browser) has its own emulator and its own browser context (storage, locks, channels), so
// files cannot see each other's sessions; REACTOR_CONCURRENCY=1 runs one file at a time.
const concurrency = Number(process.env.REACTOR_CONCURRENCY) || 3;

/**
 * Every page of the runner in a browser context of its own: the site-wide session lock, the
 * BroadcastChannel and storage of one test file are not another's (the tabs a test opens share
 * its context, see wtr-tabs.ts). And in a window of its own: a page behind another tab of its
 * window is hidden, and a hidden page's timers, frames and video callbacks are throttled.
 */
const createPage = async ({ browser }) =>
  (await browser.createBrowserContext()).newPage({ type: 'window' });

// The three engines by default; REACTOR_BROWSERS=chromium (or firefox, webkit, or a list) runs
// fewer, for quick local work.
const wanted = (process.env.REACTOR_BROWSERS ?? 'chromium,firefox,webkit').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  const chromium = await resolveBrowser();
  console.log(`[reactor-elements] browser: ${chromium.label}`);
  browsers.push(
    chromeLauncher({
      createPage,
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
        createPage,
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

/**
 * WebKit, the engine of Safari, runs the whole suite too. Debian's WebKitGTK has no WebRTC: a test
 * that needs a live stream skips itself there (test/helpers/capabilities.ts), after what it can
 * check without one.
 */
if (wanted.includes('webkit')) {
  const webkit = resolveWebKit();
  if (webkit) {
    console.log(`[reactor-elements] browser: ${webkit.label}`);
    const { port } = await startWebKitDriver(webkit);
    browsers.push(
      webdriverLauncher({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          // WebKitGTK's driver speaks classic WebDriver only (no BiDi session).
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: webkit.binary, args: ['--automation'] },
        },
      }),
    );
  } else {
    console.log(
      '[reactor-elements] WebKit not found (install webkit2gtk-driver and xvfb): the browser suite runs without it',
    );
  }
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/wordpress/**'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency,
  // Two engines at once on the two cores of CI (a third at once starved timers): WebKit, the
  // quickest, starts when one of the others is done.
  concurrentBrowsers: 2,
  // Piped output (CI, logs): plain lines, so a failure is never erased by the progress bar.
  staticLogging: !process.stdout.isTTY,
  reporters: [defaultReporter(), timingReporter(), failureReporter()],
  middleware: [fixtureServers(), shippedFiles()],
  plugins: [
    emulatorPlugin(),
    fixturesPlugin(),
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
