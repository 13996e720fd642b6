/**
 * The look of the visitor controls: under the video, every target at least 44 × 44 CSS px with
 * 8 px between (a thumb's size, and more than WCAG 2.2's 24 px on a desktop), text at least
 * 16 px (iOS zooms into a smaller field), held buttons that never select text or open a
 * callout, and the player filling the viewport where it cannot go fullscreen.
 */
import { css } from 'lit';

export const controlStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px;
    font-size: max(1em, 16px);
  }
  .controls input {
    font: inherit;
  }
  .controls button,
  .controls .button {
    min-width: 44px;
    min-height: 44px;
  }
  .controls [aria-pressed='false'] {
    background: transparent;
    color: var(--_accent);
  }
  .controls .hold[aria-pressed='true'] {
    background: var(--reactor-color, #1b1d23);
    border-color: var(--reactor-color, #1b1d23);
    color: #fff;
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .pad {
    display: grid;
    grid-template: repeat(3, 44px) / repeat(3, 44px);
    gap: 8px;
  }
  .hold {
    padding: 0 0.6em;
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
    -webkit-touch-callout: none;
  }
  .pad .hold {
    padding: 0;
    font-size: 1.25em;
    line-height: 1;
  }
  .prompt {
    flex: 1 1 16em;
    display: grid;
    gap: 4px;
  }
  .row,
  .slider {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .prompt input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 0 0.6em;
    font: inherit;
    font-size: max(1em, 16px);
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--reactor-field-border, #6b7280);
    border-radius: var(--_radius);
  }
  .count {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .slider input {
    min-height: 44px;
    width: 10em;
  }
  .upload {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    cursor: pointer;
  }
  .upload progress {
    width: 5em;
  }
  .tools {
    display: flex;
    gap: 8px;
  }
  .tools button {
    background: transparent;
    color: var(--_accent);
  }
  .controls-status {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
  }
  /* Full screen: the video takes what the controls and the lines leave. */
  :host(:fullscreen) {
    background: var(--_surface);
  }
  :host(:fullscreen) .base,
  .base.filled {
    height: 100%;
    grid-template-rows: minmax(0, 1fr);
    border-radius: 0;
  }
  :host(:fullscreen) .stage,
  .filled .stage {
    aspect-ratio: auto;
  }
  .base.filled {
    position: fixed;
    inset: 0;
    z-index: 2147483647;
    height: 100dvh;
    overflow: auto;
  }
`;
