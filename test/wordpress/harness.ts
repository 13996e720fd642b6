/**
 * The WordPress tests' harness: the emulator (today's runtime, strict), a local WordPress with the
 * plugin (wordpress/dev/), a Chromium, and what the tests do with them: ask the token route as a
 * page would, post as the Author through the REST API, open a page and take a session live and
 * end it, open wp-admin as a user, change a setting, forget the minute's counts.
 */
import assert from 'node:assert/strict';
import * as puppeteer from 'puppeteer-core';
import { createEmulator, type Emulator } from '../../demo/emulator/server.js';
import { DEFAULT_CONFIG } from '../../demo/emulator/config.js';
import { type Site, startSite } from '../../wordpress/dev/site.js';
import { resolveBrowser } from '../../scripts/browser.mjs';

export const KEY = DEFAULT_CONFIG.apiKey;
let emulator: Emulator;
let api: string;
let site: Site;
let browser: puppeteer.Browser;

/** The site under test (set by `startHarness`). */
export const harness = {
  get site() {
    return site;
  },
};

export const minted = async (): Promise<number> =>
  ((await (await fetch(`${api}/_emulator/tokens`)).json()) as { minted: number }).minted;

export const ledger = async () =>
  (await (await fetch(`${api}/_emulator/sessions`)).json()) as {
    session_id: string;
    ended_by: string | null;
    state: string;
  }[];

/** The token route as a page of `origin` asks it. */
export const token = (path: string, origin: string | null, init: RequestInit = {}) =>
  fetch(`${site.url}${path}`, {
    ...init,
    headers: { ...(origin ? { Origin: origin } : {}), ...(init.headers ?? {}) },
  });

/** What the REST API answers the Author (an application password, as the editor saves). */
export async function asAuthor<T>(path: string, body?: unknown): Promise<T> {
  const auth = Buffer.from(`${site.author.user}:${site.author.appPassword}`).toString('base64');
  const response = await fetch(`${site.url}/wp-json${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

/** A published post of the Author's with `content`: its address and what was saved. */
export async function authorPost(title: string, content: string) {
  const post = await asAuthor<{ id: number; link: string }>('/wp/v2/posts', {
    title,
    content,
    status: 'publish',
  });
  const saved = await asAuthor<{ content: { raw: string } }>(
    `/wp/v2/posts/${post.id}?context=edit`,
  );
  return { link: post.link, raw: saved.content.raw };
}

/** Opens `url`, presses Start, waits for live, presses End: the session's ledger entry. */
export async function liveAndEnd(url: string) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const said: string[] = [];
  page.on('console', (m) => said.push(m.text()));
  page.on('pageerror', (e) => said.push(`page error: ${(e as Error).message}`));
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('reactor-session'), { timeout: 15_000 });
    await page.evaluate(() =>
      (
        document
          .querySelector('reactor-session')!
          .shadowRoot!.querySelector('[part~="connect-button"]') as HTMLButtonElement
      ).click(),
    );
    const id = await page
      .waitForFunction(
        () => {
          const session = document.querySelector('reactor-session') as HTMLElement & {
            status: string;
            sessionId: string | null;
          };
          return session.status === 'ready' && session.sessionId;
        },
        { timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<string>)
      .catch(async (error: Error) => {
        const text = await page.evaluate(
          () => document.querySelector('reactor-session')?.shadowRoot?.textContent ?? '(none)',
        );
        throw new Error(
          `${url} did not go live: ${error.message}; the player says: ${text.replace(/\s+/g, ' ')}; console: ${said.join(' | ')}`,
        );
      });
    assert.equal((await ledger()).find((s) => s.session_id === id)?.ended_by, null, 'billing');
    // End, as a visitor presses it: not within 600 ms of Start (the player takes a press there
    // as part of a double click on Start, and ignores it).
    await new Promise((r) => setTimeout(r, 700));
    await page.evaluate(async () => {
      const session = document.querySelector('reactor-session') as HTMLElement & {
        updateComplete: Promise<boolean>;
      };
      await session.updateComplete;
      (
        session.shadowRoot!.querySelector('[part~="disconnect-button"]') as HTMLButtonElement
      ).click();
    });
    for (let i = 0; i < 50; i++) {
      const entry = (await ledger()).find((s) => s.session_id === id);
      if (entry?.ended_by) return { entry, said };
      await new Promise((r) => setTimeout(r, 100));
    }
    const status = await page.evaluate(
      () => (document.querySelector('reactor-session') as HTMLElement & { status: string }).status,
    );
    throw new Error(
      `session ${id} still billing 5 s after End (the player: ${status}; console: ${said.join(' | ')})`,
    );
  } finally {
    await context.close();
  }
}

export async function startHarness(): Promise<void> {
  emulator = createEmulator({ strict: true });
  api = await emulator.listen(0, '127.0.0.1');
  const started = performance.now();
  site = await startSite({ apiUrl: api, apiKey: KEY });
  console.log(
    `[wordpress] WordPress up in ${((performance.now() - started) / 1000).toFixed(1)} s at ${site.url}`,
  );
  const chromium = await resolveBrowser();
  browser = await puppeteer.launch({
    executablePath: chromium.executablePath,
    headless: true,
    args: chromium.args,
  });
}

export async function stopHarness(): Promise<void> {
  await browser?.close();
  await site?.stop();
  await emulator?.close();
}

/** Forgets the minute's token counts (every request here comes from 127.0.0.1). */
export const resetCounts = () =>
  site.eval(
    `global $wpdb; $wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name LIKE 'reactor\\\\_elements\\\\_rl\\\\_%' OR option_name LIKE 'reactor\\\\_elements\\\\_spend\\\\_%'");`,
  );

export const setSettings = (settings: Record<string, unknown>) =>
  site.eval(
    `update_option('reactor_elements_settings', array_merge(Reactor_Elements_Settings::all(), json_decode(${JSON.stringify(JSON.stringify(settings)).replace(/\$/g, '\\$')}, true)));`,
  );

/** A wp-admin page as the Administrator (or `who`) sees it (a real login in the browser). */
export async function adminPage(
  path: string,
  act?: (page: puppeteer.Page) => Promise<void>,
  who: { user: string; password: string } = site.admin,
) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    await page.goto(`${site.url}/wp-login.php`, { waitUntil: 'load' });
    // Set, not typed: the login page moves the focus to the user name 200 ms after it loads.
    await page.evaluate(
      (user, password) => {
        (document.querySelector('#user_login') as HTMLInputElement).value = user;
        (document.querySelector('#user_pass') as HTMLInputElement).value = password;
      },
      who.user,
      who.password,
    );
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#wp-submit')]);
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    await act?.(page);
    return { html: await page.content(), text: await page.evaluate(() => document.body.innerText) };
  } finally {
    await context.close();
  }
}
