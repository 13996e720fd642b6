// The Vue and Svelte declarations of the tags, from the manifest: which tags, which writable
// properties, which attributes and which events each has. The types themselves come from the
// element classes and the `HTMLElementEventMap` entries the elements declare, so a property's
// type or an event's detail is written once, in the element's source.

/** The tags a page gets from the bundle (the checklist tag is its own opt-in script). */
const EXCLUDED = new Set(['reactor-debug']);

/** `[{tag, className, properties, attributes: [[name, field]], events}]` from a manifest. */
export function tagsOf(manifestText) {
  const tags = [];
  for (const module of JSON.parse(manifestText).modules) {
    for (const d of module.declarations ?? []) {
      if (!d.tagName || EXCLUDED.has(d.tagName)) continue;
      const fields = (d.members ?? []).filter(
        (m) =>
          m.kind === 'field' && !m.static && !m.readonly && !m.privacy?.match(/private|protected/),
      );
      tags.push({
        tag: d.tagName,
        className: d.name,
        properties: fields.map((f) => f.name),
        attributes: (d.attributes ?? [])
          .filter((a) => a.fieldName && a.name !== a.fieldName)
          .map((a) => [a.name, a.fieldName]),
        events: (d.events ?? []).map((e) => e.name),
      });
    }
  }
  return tags.sort((a, b) => a.tag.localeCompare(b.tag));
}

const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');
const header = (
  what,
) => `// Generated from custom-elements.json by scripts/framework-types.mjs (\`npm run manifest\`).
// Do not edit. ${what}
`;

/**
 * Vue: the tags as \`GlobalComponents\` in the shape of Vue's guide to custom elements and
 * TypeScript, so vue-tsc checks their properties (\`:maxDuration\`, \`:tokenProvider\`) and the
 * detail of \`@reactor-…\` events.
 */
export function vueTypes(manifestText) {
  const tags = tagsOf(manifestText);
  return `${header("Import it once for its types: `import type {} from 'reactor-elements/vue'`.")}
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ${tags.map((t) => t.className).join(', ')} } from '../elements/index.js';

type Emits<Names extends keyof HTMLElementEventMap> = EmitFn<{
  [Name in Names]: (event: HTMLElementEventMap[Name]) => void;
}>;

/** A custom element as Vue's template checker sees a component: its props and its events. */
type Tag<Element extends HTMLElement, Props extends keyof Element, Names extends keyof HTMLElementEventMap> =
  new () => Element & {
    /** For template type checking only. */
    $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
    /** For template type checking only. */
    $emit: Emits<Names>;
  };

declare module 'vue' {
  interface GlobalComponents {
${tags
  .map((t) => `    '${t.tag}': Tag<${t.className}, ${union(t.properties)}, ${union(t.events)}>;`)
  .join('\n')}
  }
}
`;
}

/**
 * Svelte 5: the tags in \`svelte/elements\`, with their properties, their kebab-case attributes
 * (svelte-check checks every attribute name of a declared tag) and \`onreactor-…\` handlers.
 */
export function svelteTypes(manifestText) {
  const tags = tagsOf(manifestText);
  const block = (t) => {
    const attributes = t.attributes
      .map(([name, field]) => `      '${name}'?: ${t.className}['${field}'] | string | null;`)
      .join('\n');
    const events = t.events
      .map((e) => `      'on${e}'?: (event: HTMLElementEventMap['${e}']) => void;`)
      .join('\n');
    const extra = [attributes, events].filter(Boolean).join('\n');
    return `    '${t.tag}': HTMLAttributes<${t.className}> &
      Partial<Pick<${t.className}, ${union(t.properties)}>>${extra ? ` & {\n${extra}\n      }` : ''};`;
  };
  return `${header("Import it once for its types: `import type {} from 'reactor-elements/svelte'`.")}
// The tags' types name \`HTMLAttributes\` of the module they augment.
import type {} from 'svelte/elements';
import type { ${tags.map((t) => t.className).join(', ')} } from '../elements/index.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${tags.map(block).join('\n')}
  }
}
`;
}
