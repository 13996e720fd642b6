// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run manifest`).
// Do not edit. Import it once for its types: `import type {} from 'reactor-elements/vue'`.

import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type {
  ReactorAccount,
  ReactorBalance,
  ReactorPricing,
  ReactorSession,
} from '../elements/index.js';

type Emits<Names extends keyof HTMLElementEventMap> = EmitFn<{
  [Name in Names]: (event: HTMLElementEventMap[Name]) => void;
}>;

/** A custom element as Vue's template checker sees a component: its props and its events. */
type Tag<
  Element extends HTMLElement,
  Props extends keyof Element,
  Names extends keyof HTMLElementEventMap,
> = new () => Element & {
  /** For template type checking only. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
  /** For template type checking only. */
  $emit: Emits<Names>;
};

declare module 'vue' {
  interface GlobalComponents {
    'reactor-account': Tag<ReactorAccount, never, never>;
    'reactor-balance': Tag<
      ReactorBalance,
      'src' | 'source' | 'refresh' | 'lowThreshold' | 'topupUrl' | 'apiUrl' | 'session',
      'reactor-balance-change' | 'reactor-balance-low'
    >;
    'reactor-pricing': Tag<
      ReactorPricing,
      'apiUrl' | 'model' | 'refresh' | 'currency',
      'reactor-pricing-load'
    >;
    'reactor-session': Tag<
      ReactorSession,
      | 'model'
      | 'tokenUrl'
      | 'apiUrl'
      | 'maxDuration'
      | 'idleTimeout'
      | 'idleWarning'
      | 'hiddenTimeout'
      | 'maxCost'
      | 'background'
      | 'autoconnect'
      | 'reconnect'
      | 'exclusive'
      | 'muted'
      | 'videoTrack'
      | 'topupUrl'
      | 'keys'
      | 'controls'
      | 'controlLabels'
      | 'debug'
      | 'keyMap'
      | 'token'
      | 'tokenProvider',
      | 'reactor-status-change'
      | 'reactor-ready'
      | 'reactor-idle-warning'
      | 'reactor-end'
      | 'reactor-receipt'
      | 'reactor-error'
      | 'reactor-message'
      | 'reactor-capabilities'
      | 'reactor-moderation'
      | 'reactor-upload-progress'
      | 'reactor-snapshot'
      | 'reactor-stats'
    >;
  }
}
