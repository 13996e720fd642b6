import { expect } from '@open-wc/testing';
import { ClockController } from '../../src/controllers/clock.js';
import { DeadlineController } from '../../src/controllers/deadline.js';
import { IdleController } from '../../src/controllers/idle.js';
import { UnloadController } from '../../src/controllers/unload.js';
import { REMOVAL_GRACE_MS } from '../../src/controllers/removal.js';
import { createSessionClock } from '../../src/platform/session-clock.js';
import { sleep } from '../helpers/session.js';
import { pageHidden } from '../helpers/dom.js';
import { Host } from '../helpers/host.js';

const visibilityChange = () => document.dispatchEvent(new Event('visibilitychange'));

describe('controllers', () => {
  describe('DeadlineController', () => {
    /** A connected DeadlineController on a clock the test sets (`clock.now`). */
    function onTestClock(now: number) {
      const clock = { now, expired: 0 };
      const host = new Host();
      const deadline = new DeadlineController(
        host,
        () => (clock.expired += 1),
        () => clock.now,
      );
      host.connect();
      return { clock, host, deadline };
    }

    it('works from an absolute deadline: a clock jump (a throttled tab) expires it at the next check', () => {
      const { clock, host, deadline } = onTestClock(1000);
      deadline.start(60_000);
      expect(deadline.remainingMs).to.equal(60_000);
      clock.now += 20_000;
      expect(deadline.remainingMs).to.equal(40_000);
      clock.now += 45_000; // the timer never fired: the tab was in the background
      visibilityChange();
      expect(clock.expired).to.equal(1);
      expect(deadline.active).to.equal(false);
      expect(deadline.remainingMs).to.equal(null);
      host.disconnect();
    });

    it('in a hidden page, the last wake-up within a second of the deadline ends it (throttled timers fire late)', () => {
      const { clock, host, deadline } = onTestClock(0);
      deadline.start(4000);
      clock.now = 3200; // a wake-up 0.8 s before the deadline, in a visible page: not yet
      visibilityChange();
      expect(clock.expired).to.equal(0);
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      try {
        visibilityChange(); // the same moment, hidden: its next timer could fire a second late
        expect(clock.expired).to.equal(1);
      } finally {
        delete (document as { hidden?: boolean }).hidden;
        host.disconnect();
      }
    });

    it('fires on time with real timers, survives a move, and stops cleanly', async () => {
      let expired = 0;
      const host = new Host();
      const deadline = new DeadlineController(host, () => (expired += 1));
      host.connect();
      deadline.start(150);
      host.disconnect();
      host.connect(); // moved in the DOM: the deadline is kept
      await sleep(250);
      expect(expired).to.equal(1);
      deadline.start(100);
      deadline.stop();
      await sleep(200);
      expect(expired).to.equal(1);
      deadline.start(50);
      host.disconnect(); // removed: no timer is left behind
      await sleep(120);
      expect(expired).to.equal(1);
    });
  });

  describe('IdleController', () => {
    /** An idle detector on a connected host, armed, on a clock the test sets; what it did. */
    function armedIdle(timeoutMs: number, warningMs: number) {
      const clock = { now: 0 };
      const calls: string[] = [];
      const host = new Host();
      const idle = new IdleController(host, () => clock.now);
      host.connect();
      const options = {
        timeoutMs,
        warningMs,
        onWarn: (seconds: number) => calls.push(`warn ${seconds}`),
        onResume: () => calls.push('resume'),
        onExpire: () => calls.push('expire'),
      };
      idle.arm(options);
      return { clock, calls, host, idle, options };
    }

    it('warns after the timeout, dismisses the warning on activity, and expires without it', () => {
      const { clock, calls, host, idle } = armedIdle(1000, 2000);
      clock.now = 999;
      visibilityChange();
      expect(idle.state).to.equal('watching');
      clock.now = 1000;
      visibilityChange();
      expect(idle.state).to.equal('warning');
      expect(idle.secondsLeft).to.equal(2);
      clock.now = 1500;
      document.dispatchEvent(new PointerEvent('pointermove'));
      visibilityChange();
      expect(idle.state).to.equal('watching');
      clock.now = 2500;
      visibilityChange();
      expect(idle.state).to.equal('warning');
      clock.now = 4500;
      visibilityChange();
      expect(calls).to.deep.equal(['warn 2', 'resume', 'warn 2', 'expire']);
      expect(idle.state).to.equal('off');
      host.disconnect();
    });

    it('ignores focus moves made quietly, and is off with a timeout of 0', () => {
      const { clock, calls, host, idle, options } = armedIdle(1000, 1000);
      clock.now = 1000;
      visibilityChange();
      clock.now = 1100;
      idle.quietly(() => document.dispatchEvent(new FocusEvent('focusin')));
      visibilityChange();
      expect(idle.state).to.equal('warning');
      idle.keepAlive();
      expect(idle.state).to.equal('watching');
      idle.disarm();
      idle.arm({ ...options, timeoutMs: 0 });
      expect(idle.state).to.equal('off');
      clock.now = 99_000;
      visibilityChange();
      expect(calls).to.deep.equal(['warn 1', 'resume']);
      host.disconnect();
    });

    it("in a hidden page, whose timers come late, the warning's last second ends it", () => {
      const { clock, calls, host } = armedIdle(1000, 3000);
      try {
        clock.now = 1000;
        pageHidden(false);
        clock.now = 3000; // 1 s of the warning left, the page seen: it goes on
        pageHidden(false);
        expect(calls).to.deep.equal(['warn 3']);
        clock.now = 3100; // 0.9 s left, the page hidden: over now rather than a throttled second late
        pageHidden(true);
        expect(calls).to.deep.equal(['warn 3', 'expire']);
      } finally {
        pageHidden(null);
        host.disconnect();
      }
    });
  });

  describe('the session clock', () => {
    it('counts a sleep (wall clock far ahead of the stopped monotonic one), never a clock set back', () => {
      let mono = 5000;
      let wall = 1_700_000_000_000;
      const clock = createSessionClock(
        () => mono,
        () => wall,
      );
      const start = clock();
      mono += 1000;
      wall += 1001; // ordinary jitter between the two clocks: the monotonic step counts
      expect(clock() - start).to.equal(1000);
      wall += 600_000; // ten minutes asleep: performance.now() stood still
      expect(clock() - start).to.equal(601_000);
      mono += 500;
      wall -= 3_600_000; // the wall clock set back an hour: only the monotonic step counts
      expect(clock() - start).to.equal(601_500);
      mono += 250;
      wall += 250;
      expect(clock() - start).to.equal(601_750);
    });

    it('wakes a deadline within a second of a sleep, with real timers', async () => {
      let asleep = 0;
      const clock = createSessionClock(
        () => performance.now(),
        () => Date.now() + asleep,
      );
      let expired = 0;
      const host = new Host();
      const deadline = new DeadlineController(host, () => (expired += 1), clock);
      host.connect();
      deadline.start(60_000);
      await sleep(100);
      asleep = 120_000; // the laptop slept for two minutes: no timer fired, no event came
      await sleep(1300);
      expect(expired).to.equal(1);
      host.disconnect();
    });
  });

  it('ClockController ticks only while running and connected', async () => {
    const host = new Host();
    const clock = new ClockController(host, 20);
    host.connect();
    await sleep(60);
    expect(host.renders).to.equal(0);
    clock.start();
    // Ticks, however slowly a busy machine runs timers.
    for (let i = 0; i < 100 && host.renders < 3; i++) await sleep(20);
    expect(host.renders).to.be.at.least(3);
    clock.stop();
    const stopped = host.renders;
    await sleep(60);
    expect(host.renders).to.equal(stopped);
    host.disconnect();
  });

  it('UnloadController calls back on pagehide (twice: a second chance), beforeunload, freeze, a restore and visibilitychange, through the removal grace, then stops', async () => {
    const kinds: string[] = [];
    const host = new Host();
    new UnloadController(
      host,
      (kind) => kinds.push(kind),
      () => kinds.push('restore'),
      () => kinds.push('visibility'),
    );
    host.connect();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new Event('beforeunload'));
    document.dispatchEvent(new Event('freeze'));
    // Two independent pagehide listeners: Firefox may abort the first mid-way on a tab close.
    expect(kinds).to.deep.equal(['pagehide', 'pagehide', 'beforeunload', 'freeze']);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(kinds.splice(4)).to.deep.equal(['restore', 'visibility']);
    host.disconnect();
    // Off the page, within the removal grace: a session may still run, so the page's end counts.
    window.dispatchEvent(new Event('beforeunload'));
    expect(kinds.slice(4)).to.deep.equal(['beforeunload']);
    await sleep(REMOVAL_GRACE_MS + 200);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    document.dispatchEvent(new Event('freeze'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(kinds.slice(5)).to.deep.equal([]);
  });
});
