import { expect } from '@open-wc/testing';
import type { EndReason, SessionConfig } from '../../src/session/session.js';
import { type Harness, countDeletes, cleanUp, harness, live } from '../helpers/session-unit.js';
import { pageHidden } from '../helpers/dom.js';
import {
  configureEmulator,
  dropPeer,
  ledger,
  ledgerEntry,
  resetEmulator,
  terminateFromPlatform,
  waitFor,
} from '../helpers/emulator.js';
import { sleep } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';

describe('Session (the session unit, without an element)', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));
  afterEach(cleanUp);

  const exits: {
    reason: EndReason;
    patch?: Partial<SessionConfig>;
    end?: (h: Harness, id: string) => unknown;
    endedBy: string;
    terminates: number;
  }[] = [
    { reason: 'user', end: (h) => h.session.disconnect(), endedBy: 'client', terminates: 1 },
    { reason: 'timeout', patch: { maxDuration: 1 }, endedBy: 'client', terminates: 1 },
    { reason: 'budget', patch: { maxCost: 17 }, endedBy: 'client', terminates: 1 },
    { reason: 'idle', patch: { idleTimeout: 1, idleWarning: 1 }, endedBy: 'client', terminates: 1 },
    {
      reason: 'unload',
      end: () => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })),
      endedBy: 'client',
      terminates: 1,
    },
    { reason: 'removed', end: (h) => h.host.disconnect(), endedBy: 'client', terminates: 1 },
    {
      reason: 'background',
      patch: { background: 'end' },
      end: () => pageHidden(true),
      endedBy: 'client',
      terminates: 1,
    },
    // The platform ended it: the DELETE that follows is answered 404 (already over).
    {
      reason: 'server',
      end: (_h, id) => terminateFromPlatform(id),
      endedBy: 'fault',
      terminates: 1,
    },
    {
      reason: 'error',
      patch: { reconnect: false },
      end: (_h, id) => dropPeer(id),
      endedBy: 'client',
      terminates: 1,
    },
  ];

  for (const exit of exits) {
    it(`${exit.reason}: exactly one terminate, one end event, one store end, and a stopped meter`, async () => {
      const h = await harness(exit.patch);
      const id = await live(h);
      const deletes = countDeletes();
      try {
        await exit.end?.(h, id);
        await waitFor(() => h.ends.length > 0, `the ${exit.reason} end`);
        const entry = await waitFor(async () => {
          const e = await ledgerEntry(id);
          return e.state === 'CLOSED' && e;
        }, 'the ledger to close the session');
        expect(entry.ended_by).to.equal(exit.endedBy);
        // Nothing else ends it again: a later disconnect, removal or unload is a no-op.
        h.session.disconnect();
        window.dispatchEvent(new PageTransitionEvent('pagehide'));
        await waitFor(() => h.storeEnds > 0, 'the store to hear of the end');
        await sleep(300);
        expect(h.ends.map((e) => e.reason)).to.deep.equal([exit.reason]);
        expect(deletes.count).to.equal(exit.terminates);
        expect(h.storeEnds).to.equal(1);
        expect(h.store.burnRate()).to.equal(0);
        const billed = h.session.billedSeconds;
        await sleep(200);
        expect(h.session.billedSeconds).to.equal(billed);
        if (exit.reason === 'server') {
          // The client learns of a platform-side end only when the connection drops (seconds
          // later): the meter may show more than was billed, never less.
          expect(billed).to.be.at.least(entry.billed_ms / 1000 - 0.5);
        } else {
          expect(Math.abs(billed - entry.billed_ms / 1000)).to.be.below(0.5);
        }
        expect(h.ends[0]!.sessionId).to.equal(id);
        expect(h.ends[0]!.credits).to.be.closeTo(billed * 17, 0.001);
        expect(h.session.status).to.equal(exit.reason === 'error' ? 'error' : 'ended');
        expect(h.session.endReason).to.equal(exit.reason);
        expect(h.session.busy).to.equal(false);
      } finally {
        deletes.restore();
      }
    });
  }

  it('keeps what ended sessions billed in the store, one after another, settled on the platform’s figures', async () => {
    const h = await harness();
    const finals: number[] = [];
    h.session.on('receipt', ({ credits }) => finals.push(credits));
    for (let i = 0; i < 2; i++) {
      await live(h);
      await sleep(500);
      h.session.disconnect();
      await waitFor(() => h.storeEnds === i + 1, 'the store to hear of the end');
      // Until the platform states its figure, the store holds the meter's.
      if (finals.length === i)
        expect(h.store.billedCredits()).to.be.closeTo(
          finals.reduce((a, b) => a + b, 0) + h.ends[i]!.credits,
          0.001,
        );
      await waitFor(() => finals.length === i + 1, 'the platform’s figure');
    }
    const receipts = h.ends.map((e) => e.credits);
    expect(receipts).to.have.length(2);
    expect(receipts.every((c) => c > 0)).to.equal(true);
    const entries = await ledger();
    expect(finals).to.deep.equal(entries.map((e) => e.credits));
    const total = finals[0]! + finals[1]!;
    expect(h.store.billedCredits()).to.be.closeTo(total, 1e-9);
    expect(h.store.billedCredits((s) => s.element === null && s.model === 'helios')).to.be.closeTo(
      total,
      1e-9,
    );
    expect(h.store.billedCredits((s) => s.element !== null)).to.equal(0);
    expect(h.store.burnRate()).to.equal(0);
    // Frozen at their end: a later model (another price) does not reprice what was billed.
    h.config.model = 'lingbot';
    await h.session.loadPrice();
    expect(h.session.setup.price.creditsPerSecond).to.equal(29);
    expect(h.store.billedCredits()).to.be.closeTo(total, 1e-9);
  });

  it('a move within the page (disconnected and connected in one task) keeps the session', async () => {
    const h = await harness();
    const id = await live(h);
    h.host.disconnect();
    h.host.connect();
    await sleep(100);
    expect(h.ends).to.deep.equal([]);
    expect(h.session.status).to.equal('ready');
    expect((await ledgerEntry(id)).state).to.equal('ACTIVE');
    h.session.disconnect();
  });

  it('refuses a bad configuration before creating anything: one error, no end, nothing billed', async () => {
    const cases: [Partial<SessionConfig>, RegExp][] = [
      [{ model: ' ' }, /model attribute/],
      [{ apiUrl: 'api.example' }, /not an absolute URL/],
      [{ tokenUrl: '' }, /Set token-url/],
      [{ token: 'rk_live_secret', tokenUrl: '' }, /API key/],
    ];
    for (const [patch, says] of cases) {
      const h = await harness(patch);
      await h.session.connect();
      expect(h.session.status).to.equal('error');
      expect(h.errors).to.have.length(1);
      expect(h.errors[0]!.error.message).to.match(says);
      expect(h.ends).to.deep.equal([]);
    }
    const off = await harness();
    off.host.disconnect();
    await off.session.connect();
    expect(off.errors[0]!.error.message).to.contain('to the page before connecting');
    expect(await ledger()).to.deep.equal([]);
  });

  it('connect() while busy is ignored, and a disconnect while connecting creates nothing billed', async () => {
    requireWebRTC();
    await configureEmulator({ gpuDelayMs: 500 });
    const h = await harness();
    const first = h.session.connect();
    void h.session.connect();
    await waitFor(() => h.session.status === 'waiting', 'waiting for a GPU');
    h.session.disconnect();
    await first;
    expect(h.ends.map((e) => e.reason)).to.deep.equal(['user']);
    expect(h.ends[0]!.billedSeconds).to.equal(0);
    const entries = await waitFor(async () => {
      const all = await ledger();
      return all.every((e) => e.state === 'CLOSED') && all;
    }, 'the ledger to close');
    expect(entries).to.have.length(1);
    expect(entries[0]!.billed_ms).to.equal(0);
  });

  it('max-cost without a known price ends the attempt with a clear error and nothing billed', async () => {
    requireWebRTC();
    const h = await harness({ model: 'no-such-model', maxCost: 100 });
    await h.session.connect();
    expect(h.session.status).to.equal('error');
    expect(h.errors[0]!.error.message).to.match(/max-cost needs the live price/);
    expect(h.ends.map((e) => e.reason)).to.deep.equal(['error']);
    expect(await ledger()).to.deep.equal([]);
  });

  it('reads its limits from the config when asked: the cap clamps, the estimate follows the price', async () => {
    const h = await harness({ maxDuration: 5000 });
    expect(h.session.setup.capSeconds).to.equal(1200);
    expect(h.session.remainingSeconds).to.equal(1200);
    h.config.maxDuration = 0.5;
    expect(h.session.setup.capSeconds).to.equal(1);
    h.config.maxDuration = 0; // not a positive number: the default, never a 0 s session
    expect(h.session.setup.capSeconds).to.equal(300);
    h.config.maxDuration = Number.NaN;
    expect(h.session.setup.capSeconds).to.equal(300);
    await h.session.loadPrice();
    expect(h.session.setup.price.costOf(300)).to.deep.equal({ credits: 5100, usd: 0.51 });
    expect(h.session.cost).to.deep.equal({ credits: 0, usd: 0 });
    expect(h.host.renders).to.be.above(0);
  });
});
