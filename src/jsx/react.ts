/**
 * The tags in React 19's JSX, typed from the manifest (their attributes, properties and
 * `onreactor-…` events with typed details): `import type {} from 'reactor-elements/jsx/react'`
 * once in a React 19 project. React 18 passes no properties or custom events to a custom
 * element: use the components of `reactor-elements/react` there.
 */
import type { CustomElements } from './index.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
