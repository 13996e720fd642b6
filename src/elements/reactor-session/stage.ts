/**
 * The video area of `<reactor-session>` (with `keys`, a focusable group that steers the model),
 * and the place of the opt-in setup checklist.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { format } from '../../controllers/localize.js';
import type { KeyCommandController, KeyMap } from '../../controllers/key-commands.js';
import { keyNames } from './controls.js';
import type { SessionText } from './messages.js';
import type { DebugHost } from '../reactor-debug/reactor-debug.js';

export function stage(
  keyMap: KeyMap | null,
  t: SessionText,
  keyCommands: KeyCommandController,
  content: TemplateResult,
) {
  const keys = keyNames(keyMap);
  return html`<div
    part="stage"
    class="stage"
    tabindex=${ifDefined(keyMap ? 0 : undefined)}
    role=${ifDefined(keyMap ? 'group' : undefined)}
    aria-label=${keyMap ? format(t.stageLabel, { keys }) : nothing}
    aria-keyshortcuts=${keyMap ? keys : nothing}
    @keydown=${keyMap ? keyCommands.onKeyDown : nothing}
    @keyup=${keyMap ? keyCommands.onKeyUp : nothing}
    @focusout=${keyMap ? keyCommands.release : nothing}
  >
    ${content}
  </div>`;
}

/**
 * The checklist, defined by its opt-in script and never imported here (so lit-analyzer's
 * no-missing-import rule is off): until it loads, its content says to load it.
 */
export const debugChecklist = (session: DebugHost) =>
  html`<reactor-debug part="debug" lang="en" .session=${session}
    >Load reactor-elements.debug.js after the bundle for the setup checklist.</reactor-debug
  >`;
