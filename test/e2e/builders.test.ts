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
import '../../src/index.js';
import { EMBED_PAGE, WIX_SANDBOX, embedPage } from '../support/builder-pages.js';
import { aWholeSession, bundleBuilt, embed, otherOrigin } from '../helpers/builders.js';
import { closedEntry, emulatorUrl, ledger, resetEmulator, waitFor } from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { sessionMarkup } from '../helpers/session.js';
import { tab } from '../helpers/tabs.js';

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

  for (const how of ['closed', 'navigated away'] as const) {
    it(`Wix: the builder's page ${how} ends the embedded session as the client`, async () => {
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
