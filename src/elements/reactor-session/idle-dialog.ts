/**
 * The "Still there?" dialog: its template, opened by the idle warning without counting as the
 * visitor's activity, closed by activity or the end (focus goes back where it was), and kept open
 * by Escape, which means "keep the session" rather than "dismiss".
 *
 * It opens modal, in the top layer: centred in the window wherever the player is scrolled to (a
 * warning nobody sees ends the session unseen), never clipped by the video box (200 % text on a
 * phone), and with focus on its button, which a screen reader announces with the dialog's text.
 */
import { html } from 'lit';
import { fill } from '../../controllers/localize.js';
import type { SessionText } from './messages.js';

export class IdleDialog {
  constructor(
    private readonly root: () => ShadowRoot | null,
    /** Runs a programmatic focus move without it counting as activity. */
    private readonly quietly: (fn: () => void) => void,
    private readonly keepAlive: () => void,
  ) {}

  private get dialog() {
    return this.root()?.querySelector('dialog') ?? null;
  }

  open(): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    // Opening the dialog moves focus to its button: not the visitor's activity, so it must not
    // dismiss the warning. Modal, it is fixed in the window, so the focus scrolls nothing (a
    // scroll would count as activity, and it is async, so `quietly` could not cover it).
    this.quietly(() => dialog.showModal());
  }

  /** Closes the dialog; the browser gives focus back to where it was before it opened. */
  close(): void {
    this.dialog?.close();
  }

  /** The dialog, closed until `open()`; `secondsLeft` of the warning. */
  render(t: SessionText, secondsLeft: number) {
    return html`<dialog
      part="idle-dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      @keydown=${this.onKey}
      @cancel=${this.onCancel}
    >
      <h2 id="idle-title">${t.idleTitle}</h2>
      <p id="idle-text">
        ${fill(t.idleText, { seconds: html`<span class="idle-seconds">${secondsLeft}</span>` })}
      </p>
      <button part="keep-alive-button" type="button" autofocus @click=${this.keepAlive}>
        ${t.keepSession}
      </button>
    </dialog>`;
  }

  private readonly onCancel = (event: Event): void => event.preventDefault();

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.keepAlive();
  };
}
