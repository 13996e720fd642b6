/**
 * Held inputs: a hold button pressed sends its command with `pressed: true`, and exactly one
 * release sends `pressed: false`, whatever ends the hold (the finger or the mouse button lifted,
 * a cancelled touch, lost capture, the key released, focus gone, the window blurred, the page
 * hidden, the session over). Framework-free.
 */

/** What one hold sends: the command, its data, and the boolean field that says pressed. */
export interface Hold {
  command: string;
  data: Record<string, unknown>;
  pressed: string;
}

export class Holds {
  private readonly held = new Map<string, Hold>();

  constructor(private readonly send: (command: string, data: Record<string, unknown>) => void) {}

  /** Starts the hold `key`; false when it is held already (a second finger, a key's repeat). */
  press(key: string, hold: Hold): boolean {
    if (this.held.has(key)) return false;
    this.held.set(key, hold);
    this.send(hold.command, { ...hold.data, [hold.pressed]: true });
    return true;
  }

  /** Ends the hold `key`; false when it was not held. */
  release(key: string): boolean {
    const hold = this.held.get(key);
    if (!hold) return false;
    this.held.delete(key);
    this.send(hold.command, { ...hold.data, [hold.pressed]: false });
    return true;
  }

  /** Ends every hold (blur, the page hidden, the session over); true when one was held. */
  releaseAll(): boolean {
    const keys = [...this.held.keys()];
    for (const key of keys) this.release(key);
    return keys.length > 0;
  }

  isHeld(key: string): boolean {
    return this.held.has(key);
  }
}
