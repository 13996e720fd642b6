import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { REMOVAL_GRACE_MS } from './removal.js';

/** Why the page is going away: left (or put in the back/forward cache), or frozen. */
export type UnloadKind = 'pagehide' | 'beforeunload' | 'freeze';

type Listener = [target: EventTarget, type: string, listener: (event: Event) => void];

/**
 * Calls `onUnload` synchronously when the page goes away: `pagehide` (also when the page enters
 * the back/forward cache, `persisted: true`), `beforeunload`, and `freeze` (Chrome freezes a
 * page a phone has put away, or a background tab; a frozen page runs no timer, so no safeguard,
 * and may be discarded without another event). Whatever must reach a server has to be sent from
 * inside the callback (a `keepalive` fetch). `onRestore` runs when a page comes back from the
 * back/forward cache, and `onVisibility` when the page is put away or brought back
 * (`visibilitychange`: the home screen, another app or tab, a locked phone; the last event a
 * phone reliably fires before it suspends or discards the page).
 *
 * `pagehide` is listened to twice, by two independent listeners, and `onUnload` must be
 * idempotent: when Firefox closes a tab it may abort the running script (uncatchably) while the
 * first listener runs, and the next listener then runs normally. Measured on tab closes in
 * Firefox: with one listener 42 % of sessions were ended by the page, with the second chance 20
 * of 20 (`test/e2e/tab-close.test.ts` closes real tabs).
 */
export class UnloadController implements ReactiveController {
  private readonly listeners: Listener[];
  private detach: ReturnType<typeof setTimeout> | null = null;

  constructor(
    host: ReactiveControllerHost,
    onUnload: (kind: UnloadKind) => void,
    onRestore: () => void,
    onVisibility: () => void,
  ) {
    host.addController(this);
    this.listeners = [
      [window, 'pagehide', () => onUnload('pagehide')],
      [window, 'pagehide', () => onUnload('pagehide')],
      [window, 'beforeunload', () => onUnload('beforeunload')],
      [document, 'freeze', () => onUnload('freeze')],
      [window, 'pageshow', (e) => (e as PageTransitionEvent).persisted && onRestore()],
      [document, 'visibilitychange', onVisibility],
    ];
  }

  hostConnected(): void {
    if (this.detach) clearTimeout(this.detach);
    this.detach = null;
    for (const [target, type, listener] of this.listeners) target.addEventListener(type, listener);
  }

  /**
   * Off the page, a session goes on for the removal grace (see `RemovalController`): a page left
   * meanwhile must still end it, so the listeners stay until the grace is over.
   */
  hostDisconnected(): void {
    if (this.detach) clearTimeout(this.detach);
    this.detach = setTimeout(() => {
      this.detach = null;
      for (const [target, type, listener] of this.listeners)
        target.removeEventListener(type, listener);
    }, REMOVAL_GRACE_MS + 100);
  }
}
