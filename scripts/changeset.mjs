/**
 * `npm run changeset -- <command>`: Changesets for this repository's one package. Changesets
 * takes a root with `workspaces` for a monorepo and versions only the workspaces (here the test
 * fixtures), never the root, which is the package we publish. So while it runs, the root's
 * `package.json` names no workspaces; it is put back as it was, whatever happens.
 *   npm run changeset            a new changeset (asks the bump and a line)
 *   npm run changeset -- version the pending changesets into the version and CHANGELOG.md
 *   npm run changeset -- status  what the next release would be
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './fresh-build.mjs';

const path = join(root, 'package.json');
const original = readFileSync(path, 'utf8');
const manifest = JSON.parse(original);
delete manifest.workspaces;
const restore = (text) => {
  // `changeset version` wrote the new version: keep it, with the workspaces back.
  const now = JSON.parse(text);
  const back = JSON.parse(original);
  back.version = now.version;
  writeFileSync(path, `${JSON.stringify(back, null, 2)}\n`);
};
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
let status;
try {
  const bin = join(root, 'node_modules/@changesets/cli/bin.js');
  status =
    spawnSync(process.execPath, [bin, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
      .status ?? 1;
} finally {
  restore(readFileSync(path, 'utf8'));
}
process.exit(status);
