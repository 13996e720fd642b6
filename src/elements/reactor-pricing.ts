import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ReactorElement } from '../internal/reactor-element.js';
import { hostStyles, panelStyles } from './shared-styles.js';

/**
 * The live public price list of Reactor models (`GET /pricing`).
 *
 * @summary Live Reactor prices, per model.
 * @tagname reactor-pricing
 *
 * @csspart base - The outer wrapper.
 *
 * @cssprop --reactor-accent - The accent colour.
 * @cssprop --reactor-font - The font family.
 */
export class ReactorPricing extends ReactorElement {
  static override styles = [hostStyles, panelStyles];

  /** The Reactor API origin. */
  @property({ attribute: 'api-url', reflect: true }) apiUrl = 'https://api.reactor.inc';

  /** Show one model only, as a compact price. */
  @property({ reflect: true }) model = '';

  override render() {
    return html`<div part="base" class="base" role="status">
      Prices for ${this.model || 'all models'}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-pricing': ReactorPricing;
  }
}
