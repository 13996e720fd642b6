import { css } from 'lit';
import { hostStyles } from '../shared-styles.js';

export const sessionStyles = [
  hostStyles,
  css`
    .base {
      display: grid;
      gap: 0.6em;
      padding: 0.75em;
      border: 1px solid var(--reactor-border, #d0d4dc);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .stage {
      position: relative;
      aspect-ratio: 16 / 9;
      background: var(--reactor-stage-background, #101216);
      border-radius: calc(var(--_radius) - 2px);
      overflow: hidden;
      color: #e9ecef;
    }
    video {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: var(--reactor-video-fit, contain);
    }
    video[hidden] {
      display: none;
    }
    .poster {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
    }
    ::slotted([slot='poster']) {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .keys-hint,
    .quality {
      position: absolute;
      inset: 0.5em auto auto 0.5em;
      margin: 0;
      padding: 0.15em 0.5em;
      border-radius: 1em;
      background: rgb(0 0 0 / 60%);
      font-size: 0.85em;
    }
    .quality {
      inset: 0.5em 0.5em auto auto;
    }
    /* Over the video, not on the page's surface: a red of its own, 4.9:1 under the badge's
       text whatever the page's --reactor-danger (a light one failed contrast, on a loaded CI). */
    .quality[data-quality='poor'] {
      background: #c92a2a;
    }
    .overlay {
      position: absolute;
      inset: auto 0 0 0;
    }
    /* Modal, centred in the window by the browser (which also caps it to the window and lets
       it scroll): short enough to sit over a phone's video all the same. */
    dialog {
      max-width: min(24em, 90vw);
      padding: 0.5em 1em;
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--reactor-color, #1b1d23);
      box-shadow: 0 8px 24px #0006;
      text-align: center;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 30%);
    }
    dialog h2 {
      margin: 0;
      font-size: 1.1em;
    }
    dialog p {
      margin: 0.2em 0 0.5em;
    }
    .status {
      margin: 0;
      font-weight: 600;
    }
    .base[data-status='ready'] .status::before {
      content: '';
      display: inline-block;
      margin-inline-end: 0.4em;
      border-radius: 50%;
      /* a border, not a background: forced colours keep it (in their text colour) */
      border: 0.3em solid var(--_danger);
      vertical-align: 0.05em;
    }
    .cost,
    .countdown,
    .retry {
      margin: 0;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .cost.live {
      color: inherit;
      font-weight: 600;
    }
    .error,
    .moderation {
      color: var(--_danger);
      border-inline-start: 3px solid var(--_danger);
      padding-inline-start: 0.6em;
    }
    .error a {
      color: inherit;
      font-weight: 600;
    }
    .actions {
      display: flex;
      gap: 0.5em;
    }
    button.secondary {
      background: transparent;
      color: var(--_accent);
    }
  `,
];
