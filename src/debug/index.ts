/**
 * The setup checklist's entry: registers `<reactor-debug>` (first copy wins), which a
 * `<reactor-session debug>` shows inside itself. Shipped apart from the bundles, as
 * `reactor-elements.debug.js` (a classic script, loaded after the bundle) and
 * `reactor-elements/debug` on npm: a page that does not debug carries none of it.
 */
import { defineElement } from '../internal/define.js';
import { ReactorDebug } from '../elements/reactor-debug/reactor-debug.js';

defineElement('reactor-debug', ReactorDebug);

export { ReactorDebug, type DebugHost } from '../elements/reactor-debug/reactor-debug.js';
export { runChecks, type Check, type CheckLevel, type DebugTarget } from './checks.js';
