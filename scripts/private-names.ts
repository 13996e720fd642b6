/**
 * The names of the library's private members, for the minifier to shorten (`private` and
 * `protected` class members in src/, minus any name that is also declared in the open anywhere:
 * a public member, an interface or type member, an object literal key, an override of lit's).
 * Source names stay readable; only the shipped bundles carry the short ones.
 */
import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'server' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Names the library keeps private that the platform also has, and that the code reads on the
 * platform's objects (`Math.round`, `map.set`, `document.hidden`, `navigator.locks.request`, an
 * event's `channel`): never shortened, or those reads would break.
 */
const BUILTIN = new Set(['channel', 'entries', 'filter', 'hidden', 'request', 'round', 'set']);

/**
 * Protected members of the library's own base classes that a subclass overrides (`Emitter`'s and
 * `ReactorElement`'s `emit`): the override is as private as the member it overrides, so it is
 * shortened with it. (Any other override may be of lit's members, and keeps its name.)
 */
const OWN_OVERRIDES = new Set(['emit']);

export function privateNames(srcDir: string): string[] {
  const hidden = new Set<string>();
  const open = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const visit = (node: ts.Node): void => {
      const name = (node as { name?: ts.Node }).name;
      if (
        name &&
        ts.isIdentifier(name) &&
        (ts.isClassElement(node) || ts.isTypeElement(node) || ts.isObjectLiteralElement(node))
      ) {
        const flags = ts.canHaveModifiers(node)
          ? ts.getCombinedModifierFlags(node as ts.Declaration)
          : 0;
        const isPrivate =
          ts.isClassElement(node) &&
          flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) &&
          !(flags & ts.ModifierFlags.Static) &&
          (!(flags & ts.ModifierFlags.Override) || OWN_OVERRIDES.has(name.text));
        (isPrivate ? hidden : open).add(name.text);
      }
      if (ts.isShorthandPropertyAssignment(node)) open.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...hidden].filter((name) => !open.has(name) && !BUILTIN.has(name)).sort();
}
