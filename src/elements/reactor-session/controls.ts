/**
 * The model-interaction parts of `<reactor-session>`: the keyboard hint, the sound toggle and the
 * connection-quality badge. Pure templates of the element's state, in its language.
 */
import { html, nothing } from 'lit';
import { format } from '../../controllers/localize.js';
import { keyLabel, type KeyMap } from '../../controllers/key-commands.js';
import type { ConnectionStats } from './stats-reader.js';
import type { SessionText } from './messages.js';

/** The mapped keys as a person reads them (`W A S D`), or '' without a map. */
export const keyNames = (map: KeyMap | null) =>
  map ? Object.keys(map).map(keyLabel).join(' ') : '';

export function keysHint(map: KeyMap | null, t: SessionText) {
  const keys = keyNames(map);
  return keys
    ? html`<p part="keys-hint" class="keys-hint" aria-hidden="true">
        ${format(t.keysHint, { keys })}
      </p>`
    : nothing;
}

/** Sound on or off, once the model sends audio (muted until the visitor turns it on). */
export function muteButton(muted: boolean, hasAudio: boolean, t: SessionText, toggle: () => void) {
  if (!hasAudio) return nothing;
  return html`<button
    part="mute-button"
    class="secondary"
    type="button"
    aria-pressed=${muted ? 'false' : 'true'}
    @click=${toggle}
  >
    ${t.sound}
  </button>`;
}

export function qualityBadge(stats: ConnectionStats | null, t: SessionText) {
  if (!stats) return nothing;
  return html`<span part="quality" class="quality" data-quality=${stats.quality}
    >${t[`quality-${stats.quality}`]}</span
  >`;
}
