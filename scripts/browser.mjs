// Finds the Chromium that the tests run in, without ever downloading one:
// 1. $CHROME_PATH, 2. a system Chrome/Chromium, 3. the Chromium that the @sparticuz/chromium
// devDependency carries inside its npm package (unpacked to the temp folder on first use).
// REACTOR_BROWSER=bundled skips 1 and 2 (to try the fallback on a machine that has a browser).
// Firefox: $FIREFOX_PATH or Debian's firefox-esr; none means Chromium only.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** The flags every headless run gets (no sandbox as root, no network chatter on a closed machine). */
export const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

function versionOf(path) {
  try {
    const out = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim().split('\n').pop();
  } catch {
    return 'version unknown';
  }
}

/**
 * @returns {Promise<{executablePath: string, headless: boolean | 'shell', args: string[], label: string}>}
 */
export async function resolveBrowser() {
  const forceBundled = process.env.REACTOR_BROWSER === 'bundled';
  const candidates = forceBundled ? [] : [process.env.CHROME_PATH, ...SYSTEM_PATHS].filter(Boolean);
  const system = candidates.find((p) => existsSync(p));
  if (system) {
    return {
      executablePath: system,
      headless: true,
      args: BASE_ARGS,
      label: `${versionOf(system)} (${system})`,
    };
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const args = [
    ...new Set([...chromium.args.filter((a) => !a.startsWith('--single-process')), ...BASE_ARGS]),
  ];
  return {
    executablePath,
    headless: 'shell',
    args,
    label: `${versionOf(executablePath)} (bundled by @sparticuz/chromium, ${executablePath})`,
  };
}

const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** @returns {{executablePath: string, label: string} | null} the system Firefox, if any. */
export function resolveFirefox() {
  // A path that does not run (e.g. Debian's /usr/bin/firefox wrapper with firefox-esr removed)
  // is no Firefox.
  for (const path of [process.env.FIREFOX_PATH, ...FIREFOX_PATHS].filter(Boolean)) {
    const version = existsSync(path) ? versionOf(path) : 'version unknown';
    if (version !== 'version unknown')
      return { executablePath: path, label: `${version} (${path})` };
  }
  return null;
}

const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
];

/**
 * WebKit, the engine of Safari: Debian's WebKitGTK, driven through its WebDriver
 * (`webkit2gtk-driver`) and shown on a virtual display (`xvfb-run`, from `xvfb`).
 * @returns {{driver: string, binary: string, xvfb: string, label: string} | null}
 */
export function resolveWebKit() {
  const driver = ['/usr/bin/WebKitWebDriver'].find((p) => existsSync(p));
  const binary = [process.env.MINIBROWSER_PATH, ...MINIBROWSER_PATHS]
    .filter(Boolean)
    .find((p) => existsSync(p));
  const xvfb = ['/usr/bin/xvfb-run'].find((p) => existsSync(p));
  if (!driver || !binary || !xvfb) return null;
  return { driver, binary, xvfb, label: `WebKitGTK MiniBrowser (${binary}) through ${driver}` };
}

/**
 * Starts WebKit's WebDriver on a free port, on a virtual display of its own, in a process group
 * that `stop()` ends (and that ends with this process).
 * @returns {Promise<{port: number, stop(): void}>}
 */
export async function startWebKitDriver({ driver, xvfb }) {
  const { createServer } = await import('node:net');
  const { spawn } = await import('node:child_process');
  const port = await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const child = spawn(xvfb, ['-a', driver, `--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
    // WebKitGTK takes the page's language from the locale: under CI's C locale it is "C", and
    // numbers are formatted without grouping. A visitor's Safari has a real language.
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const status = await fetch(`http://127.0.0.1:${port}/status`);
      if (status.ok) return { port, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`WebKitWebDriver did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
