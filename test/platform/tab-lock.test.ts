import { expect } from '@open-wc/testing';
import { takeOver, tryAcquire } from '../../src/platform/tab-lock.js';

/**
 * The site-wide session lock, with Web Locks (a page on plain http has none: it gets the page's
 * own lock, as a frame that refuses locks does, below).
 */
describe('the session lock (Web Locks)', () => {
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

/**
 * Where the browser refuses the lock and the channel (an opaque-origin frame, a third-party frame
 * with blocked storage), the lock is the page's own. Last in this file: the fallback, once taken,
 * stays for the page.
 */
describe('the session lock where the browser refuses locks and channels', () => {
  const Channel = globalThis.BroadcastChannel;
  const warnings: string[] = [];
  const { warn } = console;
  before(() => {
    const refuse = () =>
      Promise.reject(new DOMException('Locks are not allowed here.', 'SecurityError'));
    Object.defineProperty(navigator, 'locks', { value: { request: refuse }, configurable: true });
    globalThis.BroadcastChannel = class {
      constructor() {
        throw new DOMException('No channel here.', 'SecurityError');
      }
    } as unknown as typeof BroadcastChannel;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  after(() => {
    delete (navigator as { locks?: unknown }).locks;
    globalThis.BroadcastChannel = Channel;
    console.warn = warn;
  });

  it('never hangs or throws: one holder per page, a takeover asks it to let go, said once', async () => {
    const within = <T>(promise: Promise<T>) =>
      Promise.race([
        promise,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('hung')), 2000)),
      ]);
    const asked: boolean[] = [];
    const first = await within(
      tryAcquire((fromThisPage) => {
        asked.push(fromThisPage);
        setTimeout(() => first?.release(), 50);
      }),
    );
    expect(first).to.not.equal(null);
    expect(await within(tryAcquire(() => undefined))).to.equal(null);
    const second = await within(takeOver(() => undefined));
    expect(asked).to.deep.equal([true]);
    expect(await within(tryAcquire(() => undefined))).to.equal(null);
    second.release();
    const third = await within(tryAcquire(() => undefined));
    expect(third).to.not.equal(null);
    third!.release();
    expect(warnings).to.deep.equal([
      "[reactor-elements] No lock shared with the site's other tabs (SecurityError): one live session per page, not per visitor.",
    ]);
  });
});
