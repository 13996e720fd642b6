import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import type { TokenProvider } from '../../src/platform/tokens.js';
import {
  configureEmulator,
  dropPeer,
  emulatorUrl,
  ledger,
  resetEmulator,
  terminateFromPlatform,
  waitFor,
} from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { part } from '../helpers/dom.js';
import { partText as text } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';

/**
 * The money-never-lost matrix, failures (#13): the token route and the platform failing at each
 * step, judged by the ledger (test/helpers/matrix.ts). Each row also checks what the visitor is
 * told. Console lines from the refusals are expected here and kept out of the run's output.
 */
async function element(
  attrs = '',
  { apiUrl, tokenQuery = '' }: { apiUrl?: string; tokenQuery?: string } = {},
): Promise<ReactorSession> {
  const url = await emulatorUrl();
  const box = await fixture<HTMLDivElement>(
    html`<div
      .innerHTML=${`<reactor-session model="helios" api-url="${apiUrl ?? url}" token-url="${url}/api/reactor-token${tokenQuery}" idle-timeout="0" ${attrs}></reactor-session>`}
    ></div>`,
  );
  const el = box.querySelector('reactor-session')!;
  await el.updateComplete;
  return el;
}

/** Clicks Start; resolves with the session id once live, or null when the attempt failed. */
async function start(el: ReactorSession): Promise<{ id: string | null; at: number }> {
  const outcome = Promise.race([
    oneEvent(el, 'reactor-ready').then((e) => (e.detail as { sessionId: string }).sessionId),
    oneEvent(el, 'reactor-error').then(() => null),
  ]);
  part(el, 'connect-button')!.click();
  const id = await outcome;
  return { id, at: Date.now() };
}

let quiet: { error: typeof console.error; warn: typeof console.warn } | null = null;

