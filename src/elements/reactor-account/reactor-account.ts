import { ContextProvider } from '@lit/context';
import { css, html } from 'lit';
import { ReactorElement } from '../../internal/reactor-element.js';
import { AccountStore } from '../../store/account-store.js';
import { accountContext } from '../../store/context.js';

/**
 * An optional scope for pages that can nest: the sessions, balances and price lists inside it
 * share their own account state instead of the page-wide one. Without it, every element on the
 * page shares one state (no nesting needed). It renders nothing of its own.
 *
 * @summary Scopes the shared account state to its children.
 * @tagname reactor-account
 *
 * @slot - The reactor elements (and anything else) that share this scope.
 */
export class ReactorAccount extends ReactorElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The account state shared by this element's children. */
  readonly store = new AccountStore();

  constructor() {
    super();
    new ContextProvider(this, { context: accountContext, initialValue: this.store });
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-account': ReactorAccount;
  }
}
