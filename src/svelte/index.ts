// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run manifest`).
// Do not edit. Import it once for its types: `import type {} from 'reactor-elements/svelte'`.

// The tags' types name `HTMLAttributes` of the module they augment.
import type {} from 'svelte/elements';
import type {
  ReactorAccount,
  ReactorBalance,
  ReactorPricing,
  ReactorSession,
} from '../elements/index.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'reactor-account': HTMLAttributes<ReactorAccount> & Partial<Pick<ReactorAccount, never>>;
    'reactor-balance': HTMLAttributes<ReactorBalance> &
      Partial<
        Pick<
          ReactorBalance,
          'src' | 'source' | 'refresh' | 'lowThreshold' | 'topupUrl' | 'apiUrl' | 'session'
        >
      > & {
        'low-threshold'?: ReactorBalance['lowThreshold'] | string | null;
        'topup-url'?: ReactorBalance['topupUrl'] | string | null;
        'api-url'?: ReactorBalance['apiUrl'] | string | null;
        'onreactor-balance-change'?: (event: HTMLElementEventMap['reactor-balance-change']) => void;
        'onreactor-balance-low'?: (event: HTMLElementEventMap['reactor-balance-low']) => void;
      };
    'reactor-pricing': HTMLAttributes<ReactorPricing> &
      Partial<Pick<ReactorPricing, 'apiUrl' | 'model' | 'refresh' | 'currency'>> & {
        'api-url'?: ReactorPricing['apiUrl'] | string | null;
        'onreactor-pricing-load'?: (event: HTMLElementEventMap['reactor-pricing-load']) => void;
      };
    'reactor-session': HTMLAttributes<ReactorSession> &
      Partial<
        Pick<
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
          | 'tokenProvider'
        >
      > & {
        'token-url'?: ReactorSession['tokenUrl'] | string | null;
        'api-url'?: ReactorSession['apiUrl'] | string | null;
        'max-duration'?: ReactorSession['maxDuration'] | string | null;
        'idle-timeout'?: ReactorSession['idleTimeout'] | string | null;
        'idle-warning'?: ReactorSession['idleWarning'] | string | null;
        'hidden-timeout'?: ReactorSession['hiddenTimeout'] | string | null;
        'max-cost'?: ReactorSession['maxCost'] | string | null;
        'video-track'?: ReactorSession['videoTrack'] | string | null;
        'topup-url'?: ReactorSession['topupUrl'] | string | null;
        'control-labels'?: ReactorSession['controlLabels'] | string | null;
        'onreactor-status-change'?: (event: HTMLElementEventMap['reactor-status-change']) => void;
        'onreactor-ready'?: (event: HTMLElementEventMap['reactor-ready']) => void;
        'onreactor-idle-warning'?: (event: HTMLElementEventMap['reactor-idle-warning']) => void;
        'onreactor-end'?: (event: HTMLElementEventMap['reactor-end']) => void;
        'onreactor-receipt'?: (event: HTMLElementEventMap['reactor-receipt']) => void;
        'onreactor-error'?: (event: HTMLElementEventMap['reactor-error']) => void;
        'onreactor-message'?: (event: HTMLElementEventMap['reactor-message']) => void;
        'onreactor-capabilities'?: (event: HTMLElementEventMap['reactor-capabilities']) => void;
        'onreactor-moderation'?: (event: HTMLElementEventMap['reactor-moderation']) => void;
        'onreactor-upload-progress'?: (
          event: HTMLElementEventMap['reactor-upload-progress'],
        ) => void;
        'onreactor-snapshot'?: (event: HTMLElementEventMap['reactor-snapshot']) => void;
        'onreactor-stats'?: (event: HTMLElementEventMap['reactor-stats']) => void;
      };
  }
}
