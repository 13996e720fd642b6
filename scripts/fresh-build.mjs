/**
 * The script-tag bundles in `dist/`, rebuilt (`vite build`) when they are missing or older than
 * a source file: what the WordPress plugin carries and what the pins are computed from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(import.meta.url), '../..');

/** The classic-script files a page loads from a CDN (or from its own server). */
export const SCRIPT_FILES = [
  'reactor-elements.iife.js',
  'reactor-elements.js',
  'reactor-elements.de.js',
  'reactor-elements.debug.js',
];

const newest = (dir) =>
  readdirSync(dir).reduce((max, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return Math.max(max, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }, 0);

/** Whether every file of `files` is in `dist/` and newer than every source file. */
function fresh(files) {
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
    statSync(join(root, 'package.json')).mtimeMs,
  );
  return files.every((file) => {
    const path = join(root, 'dist', file);
    return existsSync(path) && statSync(path).mtimeMs > sources;
  });
}

/** `dist/` with `files` built from today's sources. */
export function freshBuild(files = SCRIPT_FILES) {
  if (!fresh(files))
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return join(root, 'dist');
}
