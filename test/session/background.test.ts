import { expect } from '@open-wc/testing';
import { closedEntry, ledgerEntry, resetEmulator, waitFor } from '../helpers/emulator.js';
import { sleep } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';
import { countDeletes, cleanUp, harness, live } from '../helpers/session-unit.js';
import { pageHidden } from '../helpers/dom.js';

/**
 * The page put away and brought back (`background`), on the session unit, judged by the ledger:
 * `hold` drops the stream recoverably (the platform holds the GPU, billed) and resumes the same
 * session, or finds it ended past the platform's window; `keep` leaves it running; `auto` is
 * `hold` on a coarse pointer only. (`end` is among the unit's exits in session.test.ts; the real
 * tabs of a phone are in test/e2e/matrix-phone.test.ts.)
 */
describe('Session: the page put away (background)', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));
  afterEach(cleanUp);

  it('hold: put away, the stream stops and the platform holds the session; back, the same session is live again', async () => {
    const h = await harness({ background: 'hold' });
    const id = await live(h);
    const tracks: unknown[] = [];
    h.session.on('track', (t) => tracks.push(t));
    const deletes = countDeletes();
    try {
      pageHidden(true);
      expect(h.session.status).to.equal('reconnecting');
      const held = await waitFor(async () => {
        const e = await ledgerEntry(id);
        return e.state === 'SUSPENDED' && e;
      }, 'the platform to hold the session');
      expect(held.held_since).to.be.a('number');
      // Still billed while held: the meter goes on.
      const before = h.session.billedSeconds;
      await sleep(300);
      expect(h.session.billedSeconds).to.be.above(before);
      pageHidden(false);
      await waitFor(() => h.session.status === 'ready', 'the session to resume');
      expect(h.session.sessionId).to.equal(id);
      expect(tracks.length, 'the video track again').to.be.above(0);
      // The page counts the session live as soon as its side of the reconnect is up; the
      // platform's books follow when it sees the peer again (on a busy machine, a little later).
      const entry = await waitFor(async () => {
        const e = await ledgerEntry(id);
        return e.state === 'ACTIVE' && e;
      }, 'the platform to count the session active again');
      expect(entry.reconnects).to.equal(1);
      expect(deletes.count).to.equal(0);
      expect(h.ends).to.deep.equal([]);
    } finally {
      deletes.restore();
      // Ended whatever happened above: a session left live holds the page's lock, and the next
      // test would find it 'elsewhere'.
      pageHidden(false);
      h.session.disconnect();
    }
    expect((await closedEntry(id)).ended_by).to.equal('client');
  });

  it('hold: away past the platform’s window, the platform ended it, billed the window; back, it reads ended (background)', async () => {
    await resetEmulator({ gpuDelayMs: 50, recoverableWindowMs: 1500 });
    const h = await harness({ background: 'hold' });
    const id = await live(h);
    pageHidden(true);
    const hiddenAt = Date.now();
    const entry = await closedEntry(id, 6000);
    expect(entry.ended_by).to.equal('abandoned');
    // Billed until the window closed, counted from the hide (± the emulator's notice of the drop).
    expect(entry.terminated_at! - hiddenAt).to.be.within(1000, 2500);
    pageHidden(false);
    await waitFor(() => h.ends.length > 0, 'the end');
    expect(h.ends[0]!.reason).to.equal('background');
    expect(h.session.status).to.equal('ended');
    expect(h.errors, 'no error: the end is explained').to.deep.equal([]);
    expect(h.store.burnRate()).to.equal(0);
  });

  it('keep: put away and back, the session runs on', async () => {
    const h = await harness({ background: 'keep' });
    const id = await live(h);
    pageHidden(true);
    await sleep(500);
    expect(h.session.status).to.equal('ready');
    expect((await ledgerEntry(id)).state).to.equal('ACTIVE');
    pageHidden(false);
    expect(h.session.status).to.equal('ready');
    h.session.disconnect();
  });

  it('auto: keep with a fine pointer, hold with a coarse one (a phone or tablet)', async () => {
    const original = window.matchMedia;
    let coarse = false;
    window.matchMedia = (query: string) =>
      ({ matches: query === '(pointer: coarse)' && coarse }) as MediaQueryList;
    try {
      const h = await harness({ background: 'auto' });
      await live(h);
      pageHidden(true);
      expect(h.session.status).to.equal('ready');
      pageHidden(false);
      coarse = true;
      pageHidden(true);
      expect(h.session.status).to.equal('reconnecting');
      pageHidden(false);
      await waitFor(() => h.session.status === 'ready', 'the session to resume');
      h.session.disconnect();
    } finally {
      window.matchMedia = original;
    }
  });

  it('hold: a GPU assigned while the page is away is held at once, and resumes when it is back', async () => {
    await resetEmulator({ gpuDelayMs: 600 });
    const h = await harness({ background: 'hold' });
    requireWebRTC();
    const connected = h.session.connect();
    await waitFor(() => h.session.status === 'waiting', 'waiting for a GPU');
    pageHidden(true);
    const statuses: string[] = [];
    h.session.on('status', ({ status }) => statuses.push(status));
    await waitFor(() => h.session.status === 'reconnecting', 'the session to be held');
    expect(statuses.slice(0, 2)).to.deep.equal(['ready', 'reconnecting']);
    pageHidden(false);
    await waitFor(() => h.session.status === 'ready', 'the session to resume');
    await connected;
    h.session.disconnect();
  });
});
