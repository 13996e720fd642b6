import { css } from 'lit';

/**
 * The host reset shared by every element: only inherited text styles cross the shadow
 * boundary, and the `--reactor-*` tokens have defaults here.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--reactor-font, system-ui, sans-serif);
    color: var(--reactor-color, #1b1d23);
    --_accent: var(--reactor-accent, #3b5bdb);
    --_surface: var(--reactor-surface, #ffffff);
    --_muted: var(--reactor-muted, #5c6370);
    --_danger: var(--reactor-danger, #c92a2a);
    --_radius: var(--reactor-radius, 8px);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: #fff;
    padding: 0.5em 1em;
    /* a thumb's target on touch screens (44 px), whatever the page's font size */
    min-height: 44px;
  }
  /* A two-tone ring: a dark outline around a light band, so that one of them stands out 3:1 or
     more against any page, surface or video frame (WCAG 1.4.11). */
  :focus-visible,
  .upload:focus-within {
    outline: 3px solid var(--reactor-focus-ring, #1b1d23);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--reactor-focus-ring-inner, #fff);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** The framed panel (`part="base"`) that the data elements render in. */
export const panelStyles = css`
  .base {
    padding: 0.75em;
    border: 1px solid var(--reactor-border, #d0d4dc);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
`;
