import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells a removal from the page apart from a move: a host that is disconnected and connected
 * again in the same task (`append` elsewhere, a framework reordering) was moved. `onRemoved`
 * runs one task after the host left the page, if it has not come back.
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
    this.check = setTimeout(() => {
      this.check = null;
      if (!this.host.isConnected) this.onRemoved();
    }, 0);
  }
}
