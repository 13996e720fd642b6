import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Ends what nobody can see: armed with a grace, it calls back once the target has stayed hidden
 * that long (no box: `display: none` on it or an ancestor, as React's `<Activity mode="hidden">`
 * and Next.js's cached routes do, a closed panel, `hidden`; `visibility: hidden`;
 * `content-visibility: hidden` on an ancestor). Shown again before, the count starts over.
 * Scrolled out of view is not hidden, and neither is a box clipped to nothing by a container
 * (the browser cannot tell one from the other). Checked at each of the host's updates, which a
 * live session's clock asks for four times a second; the grace is timed by the monotonic clock.
 */
export class HiddenController implements ReactiveController {
  private graceMs = 0;
  private since: number | null = null;

  constructor(
    host: ReactiveControllerHost,
    /**
     * The box to judge: the host's main content rather than the host, whose own box a page may
     * style away (`display: contents`) while its content shows. None: always seen.
     */
    private readonly target: () => Element | null | undefined,
    private readonly onHidden: () => void,
  ) {
    host.addController(this);
  }

  /** Watches from now on; a `graceMs` of 0 stops watching. */
  arm(graceMs: number): void {
    this.graceMs = graceMs;
    this.since = null;
  }

  hostUpdated(): void {
    const el = this.target() as HTMLElement | null | undefined;
    // Seen: a box of some size, not skipped by CSS (where `checkVisibility` is missing, the box).
    if (
      !this.graceMs ||
      !el ||
      (el.offsetWidth &&
        el.offsetHeight &&
        el.checkVisibility?.({ visibilityProperty: true }) !== false)
    )
      this.since = null;
    else if (performance.now() - (this.since ??= performance.now()) >= this.graceMs) {
      this.graceMs = 0;
      this.onHidden();
    }
  }
}
