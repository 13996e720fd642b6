import { html, nothing, type PropertyValues } from 'lit';
import { type Check, type CheckLevel, runChecks } from '../../debug/checks.js';
import { ReactorElement } from '../../internal/reactor-element.js';
import { debugStyles } from './styles.js';

/** What `<reactor-debug>` reads of the `<reactor-session>` it checks. */
export interface DebugHost extends HTMLElement {
  model: string | null;
  tokenUrl: string | null;
  apiUrl: string | null;
  token?: string;
  tokenProvider?: unknown;
}

const MARKS: Record<CheckLevel, [string, string]> = {
  ok: ['\u2713', 'Passed'],
  info: ['i', 'Note'],
  warn: ['!', 'Warning'],
  fail: ['\u2717', 'Failed'],
};

/**
 * The setup checklist of a `<reactor-session debug>`: the page, its frame, the token route and the
 * Reactor API, each line with its fix when it fails. `<reactor-session>` renders it when `debug`
 * is set; this element comes with the separate script `reactor-elements.debug.js` (npm:
 * `reactor-elements/debug`), so the bundle carries none of it. In English only: it is for the
 * site's owner, never for visitors.
 *
 * @tag reactor-debug
 *
 * @csspart base - The checklist box.
 * @csspart item - One line (`data-level`: `ok`, `info`, `warn` or `fail`).
 * @csspart fix - The fix of a line that is not ok.
 * @csspart recheck-button - Runs the checks again.
 *
 * @fires {CustomEvent<{ checks: Check[] }>} reactor-debug-checks - `{checks}` each time the checks have run.
 */
export class ReactorDebug extends ReactorElement {
  static override styles = debugStyles;

  static override properties = {
    session: { attribute: false },
    checks: { state: true },
  };

  /** The `<reactor-session>` to check (set by it). */
  session: DebugHost | null = null;

  /** The last run's lines; null while they run. */
  checks: Check[] | null = null;

  private run = 0;

  /** Runs every check again. */
  async recheck(): Promise<void> {
    const host = this.session;
    if (!host) return;
    const run = ++this.run;
    this.checks = null;
    // A removed attribute reads null.
    const checks = await runChecks({
      model: host.model ?? '',
      tokenUrl: host.tokenUrl ?? '',
      apiUrl: host.apiUrl ?? '',
      scripted: !!host.tokenProvider || !!host.token,
    });
    if (run !== this.run) return;
    this.checks = checks;
    this.emit('reactor-debug-checks', { checks });
  }

  private readonly onRecheck = () => void this.recheck();

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('session')) void this.recheck();
  }

  override render() {
    const { checks } = this;
    const failing = checks?.filter((c) => c.level === 'fail').length ?? 0;
    // English only, whatever the page's language (WCAG 3.1.2).
    return html`<section part="base" class="base" aria-labelledby="title" lang="en">
      <h2 id="title">Setup checklist (debug: remove before going live)</h2>
      <p role="status" class="muted">
        ${
          !checks
            ? 'Checking\u2026'
            : failing
              ? `${failing} of ${checks.length} checks failed.`
              : `All ${checks.length} checks passed or are notes.`
        }
      </p>
      ${
        checks
          ? html`<ul>
              ${checks.map(
                (c) =>
                  html`<li part="item" data-level=${c.level}>
                    <span class="mark" aria-hidden="true">${MARKS[c.level][0]}</span>
                    <span
                      ><strong>${MARKS[c.level][1]}: ${c.label}.</strong> ${c.detail}
                      ${
                        c.fix && c.level !== 'ok'
                          ? html`<p part="fix" class="fix">Fix: ${c.fix}</p>`
                          : nothing
                      }
                    </span>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <button part="recheck-button" type="button" @click=${this.onRecheck}>Check again</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-debug': ReactorDebug;
  }
  interface HTMLElementEventMap {
    'reactor-debug-checks': CustomEvent<{ checks: Check[] }>;
  }
}
