import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { resolveBrowser } from './scripts/browser.mjs';
import { emulatorPlugin } from './test/support/wtr-emulator.ts';

const browser = await resolveBrowser();
console.log(`[reactor-elements] browser: ${browser.label}`);

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  // Piped output (CI, logs): plain lines, so a failure is never erased by the progress bar.
  staticLogging: !process.stdout.isTTY,
  plugins: [
    emulatorPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: browser.executablePath,
        headless: browser.headless,
        args: browser.args,
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  // The official SDK logs every step at debug level; keep warnings and errors.
  filterBrowserLogs: ({ type, args }) =>
    type !== 'debug' && !String(args[0]).includes('Lit is in dev mode'),
};

// The runner exits with code 1 and no summary when it is interrupted (it stops on SIGINT) or
// stopped by an error it swallows: say so, so a red run that printed no failure still tells.
process.on('SIGINT', () => console.error('[reactor-elements] the browser suite got SIGINT'));
process.on('exit', (code) => {
  if (code !== 0) console.error(`[reactor-elements] the browser suite exited with code ${code}`);
});
