#!/usr/bin/env node
// Generates custom-elements.json and, from it, the React components of src/react/index.ts
// (`node scripts/manifest.mjs`), or checks that the committed files match a fresh analysis
// (`--check`, exit 1 with a hint when they do not).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { reactWrappers } from './react-wrappers.mjs';

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

/** The React module for a manifest, formatted as the repository formats TypeScript. */
async function react(manifestText) {
  const options = await resolveConfig(REACT);
  return format(reactWrappers(manifestText), { ...options, filepath: REACT });
}

if (!check) {
  const text = analyze('.');
  writeFileSync(REACT, await react(text));
  console.log('custom-elements.json and src/react/index.ts written');
} else {
  const tmp = mkdtempSync(join(root, 'node_modules/.cem-check-'));
  try {
    const fresh = JSON.parse(analyze(relative(root, tmp)));
    const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
      console.error('custom-elements.json is out of date: run `npm run manifest` and commit it.');
      process.exit(1);
    }
    if ((await react(JSON.stringify(fresh))) !== readFileSync(REACT, 'utf8')) {
      console.error('src/react/index.ts is out of date: run `npm run manifest` and commit it.');
      process.exit(1);
    }
    console.log('custom-elements.json and src/react/index.ts match the source');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
