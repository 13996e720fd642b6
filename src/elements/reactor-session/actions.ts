/**
 * The buttons of `<reactor-session>`: Start (which fetches its token ahead on hover or focus),
 * Cancel / End, Move it here, and the sound toggle; and the guard that keeps a double click on
 * Start from cancelling the session it started.
 */
import { html } from 'lit';
import type { SessionElementStatus } from '../../session/session.js';
import { muteButton } from './controls.js';
import type { SessionText } from './messages.js';

/** How long after Start a press of the button in its place counts as part of the same clicks. */
const CLICK_THROUGH_MS = 600;

export interface SessionCommands {
  connect(): void;
  takeOver(): void;
  disconnect(): void;
  /** The pointer or the focus is on Start: the click is likely. */
  hint(): void;
  toggleSound(): void;
}

export class SessionActions {
  /** When Start (or Move it here) was last pressed (`performance.now()`). */
  private startClickAt = -Infinity;

  constructor(private readonly commands: SessionCommands) {}

  render(
    status: SessionElementStatus,
    {
      busy,
      live,
      muted,
      hasAudio,
    }: { busy: boolean; live: boolean; muted: boolean; hasAudio: boolean },
    t: SessionText,
  ) {
    const { commands } = this;
    return html`<div class="actions">
      ${
        busy
          ? html`<button
                part="disconnect-button"
                class="secondary"
                type="button"
                @click=${this.onDisconnect}
              >
                ${live ? t.end : t.cancel}
              </button>
              ${muteButton(muted, live && hasAudio, t, commands.toggleSound)}`
          : status === 'elsewhere'
            ? html`<button part="take-over-button" type="button" @click=${this.onTakeOver}>
                ${t.moveHere}
              </button>`
            : html`<button
                part="connect-button"
                type="button"
                @click=${this.onConnect}
                @pointerenter=${commands.hint}
                @focus=${commands.hint}
              >
                <slot name="connect-label">${t.start}</slot>
              </button>`
      }
    </div>`;
  }

  private readonly onConnect = () => {
    this.startClickAt = performance.now();
    this.commands.connect();
  };

  private readonly onTakeOver = () => {
    this.startClickAt = performance.now();
    this.commands.takeOver();
  };

  /**
   * Cancel takes Start's place under the pointer: a double (or fivefold) click on Start must not
   * cancel the session it started, so Cancel ignores presses in the first moments.
   */
  private readonly onDisconnect = () => {
    if (performance.now() - this.startClickAt < CLICK_THROUGH_MS) return;
    this.commands.disconnect();
  };
}
