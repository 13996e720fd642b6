/** The styles of `<reactor-balance>`: the shared panel, the amount, the muted lines and the warning. */
import { css } from 'lit';
import { hostStyles, panelStyles } from '../shared-styles.js';

export const balanceStyles = [
  hostStyles,
  panelStyles,
  css`
    .amount {
      font-size: 1.6em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      margin: 0;
    }
    p {
      margin: 0.2em 0 0;
    }
    .muted {
      color: var(--_muted);
    }
    .warning,
    .error {
      color: var(--_danger);
      font-weight: 600;
    }
    a {
      color: var(--_accent);
      font-weight: 600;
    }
  `,
];
