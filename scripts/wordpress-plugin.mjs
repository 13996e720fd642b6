/**
 * `npm run wordpress:plugin`: the WordPress plugin as it ships, from this repository: the PHP of
 * `wordpress/reactor-elements/` with the package's built script bundles inside it (WordPress.org
 * refuses scripts loaded from a CDN), stamped with the package's version, staged in
 * `.cache/wordpress/plugin/reactor-elements/` and zipped to `dist-wordpress/`.
 *   --no-zip   stage only (the local site and its tests use the staged folder)
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipFolder } from './zip.mjs';
import { freshBuild, root } from './fresh-build.mjs';

const SLUG = 'reactor-elements';
/** The built files the plugin carries: the classic bundle and the German texts. */
const BUNDLES = ['reactor-elements.iife.js', 'reactor-elements.de.js'];

export function stagePlugin({ build = true } = {}) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dist = build ? freshBuild(BUNDLES) : join(root, 'dist');
  const staged = join(root, '.cache/wordpress/plugin', SLUG);
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  cpSync(join(root, 'wordpress', SLUG), staged, { recursive: true });
  for (const file of BUNDLES) cpSync(join(dist, file), join(staged, 'assets', file));
  cpSync(join(root, 'LICENSE'), join(staged, 'LICENSE-reactor-elements.txt'));
  // One version everywhere: the plugin header, its constant, readme.txt's stable tag.
  const stamp = (file, pattern, replacement) => {
    const path = join(staged, file);
    const text = readFileSync(path, 'utf8');
    if (!pattern.test(text)) throw new Error(`${file}: no ${pattern} to stamp the version into`);
    writeFileSync(path, text.replace(pattern, replacement));
  };
  stamp(`${SLUG}.php`, /(\* Version:\s+)[^\n]+/, `$1${version}`);
  stamp(`${SLUG}.php`, /('REACTOR_ELEMENTS_VERSION', ')[^']+/, `$1${version}`);
  stamp('readme.txt', /(Stable tag: )[^\n]+/, `$1${version}`);
  return { staged, version };
}

export function zipPlugin() {
  const { staged, version } = stagePlugin();
  const out = join(root, 'dist-wordpress', `${SLUG}-${version}.zip`);
  mkdirSync(join(root, 'dist-wordpress'), { recursive: true });
  const entries = zipFolder(staged, out, SLUG);
  return { out, entries, version };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--no-zip')) {
    console.log(`[wordpress] plugin staged in ${stagePlugin().staged}`);
  } else {
    const { out, entries } = zipPlugin();
    console.log(`[wordpress] ${out} (${entries.length} files)`);
  }
}
