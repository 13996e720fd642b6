/**
 * Our snippet where site builders put it, in both engines, judged by the ledger:
 * - Wix's "Embed HTML": a cross-origin iframe (another loopback origin) with Wix's own sandbox
 *   and allow attributes; the session ends as the client when the builder's page is left or its
 *   tab closed;
 * - Framer's embed: a `srcdoc` iframe, as it is and sandboxed to `allow-scripts` (an opaque
 *   origin, where the browser refuses locks and channels: one session per page then);
 * - a single-page builder's page change: the element removed as the route's new DOM goes in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import { EMBED_PAGE, WIX_SANDBOX, embedPage } from '../support/builder-pages.js';
import { aWholeSession, bundleBuilt, embed, otherOrigin } from '../helpers/builders.js';
import { closedEntry, emulatorUrl, ledger, resetEmulator, waitFor } from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { sessionMarkup } from '../helpers/session.js';
import { tab } from '../helpers/tabs.js';
import { requireWebRTC } from '../helpers/capabilities.js';

describe('builders', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(120_000);
    await bundleBuilt();
  });
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it("Wix's Embed HTML (a cross-origin, sandboxed iframe): prices, a muted live video, ended by the client", async () => {
    const api = await emulatorUrl();
    const origin = otherOrigin();
    const e = await embed({
      src: `${origin}${EMBED_PAGE}?api=${encodeURIComponent(api)}&origin=${encodeURIComponent(origin)}`,
      sandbox: WIX_SANDBOX,
      allow: 'fullscreen',
    });
    const live = await aWholeSession(e, 'Wix-like iframe: End pressed');
    expect(live.price).to.match(/^helios 17 credits\/s/);
    expect(live.muted).to.equal(true);
  });

  it("Wix: Sound turns on after a click inside the frame (the visitor's own click)", async () => {
    requireWebRTC();
    const api = await emulatorUrl();
    const origin = otherOrigin();
    const e = await embed({
      src: `${origin}${EMBED_PAGE}?api=${encodeURIComponent(api)}&origin=${encodeURIComponent(origin)}&model=lingbot`,
      sandbox: WIX_SANDBOX,
      allow: 'fullscreen',
      width: '640',
      height: '520',
    });
    await e.until((r) => r.price.startsWith('lingbot'), 'the price line');
    e.send('start');
    let seen: unknown = null;
    const live = await e
      .until(
        (r) => (
          (seen = r),
          r.status === 'ready' && r.videoWidth > 0 && r.sound !== null && r.paused === false
        ),
        'a live, playing video with a Sound button',
      )
      .catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(seen)}`);
      });
    expect(live.muted).to.equal(true); // it autoplays muted
    // A real click (the browser's own input), in the frame's Sound button.
    const box = e.frame.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + live.sound!.x), Math.round(box.y + live.sound!.y)],
    });
    const loud = await e.until((r) => r.muted === false, 'the sound on');
    expect(loud.paused, 'still playing, with sound').to.equal(false);
    const id = live.sessionId!;
    e.send('end');
    const goneAt = Date.now();
    await e.until((r) => r.status === 'ended', 'the end');
    expect((await closedEntry(id)).ended_by).to.equal('client');
    await matrixRow({
      group: 'builder',
      scenario: 'Wix-like iframe: Sound, then End',
      ids: [id],
      goneAt,
    });
  });

  it('Wix with debug: the checklist inside the frame names the frame, its origin and the routes', async () => {
    requireWebRTC();
    const api = await emulatorUrl();
    const origin = otherOrigin();
    const e = await embed({
      src: `${origin}${EMBED_PAGE}?api=${encodeURIComponent(api)}&origin=${encodeURIComponent(origin)}&attrs=${encodeURIComponent('idle-timeout="0" debug')}`,
      sandbox: WIX_SANDBOX,
      allow: 'fullscreen',
    });
    const { checks } = await e.until((r) => r.checks.length > 0, 'the checklist');
    const line = (label: string) => checks.find((c) => c.includes(`: ${label}.`)) ?? '';
    expect(line('Page and frame')).to.match(/^info .*a frame on another origin/);
    expect(line('Page and frame')).to.contain(`Its origin is ${origin}`);
    expect(line('Token route')).to.match(/^ok /);
    expect(line('Reactor API')).to.match(/^ok .*helios costs 17 credits a second/);
    expect(checks.filter((c) => c.startsWith('fail'))).to.deep.equal([]);
    expect((await ledger()).filter((entry) => entry.state !== 'CLOSED')).to.deep.equal([]);
  });

  it('Framer sandboxed to allow-scripts with debug: the checklist says the origin is opaque', async () => {
    const api = await emulatorUrl();
    const e = await embed({
      srcdoc: embedPage(api, location.origin, 'idle-timeout="0" debug'),
      sandbox: 'allow-scripts',
    });
    const { checks } = await e.until((r) => r.checks.length > 0, 'the checklist');
    const frameLine = checks.find((c) => c.includes(': Page and frame.')) ?? '';
    expect(frameLine).to.match(/^warn .*opaque origin/);
    expect(frameLine).to.contain('Fix: Add allow-same-origin');
    const storage = checks.find((c) => c.includes(': Locks and storage.')) ?? '';
    expect(storage).to.match(/^warn .*one live session per page/);
  });

  for (const how of ['closed', 'navigated away'] as const) {
    it(`Wix: the builder's page ${how} ends the embedded session as the client`, async () => {
      requireWebRTC();
      const apiUrl = await emulatorUrl();
      const opened = await tab<{ tab: number; sessionId: string }>({
        op: 'open',
        apiUrl,
        page: 'wix',
      });
      const goneAt = Date.now();
      if (how === 'closed') await tab({ op: 'close', tab: opened.tab });
      else await tab({ op: 'away-and-back', tab: opened.tab });
      const entry = await closedEntry(opened.sessionId, 5000);
      expect([entry.state, entry.ended_by]).to.deep.equal(['CLOSED', 'client']);
      // Back on the page, its embed starts a new session (it autoconnects): once it is live, the
      // tab's close ends it (a tab closed while a session is still being created is another row).
      if (how !== 'closed') {
        await waitFor(
          () => tab<string | undefined>({ op: 'eval', tab: opened.tab, js: 'window.reactorReady' }),
          'the embed live again',
          15_000,
        );
        await tab({ op: 'close', tab: opened.tab });
      }
      await waitFor(
        async () => (await ledger()).every((e) => e.state === 'CLOSED'),
        'every session to be closed',
      );
      await matrixRow({
        group: 'builder',
        scenario: `Wix-like iframe: the builder's page ${how}`,
        ids: [opened.sessionId],
        goneAt,
      });
    });
  }

  for (const sandbox of [null, 'allow-scripts'] as const) {
    it(`Framer's embed (a srcdoc iframe${sandbox ? `, sandbox="${sandbox}": an opaque origin` : ''}): a whole session, ended by the client`, async () => {
      const api = await emulatorUrl();
      const e = await embed({
        srcdoc: embedPage(api, location.origin),
        ...(sandbox ? { sandbox } : {}),
      });
      const live = await aWholeSession(
        e,
        `Framer-like srcdoc iframe${sandbox ? ' (opaque origin)' : ''}: End pressed`,
      );
      expect(live.error).to.equal('');
    });
  }

  it('a single-page builder changes pages: the element removed with the old route is ended', async () => {
    requireWebRTC();
    const box = await fixture<HTMLDivElement>(
      html`<div .innerHTML=${await sessionMarkup({ attributes: 'idle-timeout="0"' })}></div>`,
    );
    const el = box.querySelector('reactor-session')!;
    await el.updateComplete;
    const ready = new Promise<string>((resolve) =>
      el.addEventListener('reactor-ready', (e) => resolve(e.detail.sessionId!), { once: true }),
    );
    void el.connect();
    const id = await Promise.race([
      ready,
      waitFor(
        () => ['error', 'ended', 'elsewhere'].includes(el.status) && el.status,
        'a failed start',
        20_000,
      ).then((status) => {
        throw new Error(`the session did not start: ${status}`);
      }),
    ]);
    const goneAt = Date.now();
    box.innerHTML = '<main><h1>Another page of the site</h1></main>'; // the router's new DOM
    expect((await closedEntry(id)).ended_by).to.equal('client');
    expect((await ledger()).filter((entry) => entry.state !== 'CLOSED')).to.deep.equal([]);
    await matrixRow({
      group: 'builder',
      scenario: 'single-page builder: page changed',
      ids: [id],
      goneAt,
    });
  });
});
