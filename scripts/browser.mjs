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
