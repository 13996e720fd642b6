/** The styles of `<reactor-debug>`: a plain list that reads at 320 px, each line marked by level. */
import { css } from 'lit';
import { hostStyles } from '../shared-styles.js';

export const debugStyles = [
  hostStyles,
  css`
    .base {
      margin-top: 0.75em;
      padding: 0.75em;
      border: 2px dashed var(--_muted);
      border-radius: var(--_radius);
      background: var(--_surface);
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: 1em;
      margin: 0 0 0.5em;
    }
    ul {
      list-style: none;
      margin: 0 0 0.75em;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: 1.5em 1fr;
      gap: 0.25em;
      padding: 0.35em 0;
      border-top: 1px solid var(--reactor-border, #e3e6eb);
    }
    .mark {
      font-weight: 700;
      text-align: center;
    }
    [data-level='ok'] .mark {
      color: #2b8a3e;
    }
    [data-level='warn'] .mark {
      color: #b35c00;
    }
    [data-level='fail'] .mark {
      color: var(--_danger);
    }
    .fix {
      margin: 0.25em 0 0;
    }
    .muted {
      color: var(--_muted);
    }
  `,
];
