/**
 * One live session per visitor across a site's tabs (and the `<reactor-session>` elements in
 * them): whoever runs a session holds the lock; another tab that wants one can only ask the
 * holder to give it up ("move it here"), and starts once the holder's session has ended.
 *
 * With the Web Locks API (every supported browser, in secure contexts) the lock is a real one,
 * released by the browser when the holding tab closes or crashes; the handover request travels
 * on a BroadcastChannel.
 *
 * Where they cannot be used (a page on plain http, which has no Web Locks; an opaque-origin
 * frame, a third-party frame whose storage the browser blocks: `navigator.locks.request()` or
 * `new BroadcastChannel()` throws), the lock is this page's alone: one live session per page
 * instead of per visitor, said once in the console. Every other safeguard applies all the same.
 */
import { say } from '../internal/console.js';
const NAME = 'reactor-elements:session';
/** How long a polite handover may take (the holder's DELETE) before the lock is taken anyway. */
const HANDOVER_MS = 5000;
type Message = { type: 'take' };

/** A held lock. `release()` is idempotent. */
export interface TabLease {
  release(): void;
}

/**
 * Called on the holder when another tab takes the session over (or took the lock);
 * `fromThisPage`: the one taking over is on the holder's own page (another player).
 */
export type OnTakeover = (fromThisPage: boolean) => void;

/** Takeovers this page has asked for and not yet completed. */
let takingOver = 0;

/** Set once the site-wide lock failed here: from then on the lock is this page's (see above). */
let pageOnly = false;

/** The page's own lock: its holder, asked to let go by a takeover. */
let pageHolder: { takenOver(): void; released: Promise<void> } | null = null;

/**
 * Takes the lock if nobody holds it; resolves with null when another tab or element does.
 * `onTakeover` runs on this holder when someone else takes it over.
 */
export function tryAcquire(onTakeover: OnTakeover): Promise<TabLease | null> {
  return acquire(onTakeover, 'if-available');
}

/** Asks the holder to end its session and takes the lock once it has (at most ~5 s later). */
export async function takeOver(onTakeover: OnTakeover): Promise<TabLease> {
  takingOver += 1;
  try {
    post({ type: 'take' });
    return (await acquire(onTakeover, 'wait'))!;
  } finally {
    takingOver -= 1;
  }
}

function post(message: Message): void {
  if (pageOnly) return;
  try {
    const channel = new BroadcastChannel(NAME);
    channel.postMessage(message);
    channel.close();
  } catch {
    /* no channel here: `acquire` falls back to the page's own lock */
  }
}

async function acquire(
  onTakeover: OnTakeover,
  mode: 'if-available' | 'wait',
): Promise<TabLease | null> {
  if (!pageOnly) {
    try {
      return await siteAcquire(onTakeover, mode);
    } catch (error) {
      pageOnly = true;
      say(
        `No lock shared with the site's other tabs (${error instanceof Error ? error.name : String(error)}): one live session per page, not per visitor.`,
      );
    }
  }
  return pageAcquire(onTakeover, mode);
}

/** The lock of this page alone (see the module comment). */
async function pageAcquire(
  onTakeover: OnTakeover,
  mode: 'if-available' | 'wait',
): Promise<TabLease | null> {
  const previous = pageHolder;
  if (previous) {
    if (mode === 'if-available') return null;
    previous.takenOver();
    await Promise.race([previous.released, new Promise((r) => setTimeout(r, HANDOVER_MS))]);
  }
  let letGo: () => void = () => undefined;
  const holder = {
    released: new Promise<void>((resolve) => (letGo = resolve)),
    takenOver: () => {
      if (pageHolder === holder) onTakeover(true);
    },
  };
  pageHolder = holder;
  return {
    release() {
      if (pageHolder === holder) pageHolder = null;
      letGo();
    },
  };
}

/** The lock shared by the site's tabs; throws where the browser allows no lock or channel. */
async function siteAcquire(
  onTakeover: OnTakeover,
  mode: 'if-available' | 'wait',
): Promise<TabLease | null> {
  const channel = new BroadcastChannel(NAME);
  let released = false;
  let releaseLock: () => void = () => undefined;
  const lease: TabLease = {
    release() {
      if (released) return;
      released = true;
      channel.close();
      releaseLock();
    },
  };
  const takenOver = () => {
    if (released) return;
    onTakeover(takingOver > 0);
  };
  let held: boolean;
  try {
    // No Web Locks (a plain http page): a TypeError here, and the page's own lock instead.
    held = await withWebLocks(
      navigator.locks,
      mode,
      (release) => (releaseLock = release),
      takenOver,
    );
  } catch (error) {
    channel.close();
    throw error;
  }
  if (!held) {
    channel.close();
    return null;
  }
  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if (data.type === 'take') takenOver();
  };
  return lease;
}

/**
 * Resolves true once the Web Lock is held (false: taken, with `if-available`); rejects when the
 * browser refuses locks to this page (a `SecurityError` in an opaque or blocked frame).
 */
function withWebLocks(
  manager: LockManager,
  mode: 'if-available' | 'wait',
  setRelease: (release: () => void) => void,
  onStolen: () => void,
): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    let granted = false;
    const request = (options: LockOptions) =>
      manager.request(NAME, options, (lock) => {
        if (!lock) return resolve(false);
        granted = true;
        resolve(true);
        // Held until released; the browser releases it if the tab goes away.
        return new Promise<void>((done) => setRelease(done));
      });
    // Once held, a rejection means another tab stole the lock: this session must end. Before,
    // it means the browser refuses locks here.
    const lost = (error: unknown) => (granted ? onStolen() : reject(error));
    const refused = (error: unknown) => (error as Error)?.name === 'SecurityError';
    try {
      if (mode === 'if-available') {
        request({ ifAvailable: true }).catch(lost);
        return;
      }
      // A holder that does not give the lock up in time (a frozen tab) loses it: `steal` rejects
      // its request, which ends its session (see `lost`) as soon as it runs again.
      request({ signal: AbortSignal.timeout(HANDOVER_MS) }).catch((error: unknown) => {
        if (granted || refused(error)) return lost(error);
        request({ steal: true }).catch(lost);
      });
    } catch (error) {
      reject(error); // `request` itself threw
    }
  });
}
