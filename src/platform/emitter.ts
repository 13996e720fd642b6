/**
 * A typed EventTarget: `on(type, listener)` hands the listener the event's detail and returns an
 * unsubscribe function. The base of the framework-free units that announce changes (the session
 * client, the session unit, the account store).
 */
export class Emitter<Events extends object> extends EventTarget {
  on<K extends keyof Events & string>(type: K, listener: (detail: Events[K]) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<Events[K]>).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  protected emit<K extends keyof Events & string>(type: K, detail: Events[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
