import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a host may be off the page and still count as moved rather than removed. */
export const REMOVAL_GRACE_MS = 500;

/**
 * Tells a removal from the page apart from a move: a host that is disconnected and connected
 * again within `REMOVAL_GRACE_MS` (`append` elsewhere, a framework reordering, a builder's editor
 * or a router that takes the element out and puts it back a moment later) was moved. `onRemoved`
 * runs once the host has been off the page for the grace.
 */
export class RemovalController implements ReactiveController {
  private check: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly onRemoved: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.check) clearTimeout(this.check);
    this.check = null;
  }

  hostDisconnected(): void {
    if (this.check) clearTimeout(this.check);
    this.check = setTimeout(() => {
      this.check = null;
      if (!this.host.isConnected) this.onRemoved();
    }, REMOVAL_GRACE_MS);
  }
}
