/**
 * The tags in Solid's JSX, typed from the manifest: `import type {} from 'reactor-elements/jsx/solid'`
 * once in a Solid project. Solid's compiler turns a camelCase prop on a custom element into a
 * lowercase attribute, so the types offer the namespaces that work: `prop:maxDuration`,
 * `prop:tokenProvider`, `attr:api-url` and `on:reactor-end` (typed detail).
 */
import type {} from 'solid-js';
import type { CustomElementsSolidJs } from './index.js';

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElementsSolidJs {}
  }
}
