#!/usr/bin/env node
// Generates custom-elements.json (`node scripts/manifest.mjs`) or checks that the committed
// file matches a fresh analysis (`--check`, exit 1 with a hint when it does not).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

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

if (!check) {
  analyze('.');
  console.log('custom-elements.json written');
} else {
  const tmp = mkdtempSync(join(root, 'node_modules/.cem-check-'));
  try {
    const fresh = JSON.parse(analyze(relative(root, tmp)));
    const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
      console.error('custom-elements.json is out of date: run `npm run manifest` and commit it.');
      process.exit(1);
    }
    console.log('custom-elements.json matches the source');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
