/**
 * The side-effect entry: registers `<reactor-session>`, `<reactor-pricing>` and
 * `<reactor-balance>` (first copy wins; loading the library twice never throws) and re-exports
 * the classes.
 */
import { defineElement } from './internal/define.js';
import { ReactorSession, ReactorPricing, ReactorBalance } from './elements/index.js';

defineElement('reactor-session', ReactorSession);
defineElement('reactor-pricing', ReactorPricing);
defineElement('reactor-balance', ReactorBalance);

export * from './elements/index.js';
export { defineElement } from './internal/define.js';
export { VERSION } from './internal/version.js';
