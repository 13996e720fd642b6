import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession, SessionEndDetail } from '../../src/index.js';
import { sessionIdFromFrame } from '../helpers/assertions.js';
import {
  configureEmulator,
  dropPeer,
  emulatorUrl,
  fetchToken,
  framesPresented,
  ledger,
  closedEntry,
  ledgerEntry,
  resetEmulator,
  waitFor,
  type LedgerEntry,
} from '../helpers/emulator.js';
import { part } from '../helpers/dom.js';
import { captureConsole } from '../helpers/console.js';
import { matrixRow } from '../helpers/matrix.js';
import { goLive as live, partText as text, sessionFixture } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/** `m:ss` or `h:mm:ss` back to seconds. */
const seconds = (clock: string) =>
  clock.split(':').reduce((total, piece) => total * 60 + Number(piece), 0);

const session = (attributes = '') => sessionFixture({ attributes });

const ended = (el: ReactorSession) =>
  oneEvent(el, 'reactor-end').then((e) => (e as CustomEvent<SessionEndDetail>).detail);

const closed = (id: string) => closedEntry(id);

/** Nothing is billing or waiting: every session in the ledger is closed. */
async function nothingOpen(): Promise<LedgerEntry[]> {
  return waitFor(
    async () => {
      const entries = await ledger();
      return entries.every((e) => e.state === 'CLOSED') && entries;
    },
    'every session to be closed',
    5000,
  );
}

