/** The styles of `<reactor-pricing>`: the shared panel, the price table and the one-model line. */
import { css } from 'lit';
import { hostStyles, panelStyles } from '../shared-styles.js';

export const pricingStyles = [
  hostStyles,
  panelStyles,
  css`
    .base {
      overflow-x: auto; /* a column narrower still scrolls the table instead of cutting it */
      font-variant-numeric: tabular-nums;
    }
    table {
      width: 100%;
      border-collapse: collapse;
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
    tr > :first-child {
      text-align: start;
    }
    /* a phone (320 px): per minute, not also per hour, and closer columns */
    @media (max-width: 25em) {
      tr > :nth-child(4) {
        display: none;
      }
      th,
      td {
        padding-inline: 0.25em;
      }
    }
    p {
      margin: 0;
    }
    .compact [part='model'] {
      font-weight: 600;
    }
    .muted {
      color: var(--_muted);
    }
    .error {
      color: var(--_danger);
      margin-bottom: 0.5em;
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
    /* Forced colours paint every background the page's own: the bars keep an outline. */
    @media (forced-colors: active) {
      .skeleton {
        border: 1px solid;
      }
    }
  `,
];
