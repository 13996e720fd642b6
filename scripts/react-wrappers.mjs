// The React components of `reactor-elements/react`, generated from custom-elements.json: one
// `@lit/react` component per tag, with an `onReactor…` prop per event of the manifest, typed by
// the event's detail. Written to src/react/index.ts by `npm run manifest` (and checked by
// `--check` with the manifest): never edited by hand.
import { readFileSync } from 'node:fs';

/** `reactor-status-change` → `onReactorStatusChange`. */
const propOf = (event) => `on${event.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;

/** The module, as text, from the manifest's text. */
export function reactWrappers(manifestText) {
  const manifest = JSON.parse(manifestText);
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })))
    // The checklist element comes with its own opt-in script, not with the bundle.
    .filter((d) => d.customElement && d.tagName && d.tagName !== 'reactor-debug')
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const types = new Set();
  for (const d of elements)
    for (const e of d.events ?? [])
      for (const name of e.type.text.match(/\b[A-Z][A-Za-z]+\b/g) ?? [])
        if (!['CustomEvent', 'File', 'Blob'].includes(name)) types.add(name); // the browser's own types need no import
  const lines = [
    '// Generated from custom-elements.json by scripts/react-wrappers.mjs (`npm run manifest`).',
    '// Do not edit: change the elements and their JSDoc instead.',
    '/**',
    ' * React components for the elements, made with `@lit/react` (an optional peer dependency),',
    ' * for React 18 and 19: properties are set as properties (a number stays a number, a function',
    ' * a function) and every `reactor-` event is an `onReactor…` prop with its typed detail.',
    ' * Importing this module registers the tags.',
    ' */',
    "import * as React from 'react';",
    "import { createComponent, type EventName } from '@lit/react';",
    "import '../index.js';",
    `import {\n${elements.map((d) => `  ${d.name} as ${d.name}Element,`).join('\n')}\n${[...types]
      .sort()
      .map((t) => `  type ${t},`)
      .join('\n')}\n} from '../elements/index.js';`,
    '',
    '/**',
    ' * The class that owns `tag`: a copy of the library loaded earlier (a script tag, another',
    ' * bundle) may have registered its own, and only a registered class has the properties on its',
    ' * prototype that tell `@lit/react` to set a prop as a property. Without a registry (server',
    " * rendering), this copy's class.",
    ' */',
    'const owner = <T extends CustomElementConstructor>(tag: string, own: T): T =>',
    '  (globalThis.customElements?.get(tag) as T | undefined) ?? own;',
    '',
  ];
  for (const d of elements) {
    const events = (d.events ?? [])
      .map((e) => `    ${propOf(e.name)}: '${e.name}' as EventName<${e.type.text}>,`)
      .join('\n');
    lines.push(
      `/** \`<${d.tagName}>\` as a React component. */`,
      `export const ${d.name} = createComponent({`,
      `  tagName: '${d.tagName}',`,
      `  elementClass: owner('${d.tagName}', ${d.name}Element),`,
      '  react: React,',
      events ? `  events: {\n${events}\n  },` : '  events: {},',
      '});',
      '',
    );
  }
  return lines.join('\n');
}

export const readManifest = (root) => readFileSync(new URL('custom-elements.json', root), 'utf8');
