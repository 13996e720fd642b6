/**
 * A bare lit controller host for tests of controllers and of the session unit, without an
 * element: it counts render requests and runs its controllers' hooks when the test connects or
 * disconnects it (a controller added while connected is connected at once, as in lit).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  isConnected = false;
  /** How many times a controller asked for a render. */
  renders = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(c: ReactiveController) {
    this.controllers.push(c);
    if (this.isConnected) c.hostConnected?.();
  }
  removeController(c: ReactiveController) {
    this.controllers = this.controllers.filter((x) => x !== c);
  }
  requestUpdate() {
    this.renders += 1;
  }
  connect() {
    this.isConnected = true;
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect() {
    this.isConnected = false;
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}
