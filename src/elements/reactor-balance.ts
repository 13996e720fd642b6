import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ReactorElement } from '../internal/reactor-element.js';
import { hostStyles, panelStyles } from './shared-styles.js';

/**
 * The account balance from a source the site owner provides, projected down while a session
 * on the page is billed.
 *
 * @summary The Reactor account balance, live.
 * @tagname reactor-balance
 *
 * @csspart base - The outer wrapper.
 *
 * @cssprop --reactor-accent - The accent colour.
 * @cssprop --reactor-font - The font family.
 */
export class ReactorBalance extends ReactorElement {
  static override styles = [hostStyles, panelStyles];

  /** A URL that returns `{credits, mode?, credit_limit?, auto_topup?}`. */
  @property({ reflect: true }) src = '';

  /** Warn at or below this many credits. */
  @property({ attribute: 'low-threshold', type: Number, reflect: true }) lowThreshold = 0;

  override render() {
    return html`<div part="base" class="base" role="status">Balance</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-balance': ReactorBalance;
  }
}
