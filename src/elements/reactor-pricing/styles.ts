/** The styles of `<reactor-pricing>`: the shared panel, the price table and the one-model line. */
import { css } from 'lit';
import { hostStyles, panelStyles } from '../shared-styles.js';

export const pricingStyles = [
  hostStyles,
  panelStyles,
  css`
    .base {
      overflow-x: auto; /* a narrow column scrolls the table instead of cutting it */
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 0.4em;
    }
    th,
    td {
      padding: 0.35em 0.5em;
      text-align: end;
      border-bottom: 1px solid var(--reactor-border, #e3e6eb);
    }
    th:first-child,
    td:first-child {
      text-align: start;
    }
    .compact {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .compact [part='model'] {
      font-weight: 600;
    }
    .muted {
      color: var(--_muted);
      margin: 0;
    }
    .error {
      color: var(--_danger);
      margin: 0 0 0.5em;
    }
    .skeleton {
      display: block;
      height: 1em;
      margin: 0.35em 0;
      border-radius: 4px;
      background: linear-gradient(90deg, #e9ecef, #f8f9fa, #e9ecef);
      background-size: 200% 100%;
      animation: shimmer 1.2s infinite linear;
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }
  `,
];
