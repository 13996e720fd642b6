/**
 * The "Still there?" dialog: opened by the idle warning without counting as the visitor's
 * activity, closed by activity or the end (focus goes back where it was), and kept open by
 * Escape, which means "keep the session" rather than "dismiss".
 */
export class IdleDialogController {
  private focusBefore: HTMLElement | null = null;

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
    this.focusBefore = deepActiveElement();
    // Opening the dialog moves focus to its button: not the visitor's activity, so it must not
    // dismiss the warning.
    this.quietly(() => {
      // Not show(): its focusing steps scroll the page, and a scroll (async, so not covered here)
      // would count as the visitor's activity. Focus moves below, without scrolling.
      dialog.open = true;
      dialog
        .querySelector<HTMLButtonElement>('[part="keep-alive-button"]')
        ?.focus({ preventScroll: true });
    });
  }

  close(): void {
    const dialog = this.dialog;
    if (!dialog?.open) return;
    const hadFocus = dialog.contains(this.root()?.activeElement ?? null);
    dialog.close();
    if (hadFocus) this.focusBefore?.focus();
    this.focusBefore = null;
  }

  readonly onCancel = (event: Event): void => event.preventDefault();

  readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.keepAlive();
  };
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
