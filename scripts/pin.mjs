/**
 * `npm run pin`: the pinned snippet. For each script file a page loads from a CDN, the exact
 * version and the `sha384` of the file the tarball carries (built from today's sources), written
 * to `demo/snippet/pins.json` (the snippet page reads it) and into every CDN script line of the
 * README. A released version's pins are final: it refuses when the tag `v<version>` exists (add a
 * changeset and run `npm run release:version` instead).
 *   --check   change nothing; exit 1 and say what differs
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { SCRIPT_FILES, freshBuild, root } from './fresh-build.mjs';

export const PINS_FILE = join(root, 'demo/snippet/pins.json');
export const CDN = 'https://cdn.jsdelivr.net/npm/reactor-elements';

/** `sha384-…` of some bytes, as `integrity=` takes it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The pins of the files in `dist` (or of the given file contents), for `version`. */
export function pinsOf(version, read = (file) => readFileSync(join(root, 'dist', file))) {
  return {
    version,
    integrity: Object.fromEntries(SCRIPT_FILES.map((file) => [file, sri(read(file))])),
  };
}

/** A CDN script line of the README: `<script src="…/reactor-elements@V/dist/F" …></script>`. */
const SCRIPT_LINE =
  /<script\s+src="https:\/\/cdn\.jsdelivr\.net\/npm\/reactor-elements@[^/"]+\/dist\/([a-z.-]+\.js)"[^>]*>\s*<\/script>/g;

/** The script tag of `file`, pinned. */
export const pinnedTag = (pins, file) =>
  `<script src="${CDN}@${pins.version}/dist/${file}" integrity="${pins.integrity[file]}" crossorigin="anonymous"></script>`;

/** `text` with every CDN script line pinned; throws for a file that has no pin. */
export function pinText(text, pins) {
  return text.replace(SCRIPT_LINE, (_line, file) => {
    if (!pins.integrity[file]) throw new Error(`no pin for ${file}`);
    return pinnedTag(pins, file);
  });
}

/** The README as Prettier writes it (a pinned line is long: Prettier puts its attributes on lines). */
export async function formatted(text, path = join(root, 'README.md')) {
  const options = await prettier.resolveConfig(path);
  return prettier.format(text, { ...options, filepath: path });
}

/** The CDN script lines of `text`: `{file, line}`. */
export const scriptLines = (text) =>
  [...text.matchAll(SCRIPT_LINE)].map(([line, file]) => ({ file, line }));

function released(version) {
  try {
    execFileSync('git', ['rev-parse', '-q', '--verify', `refs/tags/v${version}`], {
      cwd: root,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  freshBuild();
  const pins = pinsOf(version);
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const pinned = await formatted(pinText(readme, pins));
  const json = `${JSON.stringify(pins, null, 2)}\n`;
  let current = '';
  try {
    current = readFileSync(PINS_FILE, 'utf8');
  } catch {
    /* first pins */
  }
  const stale = [
    pinned !== readme && 'README.md',
    current !== json && 'demo/snippet/pins.json',
  ].filter(Boolean);
  if (check) {
    if (stale.length) {
      console.error(`[pin] not the files of ${version}: ${stale.join(', ')} (run npm run pin)`);
      process.exit(1);
    }
    console.log(`[pin] ${version}: README.md and demo/snippet/pins.json name the built files`);
  } else if (!stale.length) {
    console.log(`[pin] ${version}: already pinned`);
  } else if (released(version)) {
    console.error(
      `[pin] ${version} is released (tag v${version}): its pins are final. Add a changeset (npx changeset) and run npm run release:version.`,
    );
    process.exit(1);
  } else {
    writeFileSync(readmePath, pinned);
    writeFileSync(PINS_FILE, json);
    console.log(`[pin] ${version}: ${stale.join(', ')} pinned`);
    for (const file of SCRIPT_FILES) console.log(`  ${file}  ${pins.integrity[file]}`);
  }
}
