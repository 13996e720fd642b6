import { expect } from '@open-wc/testing';
import { takeOver, tryAcquire } from '../../src/platform/tab-lock.js';

/**
 * The site-wide session lock, with Web Locks and with the BroadcastChannel stand-in that pages
 * on plain http get (no `navigator.locks` outside secure contexts).
 */
for (const mode of ['Web Locks', 'BroadcastChannel only'] as const) {
  describe(`the session lock (${mode})`, () => {
    before(() => {
      if (mode === 'BroadcastChannel only')
        Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    });
    after(() => {
      delete (navigator as { locks?: unknown }).locks; // back to the prototype's getter
    });

    it('has one holder; a second caller is refused until it takes over, after the holder let go', async () => {
      const events: string[] = [];
      let first = await tryAcquire(() => {
        events.push('first asked to end');
        // The holder ends its session (a DELETE), then lets go.
        setTimeout(() => {
          events.push('first released');
          first?.release();
          first = null;
        }, 100);
      });
      expect(first).to.not.equal(null);
      expect(await tryAcquire(() => undefined)).to.equal(null);
      const second = await takeOver(() => undefined);
      events.push('second holds');
      expect(events).to.deep.equal(['first asked to end', 'first released', 'second holds']);
      second.release();
      // Web Locks lets go asynchronously (the lock manager is in another process in Chromium).
      await new Promise((r) => setTimeout(r, 50));
      const third = await tryAcquire(() => undefined);
      expect(third).to.not.equal(null);
      third!.release();
    });
  });
}
