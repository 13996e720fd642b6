import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import {
  closedEntry,
  configureEmulator,
  emulatorUrl,
  ledger,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { tab } from '../helpers/tabs.js';
import { part } from '../helpers/dom.js';
import { skipWithoutWebRTC } from '../helpers/capabilities.js';

/**
 * The money-never-lost matrix, exits (#13): every way a visit can end, judged by the ledger
 * (test/helpers/matrix.ts). Tab close, navigation, iframe and element removal, idle, timeout
 * and budget rows are recorded by the tests that prove them (tab-close, reactor-session).
 */
/** A tab whose session starts with a click, so a reload or a return does not start another. */
async function clickedTab(apiUrl: string): Promise<{ tab: number; sessionId: string }> {
  const { tab: id } = await tab<{ tab: number }>({
    op: 'open',
    apiUrl,
    attrs: 'idle-timeout="0"',
    waitReady: false,
  });
  await waitFor(
    () => tab<boolean>({ op: 'click', tab: id, part: 'connect-button' }),
    'the Start button',
  );
  const sessionId = await waitFor(
    () =>
      tab<string | null>({ op: 'eval', tab: id, js: 'window.reactorReady || false' }) as Promise<
        string | false
      >,
    'the tab session to be live',
  );
  return { tab: id, sessionId };
}

async function element(): Promise<ReactorSession> {
  const url = await emulatorUrl();
  const box = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`<reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token" idle-timeout="0"></reactor-session>`}
    ></div>`,
  );
  return box.querySelector('reactor-session')!;
}

describe('matrix: exits', function () {
  // Every test here runs a live session.
  before(skipWithoutWebRTC);
  this.timeout(60_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('reload: the session ends as the client, and the reloaded page starts none', async () => {
    const apiUrl = await emulatorUrl();
    const { tab: id, sessionId } = await clickedTab(apiUrl);
    const goneAt = Date.now();
    await tab({ op: 'reload', tab: id });
    const row = await matrixRow({ group: 'exit', scenario: 'reload', ids: [sessionId], goneAt });
    expect(row.endedBy).to.equal('client');
    expect(await ledger()).to.have.length(1);
    await tab({ op: 'close', tab: id });
  });

  it('back/forward cache: ended on the way out; the restored page shows it ended and offers a new one', async () => {
    const apiUrl = await emulatorUrl();
    const { tab: id, sessionId } = await clickedTab(apiUrl);
    const goneAt = Date.now();
    const { restored } = await tab<{ restored: boolean }>({ op: 'away-and-back', tab: id });
    const row = await matrixRow({
      group: 'exit',
      scenario: `back/forward cache (${restored ? 'restored from the cache' : 'the engine reloaded the page instead'})`,
      ids: [sessionId],
      goneAt,
    });
    expect(row.endedBy).to.equal('client');
    if (restored) {
      const state = await tab<{ status: string; start: boolean }>({
        op: 'eval',
        tab: id,
        js: `(() => { const el = document.querySelector('reactor-session');
          return { status: el.status, start: !!el.shadowRoot.querySelector('[part~="connect-button"]') }; })()`,
      });
      expect(state).to.deep.equal({ status: 'ended', start: true });
    }
    expect(await ledger()).to.have.length(1);
    await tab({ op: 'close', tab: id });
  });

  it('the page frozen (a phone puts it away; a background tab): ended by the client on freeze, shown ended on resume', async () => {
    const apiUrl = await emulatorUrl();
    const { tab: id, sessionId } = await clickedTab(apiUrl);
    const goneAt = Date.now();
    // Chromium freezes the tab through its own lifecycle control; where the browser offers none
    // (Firefox), the page gets the event a freezing browser fires first.
    const real = await tab<boolean | null>({ op: 'freeze', tab: id });
    if (!real)
      await tab({ op: 'eval', tab: id, js: `document.dispatchEvent(new Event('freeze'))` });
    const row = await matrixRow({
      group: 'exit',
      scenario: `page frozen (${real ? "the browser's lifecycle: frozen" : 'the freeze event'})`,
      ids: [sessionId],
      goneAt,
    });
    expect(row.endedBy).to.equal('client');
    if (real) await tab({ op: 'resume', tab: id });
    const status = await tab<string>({
      op: 'eval',
      tab: id,
      js: `document.querySelector('reactor-session').status`,
    });
    expect(status).to.equal('ended');
    await tab({ op: 'close', tab: id });
  });

  it('disconnect() twice: one end, no error', async () => {
    const el = await element();
    const ready = oneEvent(el, 'reactor-ready');
    void el.connect();
    const { sessionId } = (await ready).detail as { sessionId: string };
    const ends: string[] = [];
    const errors: unknown[] = [];
    el.addEventListener('reactor-end', (e) => ends.push(e.detail.reason));
    el.addEventListener('reactor-error', (e) => errors.push(e.detail));
    const goneAt = Date.now();
    el.disconnect();
    el.disconnect();
    const row = await matrixRow({
      group: 'exit',
      scenario: 'disconnect() twice',
      ids: [sessionId],
      goneAt,
    });
    expect(row.endedBy).to.equal('client');
    expect(ends).to.deep.equal(['user']);
    expect(errors).to.deep.equal([]);
  });

  it('five fast clicks on Start: one session, still live', async () => {
    const el = await element();
    // A visitor clicking five times on the same spot: Cancel takes Start's place under the pointer.
    // On a schedule from the first click (every 80 ms), so that a busy machine's slow timers do
    // not stretch the five clicks past the moments in which Cancel ignores a press.
    const first = performance.now();
    for (let i = 0; i < 5; i++) {
      (part(el, 'connect-button') ?? part(el, 'disconnect-button'))!.click();
      await el.updateComplete;
      await new Promise((r) =>
        setTimeout(r, Math.max(0, first + (i + 1) * 80 - performance.now())),
      );
    }
    await waitFor(() => el.status === 'ready', 'the session to be live');
    const sessions = await ledger();
    expect(sessions.map((s) => s.state)).to.deep.equal(['ACTIVE']);
    const goneAt = Date.now();
    el.disconnect();
    await matrixRow({
      group: 'exit',
      scenario: 'five fast clicks on Start (one session created)',
      ids: [sessions[0].session_id],
      goneAt,
    });
  });

  it('the whole browser quit with a session live: how the platform sees it', async function () {
    this.timeout(90_000);
    // Past what page script can do when a browser shuts down without running pagehide: the
    // platform's recoverable window ends the session (3 s here, 30 s on the emulator's default).
    // The platform notices the peer is gone when its WebRTC connection drops or its pings stop
    // (6 s here: just over the element's 5 s ping; 20 s on the emulator's default).
    await configureEmulator({ recoverableWindowMs: 3000, peerSilenceMs: 6000 });
    const apiUrl = await emulatorUrl();
    const { sessionId, quitAt } = await executeServerCommand<
      { sessionId: string; quitAt: number },
      unknown
    >('reactor-quit-browser', { apiUrl });
    const entry = await closedEntry(sessionId, 20_000);
    await matrixRow({
      group: 'exit',
      scenario: `the whole browser quit (${entry.ended_by === 'client' ? 'pagehide ran' : 'no pagehide: the 3 s window ended it'})`,
      ids: [sessionId],
      goneAt: quitAt,
      allowAbandoned: true,
      // The window, plus the time the platform takes to notice a peer that vanished: about 5 s
      // when the connection drops; but a quit Chromium's processes can outlive browser.close()
      // long enough to send one more ping (5 s after ready), and then it is that ping plus the
      // 6 s of silence. Measured: 8.1 s or 14.1 s billed after the quit (the window included).
      allowedSeconds: 16,
    });
  });
});
