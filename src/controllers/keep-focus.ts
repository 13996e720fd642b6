import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps keyboard focus in the element when a render removes the focused control (Start gives
 * way to End, End to Start, the visitor controls go with the session): focus moves to the
 * element's own focus target instead of falling to the page's `<body>` (WCAG 2.4.3).
 */
export class KeepFocusController implements ReactiveController {
  private focused: Element | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Where focus goes when the control that had it is gone. */
    private readonly target: () => HTMLElement | null | undefined,
    /** Runs the focus move (without it counting as the visitor's activity). */
    private readonly move: (fn: () => void) => void = (fn) => fn(),
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.focused = this.host.shadowRoot?.activeElement ?? null;
  }

  hostUpdated(): void {
    const { focused } = this;
    this.focused = null;
    if (focused && !focused.isConnected && !this.host.shadowRoot?.activeElement)
      this.move(() => this.target()?.focus());
  }
}
