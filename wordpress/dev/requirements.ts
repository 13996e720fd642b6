/**
 * What a local WordPress needs on this machine: PHP 8.1+ with mysqli, and MariaDB's server. On
 * Debian as root they are installed with apt-get (as CI does); elsewhere the command is said.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Debian's packages: PHP's command line with the extensions WordPress uses, and MariaDB's server. */
export const DEBIAN_PACKAGES = [
  'php8.2-cli',
  'php8.2-mysql',
  'php8.2-curl',
  'php8.2-mbstring',
  'php8.2-xml',
  'mariadb-server-core',
];

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function missing(): string[] {
  const lacking: string[] = [];
  if (!has('php')) lacking.push('php');
  else if (spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status !== 0)
    lacking.push("php's mysqli");
  if (!has('mariadbd') || !has('mariadb-install-db')) lacking.push('mariadbd');
  return lacking;
}

/** Makes sure PHP and MariaDB are here, installing Debian's packages when it may. */
export function ensureRequirements(log: (line: string) => void = console.log): void {
  const lacking = missing();
  if (!lacking.length) return;
  const command = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;
  const root = process.getuid?.() === 0;
  if (!root || !has('apt-get'))
    throw new Error(
      `A local WordPress needs ${lacking.join(' and ')}. On Debian or Ubuntu: sudo ${command} (or PHP 8.1+ with mysqli and MariaDB from your system's packages).`,
    );
  log(
    `[wordpress] installing Debian's ${DEBIAN_PACKAGES.join(' ')} (${lacking.join(', ')} missing)`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('sh', ['-c', `${command} -qq >/dev/null`], { stdio: 'inherit', env });
  if (missing().length) throw new Error(`Still missing after ${command}: ${missing().join(', ')}`);
}
