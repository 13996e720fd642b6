import { LitElement } from 'lit';
import { VERSION } from './version.js';

/**
 * The base of every reactor element: a version stamp for the define guard and one way to
 * dispatch events (`reactor-` prefixed, bubbling, composed).
 */
export class ReactorElement extends LitElement {
  /** The library version that defined this class. */
  static readonly version: string = VERSION;

  /** Dispatches `name` with `detail`; bubbles and crosses shadow roots. Returns false if cancelled. */
  protected emit<T>(name: `reactor-${string}`, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable }),
    );
  }
}
