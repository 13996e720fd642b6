import { expect } from '@open-wc/testing';
import {
  closedEntry,
  emulatorUrl,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { tab } from '../helpers/tabs.js';
import { sleep } from '../helpers/session.js';
import { skipWithoutWebRTC } from '../helpers/capabilities.js';

/**
 * The money-never-lost matrix, a phone (#30): a real tab with a phone's screen and touch
 * (Chromium's device emulation, so its primary pointer is coarse and `background="auto"` holds),
 * put away by bringing another tab to the front, which hides it as a phone's home screen does.
 * Firefox cannot emulate a device: there the player says `background="hold"` itself, and the
 * rows say so. The platform's recoverable window is 3 s here (30 s by default).
 */
const WINDOW_MS = 3000;
const PLAYER = `document.querySelector('reactor-session')`;

interface Opened {
  tab: number;
  sessionId: string;
  phone: boolean;
}

/** A phone's tab with a live session, started by a tap on Start. */
async function phoneTab(): Promise<Opened> {
  const apiUrl = await emulatorUrl();
  const t = await tab<Omit<Opened, 'sessionId'>>({
    op: 'open',
    apiUrl,
    phone: true,
    waitReady: false,
    attrs: 'idle-timeout="0"',
  });
  // Where the browser cannot emulate a phone, the policy a phone gets is asked for.
  if (!t.phone) await tab({ op: 'eval', tab: t.tab, js: `${PLAYER}.background = 'hold'` });
  await waitFor(
    () => tab<boolean>({ op: 'click', tab: t.tab, part: 'connect-button' }),
    'the Start button',
  );
  const sessionId = await waitFor(
    () => tab<string | false>({ op: 'eval', tab: t.tab, js: 'window.reactorReady || false' }),
    'the session to be live',
  );
  return { ...t, sessionId };
}

const profile = (t: Opened) =>
  t.phone ? 'phone profile' : 'no device emulation, background="hold"';
const inTab = <T>(t: Opened, js: string) => tab<T>({ op: 'eval', tab: t.tab, js });
/** The video's playing position, or -1 while it has no frame to play. */
const VIDEO_TIME = `(() => { const v = ${PLAYER}.shadowRoot.querySelector('video'); return v && v.readyState >= 2 && !v.paused ? v.currentTime : -1; })()`;

describe('matrix: a phone puts the page away', function () {
  before(skipWithoutWebRTC);
  this.timeout(60_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50, recoverableWindowMs: WINDOW_MS }));

  it('away and back within the window: the same session resumes, and its video plays again', async () => {
    const t = await phoneTab();
    expect(await tab<string>({ op: 'hide', tab: t.tab })).to.equal('hidden');
    const held = await waitFor(async () => {
      const e = await ledgerEntry(t.sessionId);
      return e.state === 'SUSPENDED' && e;
    }, 'the platform to hold the session');
    expect(held.ended_by).to.equal(null);
    await sleep(1000);
    expect(await tab<string>({ op: 'show', tab: t.tab })).to.equal('visible');
    await waitFor(
      () => inTab<boolean>(t, `${PLAYER}.status === 'ready'`),
      'the session to be live again',
    );
    expect(await inTab<string>(t, `${PLAYER}.sessionId`)).to.equal(t.sessionId);
    const first = await waitFor(async () => {
      const time = await inTab<number>(t, VIDEO_TIME);
      return time >= 0 && { time };
    }, 'the video to play');
    await waitFor(
      async () => (await inTab<number>(t, VIDEO_TIME)) > first.time,
      'the video to move on',
    );
    const entry = await ledgerEntry(t.sessionId);
    expect(entry.state).to.equal('ACTIVE');
    expect(entry.reconnects).to.equal(1);
    const goneAt = Date.now();
    await tab({ op: 'click', tab: t.tab, part: 'disconnect-button' });
    await matrixRow({
      group: 'phone',
      scenario: `${profile(t)}: away 1 s, back within the window (${WINDOW_MS / 1000} s), the same session live again; then End`,
      ids: [t.sessionId],
      goneAt,
    });
    await tab({ op: 'close', tab: t.tab });
  });

  it('away past the window: the platform ends it, billed the window at most; back, the visitor sees why', async () => {
    const t = await phoneTab();
    const goneAt = Date.now();
    await tab({ op: 'hide', tab: t.tab });
    const entry = await closedEntry(t.sessionId, WINDOW_MS + 4000);
    expect(entry.ended_by).to.equal('abandoned');
    const row = await matrixRow({
      group: 'phone',
      scenario: `${profile(t)}: away past the window (${WINDOW_MS / 1000} s)`,
      ids: [t.sessionId],
      goneAt,
      allowAbandoned: true,
      // The window, ± 1 s.
      allowedSeconds: WINDOW_MS / 1000 + 1,
    });
    expect(row.billedAfterGone).to.be.at.least(WINDOW_MS / 1000 - 1);
    await tab({ op: 'show', tab: t.tab });
    await waitFor(() => inTab<boolean>(t, `window.reactorEnd === 'background'`), 'the end');
    expect(await inTab<string>(t, `${PLAYER}.status`)).to.equal('ended');
    expect(
      await inTab<string>(
        t,
        `${PLAYER}.shadowRoot.querySelector('[part=status]').textContent.trim()`,
      ),
    ).to.match(
      /^Session ended\. Ended while the page was in the background\.\s+\d+ seconds? billed · /,
    );
    await tab({ op: 'close', tab: t.tab });
  });

  for (const away of [false, true]) {
    it(`${away ? 'away, then' : 'live, then'} frozen: ended by the client within a second; thawed, it reads ended`, async () => {
      const t = await phoneTab();
      if (away) {
        await tab({ op: 'hide', tab: t.tab });
        await waitFor(
          async () => (await ledgerEntry(t.sessionId)).state === 'SUSPENDED',
          'the platform to hold the session',
        );
      }
      const goneAt = Date.now();
      // Chromium freezes the tab through its own lifecycle control; where the browser offers
      // none (Firefox), the page gets the event a freezing browser fires first.
      const real = await tab<boolean | null>({ op: 'freeze', tab: t.tab });
      if (!real) await inTab(t, `document.dispatchEvent(new Event('freeze'))`);
      const row = await matrixRow({
        group: 'phone',
        scenario: `${profile(t)}: ${away ? 'away (held), then ' : ''}frozen (${real ? "the browser's lifecycle" : 'the freeze event'})`,
        ids: [t.sessionId],
        goneAt,
        allowedSeconds: 1,
      });
      expect(row.endedBy).to.equal('client');
      if (real) await tab({ op: 'resume', tab: t.tab });
      if (away) await tab({ op: 'show', tab: t.tab });
      expect(await inTab<string>(t, `${PLAYER}.status`)).to.equal('ended');
      expect(await inTab<string>(t, 'window.reactorEnd')).to.equal('unload');
      await tab({ op: 'close', tab: t.tab });
    });
  }
});
