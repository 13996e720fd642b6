/**
 * The names of the library's internal members, for the minifier to shorten in the script-tag
 * bundles (source names stay readable; the npm build is not minified). A member is internal when
 * nothing outside the bundle can read it:
 * - a `private` or `protected` member of any class in src/ (an override only where it overrides
 *   one of our own base classes, see `OWN_OVERRIDES`), or any member of a class the bundle does
 *   not export (the session unit, the client, the controllers, the store's helpers);
 * - and the name is declared nowhere in the open: not a member of a class the bundle exports
 *   (an element, `AccountStore`) or of their base classes, not a member of an interface or type,
 *   not an object literal's key (wire JSON, options, events' details, message tables);
 * - and the code never reads it on something not its own: the type checker finds every `x.name`
 *   and `{ name } = x` whose member the platform or a package declares (`response.status`,
 *   `navigator.locks.request`; an untyped `x` counts too); no name lit or @lit/context declares
 *   (a controller's `hostConnected`, a context request's `callback`); no name the platform calls
 *   by itself (`then`, `handleEvent`).
 * The mangling is consistent across the bundle, so a name is either shortened everywhere or
 * nowhere.
 */
import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function files(dir: string, test: (name: string) => boolean, skip = new Set<string>()): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : files(path, test, skip);
    return test(entry.name) ? [path] : [];
  });
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);

/** Every member name lit and @lit/context declare (a controller's `hostConnected`, an event's `callback`). */
function litNames(): Set<string> {
  const names = new Set<string>();
  for (const pkg of ['lit-html', '@lit/reactive-element', 'lit-element', '@lit/context']) {
    const main = require.resolve(pkg);
    const dir = main.slice(
      0,
      main.lastIndexOf(`node_modules/${pkg}/`) + `node_modules/${pkg}`.length,
    );
    for (const file of files(
      dir,
      (n) => n.endsWith('.d.ts'),
      new Set(['node_modules', 'development']),
    )) {
      const visit = (node: ts.Node): void => {
        const name = (node as { name?: ts.Node }).name;
        if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.add(name.text);
        ts.forEachChild(node, visit);
      };
      visit(parse(file));
    }
  }
  return names;
}

/**
 * The candidate names the code reads on something not its own (`x.name` or `{ name } = x` where
 * the member is declared by the platform or a package): found with the type checker.
 */
function foreignReads(sourceFiles: string[], candidates: Set<string>): Set<string> {
  const program = ts.createProgram(sourceFiles, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    experimentalDecorators: true,
    types: [],
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const foreign = new Set<string>();
  const ours = (d: ts.Declaration) => !d.getSourceFile().fileName.includes('/node_modules/');
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile) continue;
    const visit = (node: ts.Node): void => {
      let name: ts.Identifier | null = null;
      let symbol: ts.Symbol | undefined;
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
        name = node.name;
        symbol = checker.getSymbolAtLocation(node.name);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key)) {
          name = key;
          const type = checker.getTypeAtLocation(node.parent);
          symbol = type.getProperty(key.text);
        }
      }
      if (name && candidates.has(name.text)) {
        const declarations = symbol?.declarations ?? [];
        // Unknown (any, an unresolved type) counts as foreign: never guess.
        if (!declarations.length || !declarations.every(ours)) foreign.add(name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return foreign;
}

/**
 * The classes an entry exports (followed through `export … from`): with their base classes, found
 * by name within src/, their public members are the library's API.
 */
function exportedClassNames(entry: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const follow = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const statement of parse(file).statements) {
      if (!ts.isExportDeclaration(statement) || statement.isTypeOnly) continue;
      const from = statement.moduleSpecifier;
      const target =
        from && ts.isStringLiteral(from)
          ? resolve(dirname(file), from.text.replace(/\.js$/, '.ts'))
          : null;
      const clause = statement.exportClause;
      if (!clause && target) follow(target);
      else if (clause && ts.isNamedExports(clause))
        for (const element of clause.elements)
          if (!element.isTypeOnly) names.add((element.propertyName ?? element.name).text);
    }
  };
  follow(entry);
  return names;
}

/**
 * Protected members of the library's own base classes that a subclass overrides (`Emitter`'s and
 * `ReactorElement`'s `emit`): the override is as private as the member it overrides, so it is
 * shortened with it. (Any other override may be of lit's members, and keeps its name.)
 */
const OWN_OVERRIDES = new Set(['emit']);

/** Methods the platform itself calls on any object by name (a thenable, `JSON.stringify`, a listener object). */
const CALLED_BY_NAME = new Set(['handleEvent', 'then', 'toJSON', 'toString', 'valueOf', 'next']);

export function internalNames(srcDir: string): string[] {
  const paths = files(srcDir, (n) => n.endsWith('.ts'), new Set(['server']));
  const sources = paths.map(parse);
  // The exported classes and their base classes, by name.
  const exported = new Set(
    ['index.ts', 'debug/index.ts'].flatMap((entry) => [...exportedClassNames(join(srcDir, entry))]),
  );
  const bases = new Map<string, string>();
  for (const source of sources)
    for (const statement of source.statements)
      if (ts.isClassDeclaration(statement) && statement.name) {
        const base = statement.heritageClauses?.[0]?.types[0]?.expression;
        if (base && ts.isIdentifier(base)) bases.set(statement.name.text, base.text);
      }
  for (const name of [...exported])
    for (let base = bases.get(name); base; base = bases.get(base)) exported.add(base);

  const internal = new Set<string>();
  const open = new Set<string>();
  for (const source of sources) {
    const visit = (node: ts.Node, inClass: string | null): void => {
      const name = (node as { name?: ts.Node }).name;
      if (
        name &&
        ts.isIdentifier(name) &&
        (ts.isClassElement(node) || ts.isTypeElement(node) || ts.isObjectLiteralElement(node))
      ) {
        const flags = ts.canHaveModifiers(node)
          ? ts.getCombinedModifierFlags(node as ts.Declaration)
          : 0;
        const hidden =
          ts.isClassElement(node) &&
          !(flags & ts.ModifierFlags.Static) &&
          (!(flags & ts.ModifierFlags.Override) || OWN_OVERRIDES.has(name.text)) &&
          (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) ||
            (inClass !== null && !exported.has(inClass)));
        (hidden ? internal : open).add(name.text);
      }
      if (ts.isShorthandPropertyAssignment(node)) open.add(node.name.text);
      const className =
        ts.isClassDeclaration(node) || ts.isClassExpression(node)
          ? (node.name?.text ?? '')
          : ts.isObjectLiteralExpression(node) || ts.isFunctionLike(node)
            ? null
            : inClass;
      ts.forEachChild(node, (child) => visit(child, className));
    };
    visit(source, null);
  }
  const lit = litNames();
  const candidates = new Set(
    [...internal].filter((name) => !open.has(name) && !lit.has(name) && !CALLED_BY_NAME.has(name)),
  );
  const foreign = foreignReads(paths, candidates);
  return [...candidates].filter((name) => !foreign.has(name)).sort();
}
