/**
 * WordPress's own files, offline: a folder named by `WORDPRESS_DIR`, else Debian's packages
 * (`apt-get download`, unpacked with `dpkg -x`: no root, nothing installed), kept under
 * `.cache/wordpress/` for the next run. Debian points a few files at shared copies by absolute
 * symlinks; the copy resolves them inside the unpacked tree.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/** Debian's WordPress and what its files link to. */
const PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'libjs-underscore',
  'libjs-cropper',
  'php-getid3',
];

export const CACHE = resolve('.cache/wordpress');

/** A folder with WordPress's files (wp-settings.php at its top), ready to copy. */
export function wordpressCore(): string {
  const given = process.env.WORDPRESS_DIR;
  if (given) {
    if (!existsSync(join(given, 'wp-settings.php')))
      throw new Error(
        `WORDPRESS_DIR=${given} has no wp-settings.php: point it at WordPress's files.`,
      );
    return resolve(given);
  }
  const core = join(CACHE, 'core');
  if (existsSync(join(core, 'wp-settings.php'))) return core;
  const debs = join(CACHE, 'debs');
  const unpacked = join(CACHE, 'unpacked');
  rmSync(debs, { recursive: true, force: true });
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  try {
    try {
      execFileSync('apt-get', ['download', ...PACKAGES], { cwd: debs, stdio: 'pipe' });
    } catch (error) {
      // A fresh machine may not have read its package lists yet.
      if (process.getuid?.() !== 0) throw error;
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'pipe' });
      execFileSync('apt-get', ['download', ...PACKAGES], { cwd: debs, stdio: 'pipe' });
    }
  } catch (error) {
    throw new Error(
      `WordPress's files come from Debian's packages here (apt-get download ${PACKAGES.join(' ')}), and that failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}. Or set WORDPRESS_DIR to a folder with WordPress 6.1 or later.`,
      { cause: error },
    );
  }
  for (const deb of readdirSync(debs)) execFileSync('dpkg', ['-x', join(debs, deb), unpacked]);
  copyResolved(join(unpacked, 'usr/share/wordpress'), core, unpacked);
  // Debian's wp-config.php reads /etc/wordpress; each site writes its own.
  rmSync(join(core, 'wp-config.php'), { force: true });
  rmSync(debs, { recursive: true, force: true });
  rmSync(unpacked, { recursive: true, force: true });
  return core;
}

/** Copies `from` to `to`, following symlinks; an absolute link points into `root`. */
function copyResolved(from: string, to: string, root: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    let real = source;
    for (let hops = 0; lstatSync(real).isSymbolicLink() && hops < 10; hops++) {
      const link = readlinkSync(real);
      real = link.startsWith('/') ? join(root, link) : resolve(real, '..', link);
      if (!existsSync(real)) break;
    }
    if (!existsSync(real)) continue; // a link to a package not unpacked: WordPress does without it
    if (lstatSync(real).isDirectory()) copyResolved(real, target, root);
    else cpSync(real, target);
  }
}
