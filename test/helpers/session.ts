/**
 * The shapes the session tests share: a `<reactor-session>` on the page against this test
 * file's emulator, taking it live through its Start button, and a plain wait.
 */
import { fixture, html } from '@open-wc/testing';
import type { ReactorSession } from '../../src/index.js';
import { emulatorUrl } from './emulator.js';
import { part, textOf } from './dom.js';
import { requireWebRTC } from './capabilities.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The text of `el`'s part `name`, as a person reads it. */
export const partText = (el: Element, name: string) => textOf(part(el, name));

export interface SessionMarkup {
  model?: string;
  /** Appended to the token route, e.g. `?expires_after=35`. */
  tokenQuery?: string;
  /** More attributes, as written in HTML. */
  attributes?: string;
  /** Markup after the element, in the same container (e.g. a `<reactor-balance>`). */
  after?: string;
}

/** The markup of a session element that uses this file's emulator and its token route. */
export async function sessionMarkup(options: SessionMarkup = {}): Promise<string> {
  const url = await emulatorUrl();
  const { model = 'helios', tokenQuery = '', attributes = '' } = options;
  return `<reactor-session model="${model}" api-url="${url}" token-url="${url}/api/reactor-token${tokenQuery}" ${attributes}></reactor-session>`;
}

/** A `<reactor-session>` (and `after`) on the page, rendered once. */
export async function sessionFixture(options: SessionMarkup = {}): Promise<ReactorSession> {
  const markup = (await sessionMarkup(options)) + (options.after ?? '');
  const box = await fixture<HTMLDivElement>(html`<div .innerHTML=${markup}></div>`);
  const el = box.querySelector('reactor-session')!;
  await el.updateComplete;
  return el;
}

/** How long `goLive` waits for `reactor-ready` before it fails with the element's state. */
const LIVE_WITHIN_MS = 12_000;

/**
 * Presses `button` (Start by default) and resolves with the live session's id. A session that
 * ends or fails first, or is not live within 12 s (the runner's timeout is 15), fails the wait
 * at once with the element's status and what it shows, rather than leaving it to the runner.
 */
export async function goLive(el: ReactorSession, button = 'connect-button'): Promise<string> {
  requireWebRTC();
  const controller = new AbortController();
  const { signal } = controller;
  const outcome = new Promise<string>((resolve, reject) => {
    const failed = (what: string) => () =>
      reject(
        new Error(`${what} before reactor-ready: status ${el.status}, "${partText(el, 'status')}"`),
      );
    el.addEventListener(
      'reactor-ready',
      (e) => resolve((e as CustomEvent<{ sessionId: string }>).detail.sessionId),
      { signal },
    );
    el.addEventListener('reactor-error', failed('reactor-error'), { signal });
    el.addEventListener('reactor-end', failed('reactor-end'), { signal });
    const timer = setTimeout(failed(`no session live within ${LIVE_WITHIN_MS} ms`), LIVE_WITHIN_MS);
    signal.addEventListener('abort', () => clearTimeout(timer));
  });
  part(el, button)!.click();
  try {
    return await outcome;
  } finally {
    controller.abort();
  }
}
