// Generated from custom-elements.json by scripts/react-wrappers.mjs (`npm run manifest`).
// Do not edit: change the elements and their JSDoc instead.
/**
 * React components for the elements, made with `@lit/react` (an optional peer dependency),
 * for React 18 and 19: properties are set as properties (a number stays a number, a function
 * a function) and every `reactor-` event is an `onReactor…` prop with its typed detail.
 * Importing this module registers the tags.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../index.js';
import {
  ReactorAccount as ReactorAccountElement,
  ReactorBalance as ReactorBalanceElement,
  ReactorPricing as ReactorPricingElement,
  ReactorSession as ReactorSessionElement,
  type BalanceChangeDetail,
  type Capabilities,
  type ConnectionStats,
  type ModerationDetail,
  type Pricing,
  type SessionElementStatus,
  type SessionEndDetail,
  type SessionErrorDetail,
  type SessionReceiptDetail,
} from '../elements/index.js';

/**
 * The class that owns `tag`: a copy of the library loaded earlier (a script tag, another
 * bundle) may have registered its own, and only a registered class has the properties on its
 * prototype that tell `@lit/react` to set a prop as a property. Without a registry (server
 * rendering), this copy's class.
 */
const owner = <T extends CustomElementConstructor>(tag: string, own: T): T =>
  (globalThis.customElements?.get(tag) as T | undefined) ?? own;

/** `<reactor-account>` as a React component. */
export const ReactorAccount = createComponent({
  tagName: 'reactor-account',
  elementClass: owner('reactor-account', ReactorAccountElement),
  react: React,
  events: {},
});

/** `<reactor-balance>` as a React component. */
export const ReactorBalance = createComponent({
  tagName: 'reactor-balance',
  elementClass: owner('reactor-balance', ReactorBalanceElement),
  react: React,
  events: {
    onReactorBalanceChange: 'reactor-balance-change' as EventName<CustomEvent<BalanceChangeDetail>>,
    onReactorBalanceLow: 'reactor-balance-low' as EventName<
      CustomEvent<BalanceChangeDetail & { threshold: number }>
    >,
  },
});

/** `<reactor-pricing>` as a React component. */
export const ReactorPricing = createComponent({
  tagName: 'reactor-pricing',
  elementClass: owner('reactor-pricing', ReactorPricingElement),
  react: React,
  events: {
    onReactorPricingLoad: 'reactor-pricing-load' as EventName<CustomEvent<{ pricing: Pricing }>>,
  },
});

/** `<reactor-session>` as a React component. */
export const ReactorSession = createComponent({
  tagName: 'reactor-session',
  elementClass: owner('reactor-session', ReactorSessionElement),
  react: React,
  events: {
    onReactorStatusChange: 'reactor-status-change' as EventName<
      CustomEvent<{ status: SessionElementStatus; previous: SessionElementStatus }>
    >,
    onReactorReady: 'reactor-ready' as EventName<CustomEvent<{ sessionId: string | null }>>,
    onReactorIdleWarning: 'reactor-idle-warning' as EventName<CustomEvent<{ secondsLeft: number }>>,
    onReactorEnd: 'reactor-end' as EventName<CustomEvent<SessionEndDetail>>,
    onReactorReceipt: 'reactor-receipt' as EventName<CustomEvent<SessionReceiptDetail>>,
    onReactorError: 'reactor-error' as EventName<CustomEvent<SessionErrorDetail>>,
    onReactorMessage: 'reactor-message' as EventName<CustomEvent<{ message: unknown }>>,
    onReactorCapabilities: 'reactor-capabilities' as EventName<
      CustomEvent<{ capabilities: Capabilities }>
    >,
    onReactorModeration: 'reactor-moderation' as EventName<CustomEvent<ModerationDetail>>,
    onReactorUploadProgress: 'reactor-upload-progress' as EventName<
      CustomEvent<{ name: string; loaded: number; total: number }>
    >,
    onReactorSnapshot: 'reactor-snapshot' as EventName<CustomEvent<{ file: File }>>,
    onReactorStats: 'reactor-stats' as EventName<CustomEvent<{ stats: ConnectionStats }>>,
  },
});
