import { expect } from '@open-wc/testing';
import { PlatformError } from '../../src/platform/errors.js';
import { abortableSleep, poll, type PollSchedule } from '../../src/platform/poll-schedule.js';
import { timeoutSignal } from '../../src/platform/timeout-signal.js';
import { rejection } from '../helpers/assertions.js';

/**
 * A virtual clock for this window's `performance.now()` and `setTimeout`: each timer fires as
 * soon as the promises before it have settled, at its own virtual time. The schedule's gaps are
 * then exact, however late a busy browser would run real timers (WebKit ran them 190 ms late
 * under a full suite). Mocha keeps its own references to the real timers.
 */
function virtualTime(): { restore(): void } {
  const real = { now: performance.now, set: window.setTimeout, clear: window.clearTimeout };
  let now = 0;
  let nextId = 1;
  let running = true;
  const timers: { at: number; id: number; fn: () => void }[] = [];
  performance.now = () => now;
  window.setTimeout = ((fn: () => void, ms = 0) => {
    timers.push({ at: now + ms, id: nextId, fn });
    return nextId++;
  }) as typeof setTimeout;
  window.clearTimeout = ((id: number) => {
    const index = timers.findIndex((t) => t.id === id);
    if (index >= 0) timers.splice(index, 1);
  }) as typeof clearTimeout;
  void (async () => {
    while (running) {
      // A real macrotask between timers: every promise chain has settled by then.
      await new Promise((resolve) => real.set.call(window, resolve, 0));
      timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = timers.shift();
      if (!next) continue;
      now = Math.max(now, next.at);
      next.fn();
    }
  })();
  return {
    restore() {
      running = false;
      performance.now = real.now;
      window.setTimeout = real.set;
      window.clearTimeout = real.clear;
    },
  };
}

/** The connect's polling: fast at first, slower later, a 429's Retry-After honoured. */
describe('poll schedule', () => {
  const fast: PollSchedule = { fastMs: 20, fastForMs: 200, capMs: 200 };
  let clock: { restore(): void };
  beforeEach(() => (clock = virtualTime()));
  afterEach(() => clock.restore());

  it('polls at the fast interval first, then waits longer and longer', async () => {
    const at: number[] = [];
    const start = performance.now();
    await poll(
      fast,
      () => {
        at.push(performance.now() - start);
        return Promise.resolve(performance.now() - start > 700 ? 'done' : undefined);
      },
      new AbortController().signal,
    );
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    const early = gaps.filter((_, i) => at[i + 1]! < 200);
    const late = gaps.filter((_, i) => at[i]! > 350);
    // Every 20 ms, then backed off.
    expect(early).to.deep.equal(Array(early.length).fill(20));
    expect(late.length).to.be.above(0);
    expect(Math.min(...late)).to.be.above(55); // 60, 90, 135, 200 …
    expect(at.length).to.be.below(20);
  });

  it("counts the fast interval from one poll's start to the next (a slow answer does not stretch it)", async () => {
    const at: number[] = [];
    const start = performance.now();
    await poll(
      fast,
      async () => {
        at.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 15)); // a 15 ms round trip
        return at.length >= 8 ? 'done' : undefined;
      },
      new AbortController().signal,
    );
    const gaps = at
      .slice(1)
      .map((t, i) => t - at[i]!)
      .sort((a, b) => a - b);
    // Start to start: 20 ms. Waiting 20 ms after each answer would make every gap 35 ms.
    expect(gaps).to.deep.equal(Array(gaps.length).fill(20));
  });

  it("waits a 429's Retry-After, then goes on; any other error ends it", async () => {
    let calls = 0;
    const start = performance.now();
    const value = await poll(
      fast,
      () => {
        calls += 1;
        if (calls === 1) throw new PlatformError('rate-limited', 'Too many polls.', 429, 1);
        return Promise.resolve('done');
      },
      new AbortController().signal,
    );
    expect(value).to.equal('done');
    expect(performance.now() - start).to.be.at.least(950);
    const failure = await rejection(
      poll(
        fast,
        () => Promise.reject(new PlatformError('server-error', 'No.', 500)),
        new AbortController().signal,
      ),
    );
    expect(failure.code).to.equal('server-error');
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const failure = await rejection(
      poll(fast, () => Promise.resolve(undefined), controller.signal),
    );
    expect(failure.code).to.equal('aborted');
  });

  it('a sleep that ends takes its abort listener with it', async () => {
    const signal = new AbortController().signal;
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject,
      o?: AddEventListenerOptions | boolean,
    ) => {
      added.push(listener);
      add(type, listener, o);
    };
    signal.removeEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject,
      o?: EventListenerOptions | boolean,
    ) => {
      removed.push(listener);
      remove(type, listener, o);
    };
    await abortableSleep(5, signal);
    await abortableSleep(5, signal);
    expect(added).to.have.length(2);
    expect(removed).to.deep.equal(added);
  });
});

describe('timeout signal', () => {
  it('aborts with a TimeoutError after its time, and not once cleared', async () => {
    const timed = timeoutSignal(20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(timed.signal.aborted).to.equal(true);
    expect(timed.timedOut).to.equal(true);
    expect((timed.signal.reason as DOMException).name).to.equal('TimeoutError');
    const cleared = timeoutSignal(20);
    cleared.clear();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cleared.signal.aborted).to.equal(false);
  });

  it("follows its parent's abort (not a timeout), and lets go of the parent when cleared", () => {
    const parent = new AbortController();
    const child = timeoutSignal(10_000, parent.signal);
    parent.abort(new Error('cancelled'));
    expect(child.signal.aborted).to.equal(true);
    expect(child.timedOut).to.equal(false);
    expect((child.signal.reason as Error).message).to.equal('cancelled');
    child.clear();
    const other = new AbortController();
    const released = timeoutSignal(10_000, other.signal);
    released.clear();
    other.abort();
    expect(released.signal.aborted).to.equal(
      false,
      'a cleared signal no longer follows its parent',
    );
  });
});
