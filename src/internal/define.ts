/**
 * First-wins registration of custom elements.
 *
 * A page may load this library twice (a CDN script plus an npm bundle, two micro-frontends).
 * `customElements.define` throws on the second call for a tag, so every registration goes
 * through {@link defineElement}: the first class keeps the tag, a later copy of the same version
 * is ignored quietly, and a later copy of another version logs one warning and is ignored.
 */
import { say } from './console.js';
export interface VersionedElement extends CustomElementConstructor {
  readonly version?: string;
}

const warned = new Set<string>();

/** Registers `tag` unless it is taken. Returns the class that owns the tag afterwards. */
export function defineElement(tag: string, ctor: VersionedElement): CustomElementConstructor {
  const registry = globalThis.customElements;
  // A server-side import (SSR, a test runner, a static-site build) registers nothing, even where
  // lit's DOM shim provides a registry: these elements only work on a live page.
  if (!registry || typeof document === 'undefined') return ctor;
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    return ctor;
  }
  if (existing !== ctor && existing.version !== ctor.version && !warned.has(tag)) {
    warned.add(tag);
    say(
      `<${tag}> is already defined by version ${existing.version ?? 'unknown'}; ` +
        `version ${ctor.version ?? 'unknown'} was loaded too and is not used. Load the library once.`,
    );
  }
  return existing;
}
