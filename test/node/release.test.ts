/**
 * The release step on a scratch clone of HEAD: a pending changeset becomes the next version and
 * its CHANGELOG.md entry (Changesets, through scripts/changeset.mjs), the snippet is re-pinned to
 * that version, and the WordPress plugin is stamped with it; the root's workspaces survive.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

test('a changeset becomes the version, its changelog entry, the pins and the plugin’s version', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'reactor-release-test-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  await run('git', ['clone', '-q', '--no-hardlinks', root, scratch]);
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  const before = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8'));
  writeFileSync(
    join(scratch, '.changeset/brave-owls-sing.md'),
    "---\n'reactor-elements': minor\n---\n\nA `reactor-session` attribute the release test made up.\n",
  );
  await run('npm', ['run', '--silent', 'release:version'], { cwd: scratch, maxBuffer: 16 << 20 });

  const after = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8'));
  const [major, minor] = before.version.split('.').map(Number);
  const next = `${major}.${minor + 1}.0`;
  assert.equal(after.version, next);
  assert.deepEqual(after.workspaces, before.workspaces, 'the workspaces are back');
  const changelog = readFileSync(join(scratch, 'CHANGELOG.md'), 'utf8');
  assert.match(
    changelog,
    new RegExp(
      `## ${next.replace(/\./g, '\\.')}\\n\\n### Minor Changes\\n\\n- (?:[0-9a-f]{7}: )?A \`reactor-session\` attribute the release test made up\\.`,
    ),
  );
  assert.ok(
    changelog.indexOf(`## ${next}`) < changelog.indexOf(`## ${before.version}`),
    'newest first',
  );
  const pins = JSON.parse(readFileSync(join(scratch, 'demo/snippet/pins.json'), 'utf8'));
  assert.equal(pins.version, next);
  const readme = readFileSync(join(scratch, 'README.md'), 'utf8');
  assert.ok(readme.includes(`reactor-elements@${next}/dist/reactor-elements.iife.js`));
  assert.ok(
    !readme.includes(`reactor-elements@${before.version}/dist/`),
    'no line left at the old version',
  );
  await run('node', ['scripts/pin.mjs', '--check'], { cwd: scratch });

  const { stdout } = await run('node', ['scripts/wordpress-plugin.mjs', '--no-zip'], {
    cwd: scratch,
  });
  assert.match(stdout, /plugin staged/);
  const plugin = readFileSync(
    join(scratch, '.cache/wordpress/plugin/reactor-elements/reactor-elements.php'),
    'utf8',
  );
  assert.match(plugin, new RegExp(`\\* Version:\\s+${next.replace(/\./g, '\\.')}\\n`));
  assert.match(plugin, new RegExp(`'REACTOR_ELEMENTS_VERSION', '${next.replace(/\./g, '\\.')}'`));
});
