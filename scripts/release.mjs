/**
 * `npm run release -- --dry-run` (here) and `npm run release -- --publish` (the release
 * workflow). One release makes the npm tarball, its changelog entry, the pinned snippet and the
 * WordPress plugin's zip, all with one version.
 *
 * --dry-run  on a scratch clone of HEAD (your checkout is not touched): applies the pending
 *            changesets (the new version and its CHANGELOG.md entry), re-pins, packs, runs
 *            `npm publish --dry-run`, builds the plugin zip, copies them to dist-release/ and
 *            prints the entry and the snippet.
 * --publish  in place, after `npm run release:version` was merged: checks the pins, packs,
 *            publishes with provenance, tags v<version>, and makes a GitHub release with the
 *            plugin zip (needs npm's trusted publishing or NPM_TOKEN, and `gh`).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { root } from './fresh-build.mjs';
import { CDN } from './pin.mjs';

const args = process.argv.slice(2);
const publish = args.includes('--publish');
if (!publish && !args.includes('--dry-run')) {
  console.error('npm run release -- --dry-run   (or --publish, in the release workflow)');
  process.exit(2);
}

const run = (command, argv, cwd, options = {}) =>
  execFileSync(command, argv, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    ...options,
  });
const say = (line) => console.log(`[release] ${line}`);

/** The pending changesets of a checkout (every .md of .changeset/ but its README). */
const pending = (dir) =>
  existsSync(join(dir, '.changeset'))
    ? readdirSync(join(dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')
    : [];

/** The changelog entry of `version`: its section of CHANGELOG.md. */
function entryOf(dir, version) {
  const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
  const start = changelog.indexOf(`## ${version}`);
  if (start < 0) throw new Error(`CHANGELOG.md has no entry for ${version}`);
  const next = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start, next < 0 ? undefined : next).trim();
}

/** Whether the registry has this version already (a published version is never replaced). */
function published(version) {
  try {
    return (
      run('npm', ['view', `reactor-elements@${version}`, 'version'], root, {
        stdio: 'pipe',
      }).trim() === version
    );
  } catch {
    return false;
  }
}

/** `npm pack` (which builds) in `dir`: the tarball's path. */
function pack(dir, destination) {
  const out = run('npm', ['pack', '--json', '--pack-destination', destination], dir, {
    maxBuffer: 32 << 20,
  });
  const [report] = JSON.parse(out.slice(out.indexOf('[\n')));
  return join(destination, report.filename);
}

/** The snippet an owner copies: the pinned script line and the tags. */
function snippetOf(dir) {
  const pins = JSON.parse(readFileSync(join(dir, 'demo/snippet/pins.json'), 'utf8'));
  const file = 'reactor-elements.iife.js';
  return [
    `<script src="${CDN}@${pins.version}/dist/${file}" integrity="${pins.integrity[file]}" crossorigin="anonymous"></script>`,
    '<reactor-session model="helios" token-url="https://your-token-route.example/api/reactor-token"></reactor-session>',
  ].join('\n');
}

if (publish) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (published(version)) {
    say(`${version} is on npm already: nothing to publish`);
    process.exit(0);
  }
  run('node', ['scripts/pin.mjs', '--check'], root, { stdio: 'inherit' });
  mkdirSync(join(root, 'dist-release'), { recursive: true });
  const tarball = pack(root, join(root, 'dist-release'));
  run('npm', ['publish', tarball, '--provenance', '--access', 'public'], root, {
    stdio: 'inherit',
  });
  run('node', ['scripts/wordpress-plugin.mjs'], root, { stdio: 'inherit' });
  const zip = join(root, 'dist-wordpress', `reactor-elements-${version}.zip`);
  run('git', ['tag', `v${version}`], root);
  run('git', ['push', 'origin', `v${version}`], root, { stdio: 'inherit' });
  const notes = join(root, 'dist-release', 'notes.md');
  writeFileSync(
    notes,
    `${entryOf(root, version)}\n\n### The pinned snippet\n\n\`\`\`html\n${snippetOf(root)}\n\`\`\`\n`,
  );
  run(
    'gh',
    ['release', 'create', `v${version}`, zip, '--title', `v${version}`, '--notes-file', notes],
    root,
    {
      stdio: 'inherit',
    },
  );
  say(`published ${version}: npm, the tag v${version}, the GitHub release with ${basename(zip)}`);
  process.exit(0);
}

// The dry run: a scratch clone of HEAD, with this checkout's installed packages.
const dirty = run('git', ['status', '--porcelain'], root).trim();
if (dirty) say('uncommitted changes are not in the dry run (it releases HEAD)');
const scratch = mkdtempSync(join(tmpdir(), 'reactor-release-'));
try {
  run('git', ['clone', '-q', '--no-hardlinks', root, scratch], root);
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  const changesets = pending(scratch);
  const before = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')).version;
  if (changesets.length) {
    say(`${changesets.length} pending changeset(s): ${changesets.join(', ')}`);
    run('npm', ['run', '--silent', 'release:version'], scratch, { stdio: 'inherit' });
  } else {
    say(`no pending changeset: ${before} is released as it is`);
  }
  const { version } = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8'));
  if (published(version))
    throw new Error(`${version} is on npm already: add a changeset (npx changeset)`);
  run('node', ['scripts/pin.mjs', '--check'], scratch, { stdio: 'inherit' });
  const out = join(root, 'dist-release');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tarball = pack(scratch, out);
  // Throws, with npm's words, when the registry would refuse the tarball.
  run('npm', ['publish', tarball, '--dry-run', '--access', 'public'], scratch, { stdio: 'pipe' });
  run('node', ['scripts/wordpress-plugin.mjs'], scratch, { stdio: 'inherit' });
  const zip = join(scratch, 'dist-wordpress', `reactor-elements-${version}.zip`);
  cpSync(zip, join(out, basename(zip)));
  const entry = entryOf(scratch, version);
  writeFileSync(join(out, 'CHANGELOG-entry.md'), `${entry}\n`);
  const size = (file) => `${(statSync(file).size / 1024).toFixed(1)} KiB`;
  console.log(`
[release] dry run of ${version}${version === before ? '' : ` (was ${before})`}: nothing was published
  tarball:          dist-release/${basename(tarball)} (${size(tarball)}; npm publish --dry-run passed)
  WordPress plugin: dist-release/${basename(zip)} (${size(join(out, basename(zip)))}; version ${version})
  changelog entry:  dist-release/CHANGELOG-entry.md

${entry}

The pinned snippet:

${snippetOf(scratch)}
`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