describe('matrix: failures', function () {
  this.timeout(60_000);
  beforeEach(async () => {
    quiet = { error: console.error, warn: console.warn };
    console.error = console.warn = () => undefined;
    await resetEmulator({ gpuDelayMs: 50 });
  });
  afterEach(() => {
    console.error = quiet!.error;
    console.warn = quiet!.warn;
  });

  describe('the token route', () => {
    it('failing (500): the setup message, nothing created', async () => {
      requireWebRTC();
      await configureEmulator({
        faults: [{ status: 500, times: 5, route: 'GET /api/reactor-token' }],
      });
      const el = await element();
      expect((await start(el)).id).to.equal(null);
      await el.updateComplete;
      expect(text(el, 'error')).to.equal('Live sessions are not available on this page right now.');
      await matrixRow({
        group: 'token',
        scenario: 'token route failing (500)',
        ids: [],
        goneAt: null,
      });
    });

    it('slower than the 15 s timeout: a timeout, nothing created', async function () {
      requireWebRTC();
      this.timeout(40_000);
      const el = await element('', { tokenQuery: '?delay_ms=20000' });
      const began = performance.now();
      expect((await start(el)).id).to.equal(null);
      expect(performance.now() - began).to.be.within(14_000, 19_000);
      expect(el.status).to.equal('error');
      await matrixRow({
        group: 'token',
        scenario: 'token route slower than 15 s',
        ids: [],
        goneAt: null,
      });
    });

    it('answering an expired token: refused before anything is created', async () => {
      const el = await element();
      const payload = btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) - 60 }));
      const provider: TokenProvider = () => Promise.resolve({ jwt: `e30.${payload}.sig` });
      el.tokenProvider = provider;
      expect((await start(el)).id).to.equal(null);
      await matrixRow({
        group: 'token',
        scenario: 'token route answers an expired token',
        ids: [],
        goneAt: null,
      });
    });

    it('a hung tokenProvider: a timeout after 15 s, nothing created', async function () {
      this.timeout(40_000);
      const el = await element();
      el.tokenProvider = () => new Promise(() => undefined);
      expect((await start(el)).id).to.equal(null);
      expect(el.status).to.equal('error');
      await matrixRow({
        group: 'token',
        scenario: 'tokenProvider never answers',
        ids: [],
        goneAt: null,
      });
    });

    it('gone mid-session: the session keeps its token, resumes after a drop, and ends', async () => {
      requireWebRTC();
      const el = await element();
      const { id } = await start(el);
      await configureEmulator({
        faults: [{ status: 404, times: 50, route: 'GET /api/reactor-token' }],
      });
      await dropPeer(id!);
      await waitFor(() => el.status === 'reconnecting', 'the drop');
      await waitFor(() => el.status === 'ready', 'the resume');
      const goneAt = Date.now();
      el.disconnect();
      const row = await matrixRow({
        group: 'token',
        scenario: 'token route gone mid-session (then a drop, a resume, End)',
        ids: [id!],
        goneAt,
      });
      expect(row.endedBy).to.equal('client');
    });
  });

  describe('the platform', () => {
    // Another origin than the other tests' (localhost for 127.0.0.1): no cached price list.
    const uncachedApi = async () => (await emulatorUrl()).replace('127.0.0.1', 'localhost');

    it('/pricing failing: the session still runs and says the price is unavailable', async () => {
      requireWebRTC();
      const apiUrl = await uncachedApi();
      await configureEmulator({ faults: [{ status: 500, times: 50, route: 'GET /pricing' }] });
      const el = await element('', { apiUrl });
      await waitFor(() => text(el, 'cost').includes('price unavailable'), 'the unknown price');
      const { id } = await start(el);
      expect(id).to.be.a('string');
      const goneAt = Date.now();
      el.disconnect();
      await matrixRow({
        group: 'platform',
        scenario: '/pricing failing: the session runs, "price unavailable"',
        ids: [id!],
        goneAt,
      });
    });

    it('/pricing failing with max-cost set: refused, nothing created', async () => {
      requireWebRTC();
      const apiUrl = await uncachedApi();
      await configureEmulator({ faults: [{ status: 500, times: 50, route: 'GET /pricing' }] });
      const el = await element('max-cost="50"', { apiUrl });
      expect((await start(el)).id).to.equal(null);
      await el.updateComplete;
      expect(text(el, 'error')).to.contain('max-cost');
      await matrixRow({
        group: 'platform',
        scenario: '/pricing failing, max-cost set: refused',
        ids: [],
        goneAt: null,
      });
    });

    const steps = [
      ['create', 'POST /sessions'],
      ['poll', 'GET /sessions/*$'],
      ['ice servers', 'GET /sessions/*/transport/webrtc/ice_servers'],
      ['offer', 'POST /sessions/*/transport/webrtc/sdp_params'],
      ['answer', 'GET /sessions/*/transport/webrtc/sdp_params'],
    ] as const;
    for (const [step, route] of steps) {
      for (const status of [401, 402, 429, 500]) {
        it(`${status} at ${step}: told, and nothing left billing`, async () => {
          // 401 twice: a 401 at create is retried once with a new token.
          await configureEmulator({
            faults: [{ status, times: status === 401 ? 2 : 1, route, retryAfter: 1 }],
          });
          const el = await element();
          const { id, at } = await start(el);
          await el.updateComplete;
          if (id) el.disconnect();
          else expect(text(el, 'error').length, 'an error is shown').to.be.above(0);
          const entries = await ledger();
          const row = await matrixRow({
            group: 'platform',
            scenario: `${status} at ${step} (${id ? 'retried, went live, then End' : 'failed'})`,
            ids: entries.map((e) => e.session_id),
            goneAt: at,
          });
          if (!id) expect(row.billedAfterGone).to.equal(0);
        });
      }
    }

    it('402 mid-session (the balance runs out): the platform ends it, the element says so', async () => {
      requireWebRTC();
      await configureEmulator({ balance: 40 }); // helios: 17 credits/s, so about 2.3 s
      const el = await element();
      const { id } = await start(el);
      const end = oneEvent(el, 'reactor-end');
      expect(((await end).detail as { reason: string }).reason).to.equal('server');
      await el.updateComplete;
      expect(text(el, 'status')).to.contain('Reactor ended the session');
      const [entry] = await ledger();
      const row = await matrixRow({
        group: 'platform',
        scenario: '402 mid-session (balance ran out)',
        ids: [id!],
        goneAt: entry.terminated_at,
      });
      expect(row.entries[0].end_detail).to.equal('out of credits');
    });

    it('the GPU peer dies: ended at once', async () => {
      requireWebRTC();
      const el = await element();
      const { id } = await start(el);
      const end = oneEvent(el, 'reactor-end');
      await terminateFromPlatform(id!);
      await end;
      const [entry] = await ledger();
      await matrixRow({
        group: 'platform',
        scenario: 'the GPU peer dies',
        ids: [id!],
        goneAt: entry.terminated_at,
      });
    });

    it('the network gone past the recoverable window: the meter counted the held time', async () => {
      requireWebRTC();
      await configureEmulator({ recoverableWindowMs: 2000 });
      const el = await element();
      const { id } = await start(el);
      // Every request fails from here (the visitor's network is down), and the peer is gone.
      await configureEmulator({ faults: [{ status: 503, times: 500 }] });
      // Gone from when the platform lost the peer (its ledger's clock): under a loaded machine the
      // drop request itself can take a second to be served, and that second is not the window's.
      const dropped = await dropPeer(id!);
      const goneAt = dropped.held_since ?? Date.now();
      await waitFor(
        async () => (await ledger())[0].state === 'CLOSED',
        'the platform to give up',
        8000,
      );
      const [entry] = await ledger();
      expect(entry.ended_by).to.equal('abandoned');
      // The platform billed the held window; the visitor's meter shows at least as much.
      expect(el.billedSeconds * 1000).to.be.at.least(entry.billed_ms - 300);
      el.disconnect();
      // `abandoned` is the honest end when no request can reach the platform: the row shows
      // what that costs (the window), and that nothing else is lost.
      await matrixRow({
        group: 'platform',
        scenario: 'network gone past the recoverable window (2 s): nothing reaches the platform',
        ids: [id!],
        goneAt,
        allowAbandoned: true,
        allowedSeconds: 3.5,
      });
    });

    it('429 at the concurrency limit: the wait holds no session, and it connects when a slot frees', async () => {
      requireWebRTC();
      await configureEmulator({ concurrencyLimit: 1, concurrencyRetryAfter: 1 });
      const first = await element('exclusive="false"');
      const { id } = await start(first);
      const second = await element('exclusive="false"');
      part(second, 'connect-button')!.click();
      await waitFor(() => text(second, 'status').includes('busy'), 'the busy message');
      expect((await ledger()).length).to.equal(1);
      first.disconnect();
      await waitFor(() => second.status === 'ready', 'the second session after the retry');
      const goneAt = Date.now();
      second.disconnect();
      const entries = await ledger();
      expect(entries.length).to.equal(2);
      await matrixRow({
        group: 'platform',
        scenario: '429 at the concurrency limit (1): waited, connected when the first ended',
        ids: entries.map((e) => e.session_id),
        goneAt: null,
        goneAtById: { [entries[1].session_id]: goneAt, [id!]: entries[0].terminated_at! },
      });
    });

    it('429 at the per-minute limit: waiting holds no session, and the visitor can cancel', async () => {
      requireWebRTC();
      await configureEmulator({ sessionsPerMinute: 1 });
      const first = await element();
      const { id } = await start(first);
      first.disconnect();
      const el = await element();
      part(el, 'connect-button')!.click();
      await waitFor(() => text(el, 'status').includes('busy'), 'the busy message');
      expect((await ledger()).length).to.equal(1);
      await new Promise((r) => setTimeout(r, 650)); // a press right after Start is ignored
      const end = oneEvent(el, 'reactor-end');
      part(el, 'disconnect-button')!.click();
      await end;
      await matrixRow({
        group: 'platform',
        scenario: '429 per-minute limit, cancelled while waiting',
        ids: [id!],
        goneAt: null,
      });
      expect((await ledger()).length).to.equal(1);
    });
  });
});
