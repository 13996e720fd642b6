#!/usr/bin/env node
// Generates custom-elements.json and, from it, the React components of src/react/index.ts and
// the framework types of src/jsx, src/vue and src/svelte
// (`node scripts/manifest.mjs`), or checks that the committed files match a fresh analysis
// (`--check`, exit 1 with a hint when they do not).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { reactWrappers } from './react-wrappers.mjs';
import { svelteTypes, vueTypes } from './framework-types.mjs';

const root = new URL('..', import.meta.url).pathname;
const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
const check = process.argv.includes('--check');

function analyze(outdir) {
  execFileSync(
    process.execPath,
    [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8');
}

const REACT = join(root, 'src/react/index.ts');
const JSX = join(root, 'src/jsx/index.ts');
const VUE = join(root, 'src/vue/index.ts');
const SVELTE = join(root, 'src/svelte/index.ts');

/** The generated files beside the manifest: path → its text for a manifest. */
const GENERATED = [
  [REACT, (text) => react(text)],
  [JSX, (text) => jsx(text)],
  [VUE, (text) => formatted(VUE, vueTypes(text))],
  [SVELTE, (text) => formatted(SVELTE, svelteTypes(text))],
];

async function formatted(path, code) {
  return format(code, { ...(await resolveConfig(path)), filepath: path });
}

/**
 * The JSX types of the tags (React 19, Preact, Solid, Stencil, Qwik, Hono), from the manifest
 * by @wc-toolkit/jsx-types: importing `reactor-elements/jsx` adds the tags, their attributes,
 * properties and typed `onreactor-…` events to each of those frameworks' JSX.
 */
async function jsx(manifestText) {
  const tmp = mkdtempSync(join(root, 'node_modules/.jsx-'));
  try {
    const quiet = console.log;
    console.log = () => undefined; // the generator's progress lines
    try {
      await generateJsxTypes(JSON.parse(manifestText), {
        outdir: tmp,
        fileName: 'index.ts',
        globalTypePath: '../elements/index.js',
        stronglyTypedEvents: true,
        // Defined by its own opt-in script: a page that has not loaded it has no such tag.
        exclude: ['ReactorDebug'],
      });
    } finally {
      console.log = quiet;
    }
    const text = readFileSync(join(tmp, 'index.ts'), 'utf8');
    // Types only: the generator also augments the JSX of eight frameworks, which a project
    // without all of them cannot compile; `reactor-elements/jsx/react` augments React's alone.
    const types = text.slice(0, text.search(/^declare (module|global)/m));
    // Import what the types name (the generator imports every export, and not the detail types
    // that only the events name).
    const body = types.slice(types.indexOf('} from'));
    const named = new Set(
      JSON.parse(manifestText).modules.flatMap((m) =>
        (m.declarations ?? []).flatMap((d) =>
          (d.events ?? []).flatMap((e) => e.type?.text.match(/\b[A-Z][A-Za-z]+\b/g) ?? []),
        ),
      ),
    );
    // The browser's own types need no import.
    const DOM_TYPES = new Set(['CustomEvent', 'File', 'Blob']);
    const imported = [...types.slice(0, types.indexOf('} from')).matchAll(/^\s+(\w+),$/gm)]
      .map((m) => m[1])
      .concat([...named].filter((n) => !DOM_TYPES.has(n)));
    const code = body.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // names in comments do not count
    const used = [...new Set(imported)].filter((n) => new RegExp(`\\b${n}\\b`).test(code));
    const out = `// Generated from custom-elements.json by @wc-toolkit/jsx-types (\`npm run manifest\`).
// Do not edit. The generator's own style (an \`any\` for children, \`{}\` for no props) is kept.
/* eslint-disable */
import type {\n${used.map((n) => `  ${n},`).join('\n')}\n${body}`;
    return format(out, { ...(await resolveConfig(JSX)), filepath: JSX });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The React module for a manifest, formatted as the repository formats TypeScript. */
async function react(manifestText) {
  const options = await resolveConfig(REACT);
  return format(reactWrappers(manifestText), { ...options, filepath: REACT });
}

if (!check) {
  const text = analyze('.');
  for (const [path, make] of GENERATED) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await make(text));
  }
  console.log(
    `custom-elements.json and ${GENERATED.map(([p]) => relative(root, p)).join(', ')} written`,
  );
} else {
  const tmp = mkdtempSync(join(root, 'node_modules/.cem-check-'));
  try {
    const fresh = JSON.parse(analyze(relative(root, tmp)));
    const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
      // The first line that differs, so a mismatch seen once (in CI, say) can be understood.
      const [a, b] = [committed, fresh].map((m) => JSON.stringify(m, null, 1).split('\n'));
      const at = a.findIndex((line, i) => line !== b[i]);
      console.error(
        `custom-elements.json is out of date: run \`npm run manifest\` and commit it (line ${at + 1}: committed ${a[at]?.trim()}, fresh ${b[at]?.trim()}).`,
      );
      process.exit(1);
    }
    for (const [path, make] of GENERATED) {
      if ((await make(JSON.stringify(fresh))) !== readFileSync(path, 'utf8')) {
        console.error(
          `${relative(root, path)} is out of date: run \`npm run manifest\` and commit it.`,
        );
        process.exit(1);
      }
    }
    console.log('custom-elements.json and the files generated from it match the source');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