describe('<reactor-session>', function () {
  this.timeout(60_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 200 }));

  describe('before connecting', () => {
    it('a tokenProvider set in a later task (hydration) is no mistake: nothing said, Start works', async () => {
      const logged = captureConsole();
      try {
        const url = await emulatorUrl();
        const el = await fixture<ReactorSession>(
          html`<reactor-session model="helios" api-url=${url} idle-timeout="0"></reactor-session>`,
        );
        await new Promise((r) => setTimeout(r, 300));
        el.tokenProvider = () => fetchToken();
        await new Promise((r) => setTimeout(r, 300));
        expect(logged.said).to.deep.equal([]);
        await live(el);
        el.disconnect();
      } finally {
        logged.restore();
      }
    });

    it('debug without the checklist script says which script to load (the page carries none of it)', async () => {
      const el = await session('debug');
      expect(el.debug).to.equal(true);
      expect(customElements.get('reactor-debug')).to.equal(undefined);
      expect(text(el, 'debug')).to.equal(
        'Load reactor-elements.debug.js after the bundle for the setup checklist.',
      );
      el.debug = false;
      await el.updateComplete;
      expect(part(el, 'debug')).to.equal(null);
      expect(el.hasAttribute('debug')).to.equal(false);
    });

    it('has documented defaults, reflects attributes and clamps max-duration to the platform limit', async () => {
      const el = await session('max-duration="5000" idle-timeout="0" reconnect="false"');
      expect(el.status).to.equal('disconnected');
      expect(el.idleTimeout).to.equal(0);
      expect(el.idleWarning).to.equal(20);
      expect(el.reconnect).to.equal(false);
      expect(el.muted).to.equal(true);
      expect(el.autoconnect).to.equal(false);
      expect(el.videoTrack).to.equal('main_video');
      expect(el.remainingSeconds).to.equal(1200);
      el.maxDuration = 0.5;
      expect(el.remainingSeconds).to.equal(1);
      el.maxDuration = 0; // not a positive number: the default (and a console line), never 0 s
      expect(el.remainingSeconds).to.equal(300);
      el.muted = false;
      el.maxCost = 40;
      await el.updateComplete;
      expect(el.getAttribute('muted')).to.equal('false');
      expect(el.getAttribute('max-cost')).to.equal('40');
      expect(el.sessionId).to.equal(null);
    });

    it('shows what a session can cost at most, from the live price list', async () => {
      const el = await session('max-duration="300"');
      await waitFor(() => text(el, 'cost').includes('credits'), 'the estimate');
      // helios: 17 credits/s × 300 s = 5,100 credits; 1,000 credits per dollar.
      expect(text(el, 'cost')).to.contain('Up to 5:00');
      expect(text(el, 'cost')).to.contain('5,100 credits');
      expect(text(el, 'cost')).to.contain('$0.51'); // 10,000 credits per dollar
      expect(text(el, 'status')).to.equal('Not connected');
      await expect(el).to.be.accessible();
    });

    it('formats numbers in the page language', async () => {
      const url = await emulatorUrl();
      const container = await fixture<HTMLDivElement>(
        html`<div
          lang="de-DE"
          .innerHTML=${`<reactor-session model="helios" api-url="${url}" token-url="/t" max-duration="1200"></reactor-session>`}
        ></div>`,
      );
      const el = container.querySelector('reactor-session')!;
      await waitFor(() => text(el, 'cost').includes('credits'), 'the estimate');
      expect(text(el, 'cost')).to.contain('20.400 credits');
      expect(text(el, 'cost')).to.match(/2,04\s?\$/);
    });

    it('refuses bad configuration: a calm line for the visitor, the fix in one console line, nothing started', async () => {
      requireWebRTC();
      const url = await emulatorUrl();
      const logged = captureConsole();
      try {
        const cases: [string, (el: ReactorSession) => void, RegExp][] = [
          [`api-url="${url}" token-url="/t"`, () => undefined, /model attribute/],
          [`model="helios" api-url="${url}"`, () => undefined, /Set token-url/],
          [`model="helios" api-url="${url}"`, (el) => (el.token = 'rk_live_secret'), /API key/],
          [
            `model="helios" api-url="not a url" token-url="/t"`,
            () => undefined,
            /not an absolute URL/,
          ],
        ];
        for (const [attributes, prepare, says] of cases) {
          const box = await fixture<HTMLDivElement>(
            html`<div .innerHTML=${`<reactor-session ${attributes}></reactor-session>`}></div>`,
          );
          const el = box.querySelector('reactor-session')!;
          await el.updateComplete;
          prepare(el);
          logged.errors.length = 0;
          const error = oneEvent(el, 'reactor-error');
          await el.connect();
          const { detail } = await error;
          expect(detail.setup).to.equal(true);
          expect(detail.message).to.match(says);
          await el.updateComplete;
          expect(text(el, 'error')).to.equal(
            'Live sessions are not available on this page right now.',
          );
          expect(logged.errors).to.have.length(1);
          expect(logged.errors[0]).to.match(says);
          expect(el.status).to.equal('error');
        }
      } finally {
        logged.restore();
      }

      const detached = document.createElement('reactor-session');
      Object.assign(detached, {
        model: 'helios',
        apiUrl: url,
        tokenUrl: `${url}/api/reactor-token`,
      });
      const refused = oneEvent(detached, 'reactor-error');
      await detached.connect();
      expect((await refused).detail.message).to.contain('to the page before connecting');
      expect(await ledger()).to.deep.equal([]);
    });

    it("a token route that is missing or answers a login page is the site's setup, said with its URL", async () => {
      requireWebRTC();
      const url = await emulatorUrl();
      const logged = captureConsole();
      try {
        for (const [route, says] of [
          [`${url}/api/no-such-route`, /answered 404/],
          [`${location.origin}/`, /did not answer JSON/],
        ] as const) {
          const el = await fixture<ReactorSession>(
            html`<reactor-session
              model="helios"
              api-url=${url}
              token-url=${route}
            ></reactor-session>`,
          );
          logged.errors.length = 0;
          const error = oneEvent(el, 'reactor-error');
          part(el, 'connect-button')!.click();
          const { detail } = await error;
          expect(detail.setup).to.equal(true);
          expect(detail.message).to.contain(`token-url ${route}`).and.match(says);
          await el.updateComplete;
          expect(text(el, 'error')).to.equal(
            'Live sessions are not available on this page right now.',
          );
          expect(logged.errors).to.have.length(1);
        }
      } finally {
        logged.restore();
      }
      expect(await ledger()).to.deep.equal([]);
    });

    it('says at load what would stop a session (a token attribute, a model typo), and a missing token source on Start', async () => {
      requireWebRTC();
      const url = await emulatorUrl();
      const logged = captureConsole();
      try {
        await fixture(
          html`<div
            .innerHTML=${`<reactor-session model="heilos" api-url="${url}" token="rk_live_x"></reactor-session>`}
          ></div>`,
        );
        await waitFor(() => logged.warnings.length >= 1, 'the load-time warnings');
        expect(logged.errors.join('\n')).to.match(
          /token="…"> is ignored, and it is a Reactor API key/,
        );
        // No token source yet is said when Start needs one (a page may set tokenProvider later).
        expect(logged.said.join('\n')).not.to.match(/Set token-url/);
        const el = document.querySelector('reactor-session')!;
        part(el, 'connect-button')!.click();
        await waitFor(() => el.status === 'error', 'the refused start');
        expect(logged.errors.join('\n')).to.match(/Set token-url/);
        expect(logged.warnings.join('\n')).to.match(
          /model "heilos" has no price in the price list .* \(priced: helios, lingbot\)/,
        );
      } finally {
        logged.restore();
      }
    });
  });

  describe('a session', () => {
    it('connects, shows frames in the video part, ticks the cost, and disconnects as the client', async () => {
      const el = await session('idle-timeout="0"');
      const statuses: string[] = [];
      el.addEventListener('reactor-status-change', (e) => statuses.push(e.detail.status));
      const id = await live(el);
      expect(el.status).to.equal('ready');
      expect(el.sessionId).to.equal(id);
      expect(statuses).to.deep.equal(['connecting', 'waiting', 'ready']);
      const video = part(el, 'video') as HTMLVideoElement;
      expect(await framesPresented(video, 10)).to.be.at.least(10);
      expect(video.muted).to.equal(true);
      // The attribute (Firefox has no playsInline property; iOS Safari reads the attribute).
      expect(video.hasAttribute('playsinline')).to.equal(true);
      expect(video.srcObject).to.be.instanceOf(MediaStream);
      await waitFor(() => el.billedSeconds >= 3, 'three billed seconds');
      await el.updateComplete;
      expect(text(el, 'cost')).to.match(/0:0[2-3] billed · \d+ credits \(\$0\.00\d\d\)/);
      expect(text(el, 'countdown')).to.match(/4:5\d left/);
      expect(text(el, 'status')).to.contain('Live');
      await expect(el).to.be.accessible();

      const end = ended(el);
      part(el, 'disconnect-button')!.click();
      const detail = await end;
      expect(detail.reason).to.equal('user');
      expect(detail.sessionId).to.equal(id);
      const entry = await closed(id);
      expect(entry.ended_by).to.equal('client');
      await el.updateComplete;
      const shown = seconds(/(\d+:\d\d) billed/.exec(text(el, 'cost'))![1]!);
      expect(Math.abs(shown - entry.billed_ms / 1000)).to.be.below(1);
      expect(Math.abs(detail.billedSeconds - entry.billed_ms / 1000)).to.be.below(0.5);
      expect(detail.credits).to.be.closeTo((entry.billed_ms / 1000) * 17, 17 * 0.5);
      expect(text(el, 'cost')).to.contain('Receipt');
      expect(el.status).to.equal('ended');
      expect(video.srcObject).to.equal(null);
      expect(part(el, 'connect-button')).to.exist;
    });

    it('fetches the token while the pointer is on Start, and uses it for that one connect', async () => {
      requireWebRTC();
      const el = await session('idle-timeout="0"');
      let fetched = 0;
      el.tokenProvider = async () => {
        fetched += 1;
        return fetchToken();
      };
      part(el, 'connect-button')!.dispatchEvent(new PointerEvent('pointerenter'));
      await waitFor(() => fetched === 1, 'the token fetched ahead');
      await live(el);
      expect(fetched).to.equal(1); // the click used it
      el.disconnect();
      await nothingOpen();
      await live(el); // the next session gets a token of its own
      expect(fetched).to.equal(2);
      el.disconnect();
      await nothingOpen();
    });

    it('forwards model messages and sends commands only while live', async () => {
      const el = await session('idle-timeout="0"');
      const refused = await el.sendCommand('set_prompt', { prompt: 'x' }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(refused).to.match(/disconnected/);
      await live(el);
      const message = oneEvent(el, 'reactor-message');
      await el.sendCommand('set_prompt', { prompt: 'a red fox' });
      expect((await message).detail.message).to.deep.include({ type: 'echo' });
      el.disconnect();
      await nothingOpen();
    });

    it('connects by itself with autoconnect', async () => {
      requireWebRTC();
      const url = await emulatorUrl();
      const box = document.createElement('div');
      box.innerHTML = `<reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token" idle-timeout="0" autoconnect></reactor-session>`;
      const el = box.querySelector('reactor-session')!;
      const ready = oneEvent(el, 'reactor-ready');
      await fixture(html`<div></div>`).then((host) => host.append(box));
      const id = (await ready).detail.sessionId as string;
      el.disconnect();
      expect((await closed(id)).ended_by).to.equal('client');
    });

    it('with reconnect="false", a dropped connection ends the session instead of holding the GPU', async () => {
      const el = await session('idle-timeout="0" reconnect="false"');
      const id = await live(el);
      const end = ended(el);
      const goneAt = Date.now();
      await dropPeer(id);
      expect((await end).reason).to.equal('error');
      const entry = await closed(id);
      expect(entry.ended_by).to.equal('client');
      expect(entry.reconnects).to.equal(0);
      await matrixRow({
        group: 'platform',
        scenario: 'network drop, reconnect="false"',
        ids: [id],
        goneAt,
      });
    });

    it('keeps billing through a recoverable drop and resumes the same session', async () => {
      const el = await session('idle-timeout="0"');
      const id = await live(el);
      const before = el.billedSeconds;
      const statuses: string[] = [];
      el.addEventListener('reactor-status-change', (e) => statuses.push(e.detail.status));
      await dropPeer(id);
      await waitFor(() => statuses.includes('reconnecting') && el.status === 'ready', 'resume');
      expect(el.sessionId).to.equal(id);
      expect(el.billedSeconds).to.be.above(before);
      el.disconnect();
      const entry = await closed(id);
      expect(entry.reconnects).to.equal(1);
      expect(entry.ended_by).to.equal('client');
      await matrixRow({
        group: 'platform',
        scenario: 'network drop, resumed within the window, then End',
        ids: [id],
        goneAt: entry.terminated_at,
      });
    });
  });

  describe('safeguards', () => {
    it('ends an idle session after the warning, with a real dialog that has focus', async () => {
      const el = await session('idle-timeout="2" idle-warning="2"');
      // Below the fold: opening the warning must not scroll the page (a scroll is activity).
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      el.before(spacer);
      const id = await live(el);
      const end = ended(el);
      const warning = await oneEvent(el, 'reactor-idle-warning');
      expect(warning.detail.secondsLeft).to.equal(2);
      await el.updateComplete;
      const dialog = part(el, 'idle-dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'keep-alive-button'));
      await expect(el).to.be.accessible();
      const detail = await end;
      expect(detail.reason).to.equal('idle');
      expect(dialog.open).to.equal(false);
      expect(window.scrollY).to.equal(0);
      const entry = await closed(id);
      expect(entry.ended_by).to.equal('client');
      expect(entry.billed_ms).to.be.within(3500, 4800); // 2 s idle + 2 s warning
      await matrixRow({
        group: 'exit',
        scenario: 'idle (2 s + 2 s warning)',
        ids: [id],
        goneAt: entry.ready_at! + 4000,
      });
      spacer.remove();
    });

    it('keeps the session when there is activity during the warning, and with the keep button', async () => {
      const el = await session('idle-timeout="2" idle-warning="2"');
      await live(el);
      await oneEvent(el, 'reactor-idle-warning');
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
      await waitFor(
        () => !(part(el, 'idle-dialog') as HTMLDialogElement).open,
        'the dialog to close',
      );
      await oneEvent(el, 'reactor-idle-warning');
      part(el, 'keep-alive-button')!.click();
      await new Promise((r) => setTimeout(r, 2500));
      expect(el.status).to.equal('ready');
      el.disconnect();
      await nothingOpen();
    });

    it('ends at max-duration with reason timeout, billed for max-duration', async () => {
      const el = await session('max-duration="3" idle-timeout="0"');
      const id = await live(el);
      await el.updateComplete;
      expect(text(el, 'countdown')).to.match(/0:0[23] left/);
      const detail = await ended(el);
      expect(detail.reason).to.equal('timeout');
      const entry = await closed(id);
      expect(entry.ended_by).to.equal('client');
      // Billed from the platform's ready, which a busy page hears a moment later than it
      // happens: the 3 s the page counted, plus at most that moment and the DELETE's trip.
      expect(entry.billed_ms).to.be.within(2500, 4000);
      expect(text(el, 'status')).to.contain('time limit');
      await matrixRow({
        group: 'exit',
        scenario: 'max-duration 3 s',
        ids: [id],
        goneAt: entry.ready_at! + 3000,
      });
    });

    it('ends at max-cost with reason budget', async () => {
      // helios costs 17 credits/s: 34 credits is 2 s.
      const el = await session('max-cost="34" idle-timeout="0"');
      const id = await live(el);
      const detail = await ended(el);
      expect(detail.reason).to.equal('budget');
      // Within half a second of billing, the ledger's own window below: a busy machine fires the
      // budget's timer a moment late (0.27 s once, on a clean clone's run with the whole suite).
      expect(detail.credits).to.be.closeTo(34, 17 * 0.5);
      const entry = await closed(id);
      expect(entry.billed_ms).to.be.within(1500, 2500);
      await matrixRow({
        group: 'exit',
        scenario: 'max-cost 34 credits (2 s)',
        ids: [id],
        goneAt: entry.ready_at! + 2000,
      });
    });

    it('says plainly when the platform ended the session', async () => {
      await configureEmulator({ max_duration_s: 2 });
      const el = await session('idle-timeout="0"');
      const id = await live(el);
      const detail = await ended(el);
      expect(detail.reason).to.equal('server');
      expect(el.status).to.equal('ended');
      expect(text(el, 'status')).to.contain('Reactor ended the session');
      const entry = await closed(id);
      expect(entry.ended_by).to.equal('max-duration');
      await matrixRow({
        group: 'platform',
        scenario: "the platform's max duration (2 s)",
        ids: [id],
        goneAt: entry.ready_at! + 2000,
      });
    });

    it('ends the session when removed from the page, but not when moved', async () => {
      const el = await session('idle-timeout="0"');
      const id = await live(el);
      const other = document.createElement('section');
      document.body.append(other);
      other.append(el); // a move: disconnected and connected in the same task
      await new Promise((r) => setTimeout(r, 300));
      expect(el.status).to.equal('ready');
      expect((await ledgerEntry(id)).state).to.equal('ACTIVE');
      const end = ended(el);
      const goneAt = Date.now();
      other.remove();
      expect((await end).reason).to.equal('removed');
      expect((await closed(id)).ended_by).to.equal('client');
      await matrixRow({
        group: 'exit',
        scenario: 'element moved (kept live), then removed',
        ids: [id],
        goneAt,
      });
    });

    it('keeps the session when taken out and put back within the grace (an editor or router re-render)', async () => {
      const el = await session('idle-timeout="0"');
      const id = await live(el);
      const parent = el.parentElement!;
      el.remove();
      await new Promise((r) => setTimeout(r, 200)); // a builder's editor re-rendering its canvas
      parent.append(el);
      await new Promise((r) => setTimeout(r, 800)); // past the grace
      expect(el.status).to.equal('ready');
      expect((await ledgerEntry(id)).state).to.equal('ACTIVE');
      el.disconnect();
      expect((await closed(id)).ended_by).to.equal('client');
    });

    it('a page left while a removed element is in its grace still ends the session', async () => {
      const el = await session('idle-timeout="0"');
      const id = await live(el);
      const end = ended(el);
      el.remove();
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      expect((await end).reason).to.equal('unload');
      expect((await closed(id)).ended_by).to.equal('client');
    });

    for (const event of ['pagehide', 'beforeunload'] as const) {
      it(`ends the session on ${event} (also a page entering the back/forward cache)`, async () => {
        const el = await session('idle-timeout="0"');
        const id = await live(el);
        const end = ended(el);
        const goneAt = Date.now();
        window.dispatchEvent(
          event === 'pagehide'
            ? new PageTransitionEvent('pagehide', { persisted: true })
            : new Event('beforeunload'),
        );
        expect((await end).reason).to.equal('unload');
        expect(el.status).to.equal('ended');
        expect((await closed(id)).ended_by).to.equal('client');
        await matrixRow({
          group: 'exit',
          scenario:
            event === 'pagehide'
              ? 'pagehide persisted (into the back/forward cache)'
              : 'beforeunload',
          ids: [id],
          goneAt,
        });
        if (event === 'pagehide') {
          // Restored from the cache (neither engine caches a page with WebRTC today, see the
          // matrix row): the page shows the ended session and offers a new one.
          window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
          await el.updateComplete;
          expect(el.status).to.equal('ended');
          expect(part(el, 'connect-button')).to.exist;
        }
      });
    }

    for (const how of ['removed', 'navigated away'] as const) {
      it(`ends the session with a keepalive DELETE when its page is ${how}`, async () => {
        requireWebRTC();
        const url = await emulatorUrl();
        const frame = document.createElement('iframe');
        const started = sessionIdFromFrame();
        frame.srcdoc = `<script type="module">
          import '/src/index.ts';
          const el = document.createElement('reactor-session');
          el.setAttribute('model', 'helios');
          el.setAttribute('api-url', ${JSON.stringify(url)});
          el.setAttribute('token-url', ${JSON.stringify(`${url}/api/reactor-token`)});
          el.addEventListener('reactor-ready', (e) => parent.postMessage({ sessionId: e.detail.sessionId }, '*'));
          document.body.append(el);
          el.connect();
        </script>`;
        document.body.append(frame);
        const id = await started;
        const leftAt = Date.now();
        if (how === 'removed') frame.remove();
        else frame.contentWindow!.location.replace('about:blank');
        const entry = await closed(id);
        expect(entry.ended_by).to.equal('client');
        expect(entry.terminated_at! - leftAt).to.be.below(2000);
        await matrixRow({
          group: 'exit',
          scenario: how === 'removed' ? 'iframe removed' : 'navigation (the iframe navigated away)',
          ids: [id],
          goneAt: leftAt,
        });
        frame.remove();
      });
    }
  });

  describe('errors', () => {
    const cases = [
      { status: 401, times: 2, code: 'unauthorized', says: 'refused (401)' },
      { status: 402, times: 1, code: 'payment-required', says: 'out of credits (402)' },
      { status: 426, times: 1, code: 'client-outdated', says: 'outdated' },
      { status: 500, times: 1, code: 'server-error', says: 'Reactor had a problem (500)' },
    ];
    for (const c of cases) {
      it(`${c.status}: a clear message, a reactor-error event, and nothing left open`, async () => {
        requireWebRTC();
        await configureEmulator({
          faults: [{ status: c.status, times: c.times, route: 'POST /sessions' }],
        });
        const el = await session('topup-url="https://example.com/topup"');
        const error = oneEvent(el, 'reactor-error');
        const end = ended(el);
        part(el, 'connect-button')!.click();
        const { detail } = await error;
        expect(detail.code).to.equal(c.code);
        expect(detail.status).to.equal(c.status);
        expect((await end).reason).to.equal('error');
        await el.updateComplete;
        expect(text(el, 'error')).to.contain(c.says);
        expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
        if (c.status === 402)
          expect(part(el, 'error')!.querySelector('a')!.getAttribute('href')).to.equal(
            'https://example.com/topup',
          );
        expect(el.status).to.equal('error');
        await expect(el).to.be.accessible();
        await nothingOpen();
      });
    }

    it('a failure after the session was created terminates it', async () => {
      requireWebRTC();
      await configureEmulator({ faults: [{ status: 500, route: 'POST /sessions/' }] });
      const el = await session();
      const error = oneEvent(el, 'reactor-error');
      part(el, 'connect-button')!.click();
      expect((await error).detail.code).to.equal('server-error');
      const [entry] = await nothingOpen();
      expect(entry!.ended_by).to.equal('client');
      expect(entry!.billed_ms).to.equal(0);
    });

    it('429: says all GPUs are busy, retries after Retry-After, and connects', async () => {
      requireWebRTC();
      await configureEmulator({
        faults: [{ status: 429, times: 1, route: 'POST /sessions', retryAfter: 1 }],
      });
      const el = await session('idle-timeout="0"');
      part(el, 'connect-button')!.click();
      await waitFor(
        () => text(el, 'status').includes('All GPUs for this site are busy'),
        'the busy message',
      );
      expect(text(el, 'status')).to.match(/retrying in \d s/);
      await waitFor(() => el.status === 'ready', 'ready after the retry');
      el.disconnect();
      await nothingOpen();
    });

    it('429: the wait can be cancelled, and nothing is created', async () => {
      requireWebRTC();
      await configureEmulator({
        faults: [{ status: 429, times: 10, route: 'POST /sessions', retryAfter: 30 }],
      });
      const el = await session();
      part(el, 'connect-button')!.click();
      await waitFor(() => text(el, 'status').includes('busy'), 'the busy message');
      await new Promise((r) => setTimeout(r, 650)); // a press right after Start is ignored
      const end = ended(el);
      part(el, 'disconnect-button')!.click();
      expect((await end).reason).to.equal('user');
      expect(el.status).to.equal('ended');
      await el.updateComplete;
      expect(text(el, 'status')).to.equal('Cancelled: nothing was billed.');
      expect(await ledger()).to.deep.equal([]);
    });

    it('says so when the platform never confirms the end (every DELETE failed)', async () => {
      const el = await session('idle-timeout="0"');
      const id = await live(el);
      await configureEmulator({ faults: [{ status: 503, times: 4, route: 'DELETE /sessions/' }] });
      const error = oneEvent(el, 'reactor-error');
      el.disconnect();
      expect((await error).detail.code).to.equal('server-error');
      await el.updateComplete;
      expect(text(el, 'error')).to.contain('did not confirm the end');
      // The transport is closed, so the platform holds the GPU for its window, then ends it.
      expect((await ledgerEntry(id)).state).to.equal('SUSPENDED');
    });

    it('a network failure says the platform could not be reached', async () => {
      requireWebRTC();
      const el = await fixture<ReactorSession>(
        html`<reactor-session
          model="helios"
          api-url="http://127.0.0.1:9"
          token-url=${`${await emulatorUrl()}/api/reactor-token`}
        ></reactor-session>`,
      );
      const error = oneEvent(el, 'reactor-error');
      part(el, 'connect-button')!.click();
      expect((await error).detail.code).to.equal('network');
      await el.updateComplete;
      expect(text(el, 'error')).to.contain('Could not reach Reactor');
    });
  });
});
